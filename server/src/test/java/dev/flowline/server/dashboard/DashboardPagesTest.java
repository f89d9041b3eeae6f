package dev.flowline.server.dashboard;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard's pages over HTTP: escaping, history filters and pages, live fragments, figures, errors. */
class DashboardPagesTest {

    private static final String TOKEN = "pages-token-0123456789abcdef";
    private static final String NASTY = "<img src=x onerror=alert(1)>";
    private static final Pattern ROW = Pattern.compile("<tr data-execution-id=");

    private static FlowlineService service;
    private static TestClient api;
    private static DashboardClient page;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void start() throws Exception {
        Path data = Files.createTempDirectory("flowline-pages-");
        service = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data).adminToken(TOKEN).build()).start();
        api = new TestClient(service.url(), TOKEN);
        api.put("/api/workflows/big-orders", """
                {"name": "Big orders <b>only</b>", "entity_type": "order", "operations": ["create"],
                 "conditions": [{"type": "field", "field": "total", "operator": "gte", "value": 100}],
                 "actions": [{"id": "echo", "type": "set", "values": {"note": "{{ entity.note }}"}}]}""");
        StringBuilder events = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            events.append(i == 0 ? "" : ",").append("""
                    {"entity_type": "order", "entity_id": "p-%d", "operation": "create", "data": {"total": 150, "note": %s}}"""
                    .formatted(i, dev.flowline.json.Json.write(NASTY)));
        }
        events.append(",").append("""
                {"entity_type": "order", "entity_id": "small", "operation": "create", "data": {"total": 5}}]""");
        assertThat(api.post("/api/events", events.toString()).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ((Number) api.get("/api/stats").map().get("executions_total")).intValue() == 30
                        && ((Number) api.get("/api/stats").map().get("queue_depth")).intValue() == 0);
        page = new DashboardClient(service.url());
        page.signIn(TOKEN);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static int rows(String html) {
        Matcher m = ROW.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void values_from_definitions_and_events_are_escaped_in_every_page() {
        @SuppressWarnings("unchecked")
        String id = (String) ((List<Map<String, Object>>) api.get("/api/executions?limit=1").map().get("items"))
                .getFirst().get("execution_id");
        String detail = page.get("/executions/" + id).body();
        assertThat(detail).doesNotContain(NASTY).contains("&lt;img src=x onerror=alert(1)&gt;");
        String workflows = page.get("/workflows").body();
        assertThat(workflows).doesNotContain("<b>only</b>").contains("Big orders &lt;b&gt;only&lt;/b&gt;");
        String executions = page.get("/executions?entity_id=" + java.net.URLEncoder.encode("\"><script>x</script>",
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(executions).doesNotContain("<script>x</script>").contains("&quot;&gt;&lt;script&gt;x&lt;/script&gt;");
    }

    @Test
    void pages_carry_a_strict_content_security_policy() {
        HttpResponse<String> r = page.get("/health");
        assertThat(r.headers().firstValue("Content-Security-Policy")).contains(PageRenderer.CONTENT_SECURITY_POLICY);
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(r.body()).doesNotContain("<script>").doesNotContain("style=\"").doesNotContain("onclick");
    }

    @Test
    void the_history_is_paginated_newest_first_and_keeps_its_filters() {
        HttpResponse<String> first = page.get("/executions?workflow_id=big-orders");
        assertThat(rows(first.body())).isEqualTo(ExecutionFilter.PAGE_SIZE);
        assertThat(first.body()).contains("hx-trigger=\"every 2s\"");
        Matcher older = Pattern.compile("href=\"(/executions\\?workflow_id=big-orders&amp;cursor=[^\"]+)\" class=\"older\"")
                .matcher(first.body());
        assertThat(older.find()).isTrue();
        String second = page.get(older.group(1).replace("&amp;", "&")).body();
        assertThat(rows(second)).isEqualTo(30 - ExecutionFilter.PAGE_SIZE);
        assertThat(second).doesNotContain("hx-trigger").doesNotContain("class=\"older\"").contains("← Newest");
        assertThat(page.get("/executions?status=failed").body()).contains("No executions match these filters yet.");
        assertThat(rows(page.get("/executions?entity_type=order&entity_id=p-3").body())).isEqualTo(1);
        assertThat(rows(page.get("/executions?since=2999-01-01T00:00").body())).isZero();
    }

    @Test
    void a_bad_filter_or_cursor_is_explained_instead_of_failing() {
        assertThat(page.get("/executions?since=yesterday").body()).contains("is not a time");
        assertThat(page.get("/executions?status=lost").body()).contains("Unknown status");
        HttpResponse<String> r = page.get("/executions?cursor=garbage");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("no longer valid");
        assertThat(rows(r.body())).isEqualTo(ExecutionFilter.PAGE_SIZE);
    }

    @Test
    void a_live_update_returns_only_the_table() {
        String fragment = page.get("/executions", "HX-Request", "true").body();
        assertThat(fragment).startsWith("<div id=\"history\"").doesNotContain("<html").doesNotContain("id=\"filters\"");
        assertThat(rows(fragment)).isEqualTo(ExecutionFilter.PAGE_SIZE);
    }

    @Test
    void the_workflows_page_shows_pass_rate_rejections_and_timings() {
        String html = page.get("/workflows").body();
        Matcher row = Pattern.compile("<tr data-workflow-id=\"big-orders\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).isTrue();
        String cells = row.group(1).replaceAll("\\s+", " ");
        assertThat(cells).contains("order: create", ">1<", "enabled", "100.0 %", "96.8 %", ">1<", " ms");
        assertThat(cells).contains("title=\"31 triggered\"");
    }

    @Test
    void an_unknown_execution_gets_a_not_found_page() {
        HttpResponse<String> r = page.get("/executions/does-not-exist");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(r.body()).contains("Execution not found", "does-not-exist");
    }

    @Test
    void the_overview_shows_the_key_figures_and_the_latest_executions() {
        String html = page.get("/").body();
        assertThat(html).contains("Executions / min", "Success rate", "p50 / p95", "Queue depth", "No failed executions.");
        assertThat(rows(html)).isEqualTo(10);
    }

    @Test
    void the_health_series_has_a_column_per_chart() {
        HttpResponse<String> r = page.get("/health/series");
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        @SuppressWarnings("unchecked")
        Map<String, List<Object>> series = (Map<String, List<Object>>) dev.flowline.json.Json.parse(r.body());
        assertThat(series).containsKeys("t", "executions_per_second", "queue_depth", "p95_ms", "worker_utilisation",
                "pool_utilisation", "heap_used_mb", "process_cpu");
        assertThat(series.get("t")).isNotEmpty();
        series.values().forEach(column -> assertThat(column).hasSameSizeAs(series.get("t")));
    }

    @Test
    void static_assets_are_served_by_the_service_itself() {
        WebJars assets = WebJars.load();
        for (String path : List.of(assets.htmx(), assets.uplot(), assets.uplotCss(), "/assets/dashboard.js",
                "/assets/dashboard.css")) {
            HttpResponse<String> r = new DashboardClient(service.url()).get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).isNotBlank();
        }
    }
}
