package dev.flowline.server.metrics;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code /metrics}: Prometheus text behind the token (unless open), and the KPIs move as events are processed. */
class MetricsEndpointTest {

    private static final String TOKEN = "metrics-token-0123456789abcdef";

    @TempDir
    Path data;

    private FlowlineService service;

    private TestClient start(boolean open) {
        service = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data).adminToken(TOKEN)
                .maxBodyBytes(4096).metricsOpen(open).appDbUrl("jdbc:h2:mem:metrics-app;DB_CLOSE_DELAY=-1").build())
                .start();
        return new TestClient(service.url(), TOKEN);
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    /** The value of one sample line, 0 when the series does not exist yet. */
    static double value(String scrape, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void metrics_need_the_token_or_a_session() {
        TestClient api = start(false);
        TestClient.Response anonymous = api.send("GET", "/metrics", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(api.send("GET", "/metrics", null, "wrong").status()).isEqualTo(401);

        TestClient.Response ok = api.get("/metrics");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.raw().headers().firstValue("Content-Type")).hasValueSatisfying(t ->
                assertThat(t).startsWith("text/plain; version=0.0.4"));

        var session = new dev.flowline.server.TestClient(service.url(), null);
        String cookie = java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(service.url() + "/?token=" + TOKEN)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding()).join().headers().firstValue("Set-Cookie")
                .orElseThrow().split(";")[0];
        var withCookie = java.net.http.HttpClient.newHttpClient().sendAsync(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(service.url() + "/metrics")).header("Cookie", cookie).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).join();
        assertThat(withCookie.statusCode()).isEqualTo(200);
        assertThat(session.send("GET", "/metrics", null, null).status()).isEqualTo(401);
    }

    @Test
    void open_metrics_need_no_token() {
        TestClient api = start(true);
        assertThat(api.send("GET", "/metrics", null, null).status()).isEqualTo(200);
        assertThat(api.send("GET", "/api/stats", null, null).status()).as("only /metrics is open").isEqualTo(401);
    }

    @Test
    void the_kpis_move_as_events_are_processed() {
        TestClient api = start(false);
        api.put("/api/workflows/w", """
                {"entity_type": "order", "operations": ["create"],
                 "conditions": [{"type": "field", "field": "total", "operator": "gt", "value": 10}],
                 "actions": [{"id": "calc", "type": "set", "values": {"x": "{{ entity.total }}"}, "result_variable": "c"},
                             {"id": "tell", "type": "notification", "dependencies": ["calc"], "recipients": ["ops"],
                              "body": "{{ c.x }}"}]}""");
        String before = api.get("/metrics").body();
        assertThat(before).contains("flowline_queue_depth ", "flowline_events_in_flight ", "jvm_memory_used_bytes",
                "process_cpu_usage", "hikaricp_connections_max{pool=\"flowline-app\"}");
        assertThat(value(before, "flowline_events_received_total")).isZero();

        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/events", """
                    {"event_id": "m-%d", "entity_type": "order", "entity_id": "o%d", "operation": "create", "data": {"total": 50}}"""
                    .formatted(i, i)).status()).isEqualTo(202);
        }
        api.post("/api/events", "{\"event_id\": \"m-0\", \"entity_type\": \"order\", \"entity_id\": \"o0\", "
                + "\"operation\": \"create\", \"data\": {\"total\": 50}}");
        api.post("/api/events", "{\"entity_type\": \"order\", \"entity_id\": \"small\", \"operation\": \"create\", \"data\": {\"total\": 1}}");
        assertThat(api.post("/api/events", "[{\"entity_type\": \"order\"}, {\"entity_type\": \"order\"}]").status())
                .isEqualTo(400);
        assertThat(api.post("/api/events", "{\"entity_type\": \"order\", \"data\": \"" + "x".repeat(5000) + "\"}")
                .status()).isEqualTo(413);

        await().atMost(Duration.ofSeconds(20)).until(() -> value(api.get("/metrics").body(),
                "flowline_executions_total{status=\"succeeded\",workflow=\"w\"}") == 3);
        String after = api.get("/metrics").body();
        assertThat(value(after, "flowline_events_received_total")).isEqualTo(5);
        assertThat(value(after, "flowline_events_duplicates_total")).isEqualTo(1);
        assertThat(value(after, "flowline_events_rejected_total{reason=\"invalid\"}")).isEqualTo(2);
        assertThat(value(after, "flowline_events_rejected_total{reason=\"too_large\"}")).isEqualTo(1);
        assertThat(value(after, "flowline_execution_duration_seconds_count{workflow=\"w\"}")).isEqualTo(3);
        assertThat(value(after, "flowline_execution_duration_seconds_bucket{workflow=\"w\",le=\"+Inf\"}")).isEqualTo(3);
        assertThat(after).contains("flowline_execution_duration_seconds_bucket{workflow=\"w\",le=\"0.1\"}");
        assertThat(value(after, "flowline_condition_duration_seconds_count{workflow=\"w\"}")).isEqualTo(3);
        assertThat(value(after, "flowline_action_duration_seconds_count{status=\"succeeded\",type=\"set\"}")).isEqualTo(3);
        assertThat(value(after, "flowline_action_duration_seconds_count{status=\"succeeded\",type=\"notification\"}"))
                .isEqualTo(3);
        assertThat(value(after, "flowline_queue_depth")).isZero();
    }
}
