package dev.flowline.server.dashboard;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The dashboard in a real browser (headless Chromium) against a real service: signing in, live history, the
 * execution detail's timeline, retrying a failed execution, enabling and disabling a workflow, the health charts.
 */
class DashboardBrowserTest {

    private static final String TOKEN = "browser-token-0123456789abcdef";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @RegisterExtension
    static final Browser browser = new Browser();

    private static Path data;
    private static FlowlineService service;
    private static TestClient api;
    private static LocalHttpServer hook;
    private static LocalHttpServer fragileHook;

    private WebDriver driver;

    @BeforeAll
    static void startService() throws Exception {
        data = Files.createTempDirectory("flowline-browser-");
        hook = new LocalHttpServer();
        fragileHook = new LocalHttpServer();
        service = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data).adminToken(TOKEN).build()).start();
        api = new TestClient(service.url(), TOKEN);
        assertThat(api.put("/api/workflows/order-flow", """
                {"name": "Order flow", "entity_type": "order", "operations": ["create"],
                 "conditions": [{"type": "field", "field": "total", "operator": "gte", "value": 0}],
                 "actions": [
                   {"id": "prepare", "type": "set", "values": {"n": "{{ entity.total }}"}, "result_variable": "prep"},
                   {"id": "tell", "type": "notification", "dependencies": ["prepare"], "recipients": ["ops"],
                    "body": "order {{ entity.id }}: {{ prep.n }}"},
                   {"id": "hook", "type": "webhook", "dependencies": ["prepare"], "url": "%s", "body": {"n": "{{ prep.n }}"}}]}
                """.formatted(hook.url("/h"))).status()).isEqualTo(201);
        assertThat(api.put("/api/workflows/fragile", """
                {"entity_type": "invoice", "operations": ["create"], "actions": [
                   {"id": "compute", "type": "set", "values": {"x": 1}, "result_variable": "c"},
                   {"id": "deliver", "type": "webhook", "dependencies": ["compute"], "url": "%s", "body": {"x": "{{ c.x }}"}}]}
                """.formatted(fragileHook.url("/f"))).status()).isEqualTo(201);
        assertThat(api.put("/api/workflows/toggle-me", """
                {"entity_type": "ticket", "operations": ["create"], "actions": [
                   {"id": "noop", "type": "set", "values": {"x": 1}}]}""").status()).isEqualTo(201);
    }

    @AfterAll
    static void stopService() {
        service.close();
        hook.close();
        fragileHook.close();
    }

    @BeforeEach
    void freshBrowser() {
        driver = browser.driver();
        driver.get(service.url() + "/login");
        driver.manage().deleteAllCookies();
    }

    private void signIn() {
        driver.get(service.url() + "/?token=" + TOKEN);
        wait(ExpectedConditions.urlToBe(service.url() + "/"));
    }

    private <T> T wait(java.util.function.Function<? super WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE).until(condition);
    }

    private static String postOrder(String entityId) {
        assertThat(api.post("/api/events", """
                {"entity_type": "order", "entity_id": "%s", "operation": "create", "data": {"id": "%s", "total": 42}}
                """.formatted(entityId, entityId)).status()).isEqualTo(202);
        return entityId;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitExecution(String query, String status) {
        await().atMost(PATIENCE).until(() -> ((List<Map<String, Object>>) api.get("/api/executions?" + query).map()
                .get("items")).stream().anyMatch(e -> status.equals(e.get("status"))));
        return ((List<Map<String, Object>>) api.get("/api/executions?" + query).map().get("items")).stream()
                .filter(e -> status.equals(e.get("status"))).findFirst().orElseThrow();
    }

    @Test
    void signing_in_with_the_admin_token_opens_the_page_that_was_asked_for() {
        driver.get(service.url() + "/workflows");
        wait(ExpectedConditions.urlContains("/login?next="));

        driver.findElement(By.id("token")).sendKeys("not-the-token");
        driver.findElement(By.cssSelector("#signin button")).click();
        assertThat(wait(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".problem"))).getText())
                .contains("not the admin token");

        driver.findElement(By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.cssSelector("#signin button")).click();
        wait(ExpectedConditions.urlToBe(service.url() + "/workflows"));
        assertThat(driver.findElement(By.cssSelector("tr[data-workflow-id='order-flow']")).getText())
                .contains("order: create", "enabled");
    }

    @Test
    void a_sign_in_link_drops_the_token_from_the_address_and_sets_a_strict_http_only_cookie() {
        driver.get(service.url() + "/executions?status=failed&token=" + TOKEN);
        wait(ExpectedConditions.urlToBe(service.url() + "/executions?status=failed"));
        assertThat(driver.getTitle()).startsWith("Executions");
        Cookie session = driver.manage().getCookieNamed(SignIn.COOKIE);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
        assertThat(session.getValue()).isNotEqualTo(TOKEN).doesNotContain(TOKEN);
    }

    @Test
    void a_new_execution_appears_in_the_history_without_a_page_reload() {
        signIn();
        driver.get(service.url() + "/executions");
        ((JavascriptExecutor) driver).executeScript("window.flowlineNotReloaded = true;");
        String entity = postOrder("o-live-" + UUID.randomUUID());

        WebElement row = wait(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//div[@id='history']//tr[td[@class='entity' and text()='order:" + entity + "']]")));
        assertThat(row.getText()).contains("order-flow");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.flowlineNotReloaded === true;"))
                .as("the page was updated in place, not reloaded").isEqualTo(true);
    }

    @Test
    void the_execution_detail_shows_every_action_in_the_timeline_with_its_duration() {
        String entity = postOrder("o-detail-" + UUID.randomUUID());
        Map<String, Object> execution = awaitExecution("entity_id=" + entity, "succeeded");
        signIn();
        driver.get(service.url() + "/executions/" + execution.get("execution_id"));

        for (String action : List.of("prepare", "tell", "hook")) {
            WebElement row = driver.findElement(By.cssSelector("#timeline .gantt-row[data-action='" + action + "']"));
            assertThat(row.findElements(By.cssSelector("rect.bar.ok"))).as(action).hasSize(1);
            assertThat(row.findElement(By.cssSelector(".action-duration")).getText()).as(action).matches("\\d+ ms");
        }
        assertThat(driver.findElement(By.cssSelector("#timeline .gantt-row[data-action='conditions'] rect.bar")))
                .isNotNull();
        assertThat(driver.findElement(By.cssSelector("table.conditions")).getText()).contains("total gte 0", "held");
        assertThat(driver.findElement(By.cssSelector("table.fields")).getText()).contains("total", "42");
        assertThat(driver.findElement(By.id("execution-status")).getText()).isEqualTo("succeeded");
    }

    @Test
    void a_failed_execution_is_retried_from_its_detail_page_and_the_page_follows_it_to_success() {
        fragileHook.then(400, "{\"error\": \"not today\"}");
        String entity = "i-" + UUID.randomUUID();
        assertThat(api.post("/api/events", """
                {"entity_type": "invoice", "entity_id": "%s", "operation": "create", "data": {"id": "%s"}}
                """.formatted(entity, entity)).status()).isEqualTo(202);
        Map<String, Object> failed = awaitExecution("entity_id=" + entity, "failed");
        signIn();
        driver.get(service.url() + "/executions/" + failed.get("execution_id"));
        assertThat(driver.findElement(By.id("execution-status")).getText()).isEqualTo("failed");
        assertThat(driver.findElement(By.cssSelector("details.action[data-action='deliver']")).getText())
                .contains("400");
        assertThat(driver.findElements(By.cssSelector("#timeline .gantt-row[data-action='deliver'] rect.bar.failed")))
                .hasSize(1);

        driver.findElement(By.id("retry-failed")).click();

        wait(ExpectedConditions.textToBe(By.id("execution-status"), "succeeded"));
        assertThat(driver.findElements(By.id("retry-failed"))).isEmpty();
        assertThat(fragileHook.requests()).hasSize(2);
        assertThat(api.get("/api/executions/" + failed.get("execution_id")).map()).containsEntry("status", "succeeded");
    }

    @Test
    void disabling_and_enabling_a_workflow_from_the_workflows_page() {
        signIn();
        driver.get(service.url() + "/workflows");
        By row = By.cssSelector("tr[data-workflow-id='toggle-me']");
        driver.findElement(row).findElement(By.cssSelector("button")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(row, "disabled"));
        assertThat(api.get("/api/workflows/toggle-me").map()).containsEntry("enabled", false);

        driver.findElement(row).findElement(By.cssSelector("button")).click();
        wait(ExpectedConditions.textToBePresentInElementLocated(row, "enabled"));
        assertThat(api.get("/api/workflows/toggle-me").map()).containsEntry("enabled", true);
    }

    @Test
    void the_health_page_draws_every_chart_with_data() {
        awaitExecution("entity_id=" + postOrder("o-health-" + UUID.randomUUID()), "succeeded");
        signIn();
        driver.get(service.url() + "/health");

        List<WebElement> charts = driver.findElements(By.cssSelector("[data-chart]"));
        assertThat(charts).hasSize(6);
        wait(d -> charts.stream().allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty()
                && Integer.parseInt(c.getDomAttribute("data-points") == null ? "0" : c.getDomAttribute("data-points")) >= 2));
        Object drawn = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('[data-chart] canvas')).every(c => c.width > 0 && c.height > 0);");
        assertThat(drawn).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#tenants tr[data-tenant='default'] rect.bar.ok"))).hasSize(1);
        // Webhooks of earlier tests may have created breakers; either way the section renders, with states if any.
        List<WebElement> breakerRows = driver.findElements(By.cssSelector("#breakers tbody tr"));
        if (breakerRows.isEmpty()) {
            assertThat(driver.findElement(By.id("breakers-none")).getText()).startsWith("None yet");
        } else {
            assertThat(breakerRows).allSatisfy(r -> assertThat(r.getText()).containsAnyOf("closed", "open", "half_open"));
        }
    }
}
