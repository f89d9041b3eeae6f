package dev.flowline.server.api;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Failed executions can be retried from the failed action (reusing completed results) or from the start. */
class RetryTest {

    private static final String TOKEN = "retry-token-0123456789abcdef";

    @TempDir
    Path data;

    private FlowlineService service;
    private TestClient api;
    private LocalHttpServer hook;

    @BeforeEach
    void start() throws Exception {
        hook = new LocalHttpServer();
        service = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data).adminToken(TOKEN).build()).start();
        api = new TestClient(service.url(), TOKEN);
        api.put("/api/workflows/w", """
                {"entity_type": "order", "operations": ["create"], "actions": [
                  {"id": "calc", "type": "set", "values": {"n": "{{ entity.n }}"}, "result_variable": "calc"},
                  {"id": "send", "type": "webhook", "dependencies": ["calc"], "url": "%s", "body": {"n": "{{ calc.n }}"}}]}"""
                .formatted(hook.url("/h")));
    }

    @AfterEach
    void stop() {
        service.close();
        hook.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> failedExecution() {
        hook.then(400, "{\"error\": \"not today\"}");
        api.post("/api/events", "{\"entity_type\": \"order\", \"entity_id\": \"o1\", \"operation\": \"create\", \"data\": {\"n\": 7}}");
        await().atMost(Duration.ofSeconds(20)).until(() ->
                !((List<?>) api.get("/api/executions?status=failed").map().get("items")).isEmpty());
        Map<String, Object> failed = ((List<Map<String, Object>>) api.get("/api/executions?status=failed").map().get("items")).getFirst();
        assertThat(api.get("/api/stats").map().get("failed_by_workflow")).isEqualTo(Map.of("w", 1L));
        return failed;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> awaitFinished(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !"running".equals(api.get("/api/executions/" + id).map().get("status")));
        return api.get("/api/executions/" + id).map();
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_retry_runs_the_failed_action_again_and_reuses_the_completed_ones() {
        Map<String, Object> failed = failedExecution();
        String id = (String) failed.get("execution_id");
        Map<String, Object> calcBefore = ((List<Map<String, Object>>) failed.get("actions")).getFirst();

        TestClient.Response retry = api.post("/api/executions/" + id + "/retry", null);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.map()).containsEntry("execution_id", id).containsEntry("from", "failed_action");

        Map<String, Object> after = awaitFinished(id);
        assertThat(after).containsEntry("status", "succeeded").containsEntry("error", null);
        List<Map<String, Object>> actions = (List<Map<String, Object>>) after.get("actions");
        assertThat(actions.getFirst()).isEqualTo(calcBefore);
        assertThat(actions.get(1)).containsEntry("status", "succeeded");
        assertThat(hook.requests()).hasSize(2).extracting(r -> r.header("Idempotency-Key")).containsOnly(id + ":send");
        assertThat(hook.requests().get(1).body()).isEqualTo("{\"n\":7}");
        assertThat(api.get("/api/stats").map().get("failed_by_workflow")).isEqualTo(Map.of());

        TestClient.Response again = api.post("/api/executions/" + id + "/retry", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.map().get("error").toString()).contains("only failed executions can be retried");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_retry_from_start_runs_every_action_again() {
        String id = (String) failedExecution().get("execution_id");
        assertThat(api.post("/api/executions/" + id + "/retry?from=start", null).map()).containsEntry("from", "start");
        Map<String, Object> after = awaitFinished(id);
        assertThat(after).containsEntry("status", "succeeded");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) after.get("actions");
        assertThat(actions).extracting(a -> a.get("status")).containsExactly("succeeded", "succeeded");
        assertThat(api.post("/api/executions/nope/retry", null).status()).isEqualTo(404);
        assertThat(api.post("/api/executions/" + id + "/retry?from=middle", null).status()).isEqualTo(400);
    }
}
