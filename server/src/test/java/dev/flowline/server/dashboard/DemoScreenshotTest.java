package dev.flowline.server.dashboard;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import dev.flowline.server.demo.Demo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Takes the README's pictures of the dashboard against {@code serve --demo}. Runs only when asked:
 * {@code ./mvnw -B -q verify -pl server -am -Dsurefire.failIfNoSpecifiedTests=false -Dtest=DemoScreenshotTest
 * -Dflowline.screenshots=$PWD/docs}.
 */
@EnabledIfSystemProperty(named = "flowline.screenshots", matches = ".+")
class DemoScreenshotTest {

    private static final String TOKEN = "screenshot-token-0123456789";

    @RegisterExtension
    static final Browser browser = new Browser();

    @TempDir
    Path data;

    @Test
    @SuppressWarnings("unchecked")
    void the_demo_fills_the_execution_timeline_and_the_health_charts_which_are_photographed() throws Exception {
        Path out = Path.of(System.getProperty("flowline.screenshots"));
        FlowlineService service = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data).demo(true)
                .adminToken(TOKEN).appDbUrl(Demo.appDatabaseUrl(data)).build());
        Demo demo = new Demo(service);
        demo.prepare();
        try (service) {
            service.start();
            demo.start();
            TestClient api = new TestClient(service.url(), TOKEN);
            await().atMost(Duration.ofSeconds(60)).until(() -> !((List<?>) api.get(
                    "/api/executions?workflow_id=order-paid&status=succeeded&limit=1").map().get("items")).isEmpty());
            Map<String, Object> paid = ((List<Map<String, Object>>) api.get(
                    "/api/executions?workflow_id=order-paid&status=succeeded&limit=1").map().get("items")).getFirst();
            var driver = browser.driver();
            driver.get(service.url() + "/executions/" + paid.get("execution_id") + "?token=" + TOKEN);
            List<Map<String, Object>> actions = (List<Map<String, Object>>) paid.get("actions");
            assertThat(driver.findElements(By.cssSelector("#timeline .gantt-row[data-action] rect.bar")))
                    .as("a bar for the conditions and for each action").hasSize(actions.size() + 1);
            browser.screenshot(out.resolve("execution-detail.png"));

            Thread.sleep(30_000); // half a minute of demo traffic, so the charts have a shape
            driver.get(service.url() + "/health");
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElements(By.cssSelector("[data-chart] canvas"))
                    .size() == 6);
            assertThat(driver.findElements(By.cssSelector("[data-chart]"))).allSatisfy(chart ->
                    assertThat(Integer.parseInt(chart.getDomAttribute("data-points"))).isGreaterThan(10));
            browser.screenshot(out.resolve("health.png"));
        }
    }
}
