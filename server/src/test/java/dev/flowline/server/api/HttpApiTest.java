package dev.flowline.server.api;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import dev.flowline.server.TestClient.Response;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The HTTP API against a real service: embedded H2 file store, real HTTP, a real webhook target. */
class HttpApiTest {

    private static final String TOKEN = "test-token-0123456789abcdef";

    @TempDir
    Path data;

    private FlowlineService service;
    private TestClient api;
    private LocalHttpServer hooks;

    @BeforeEach
    void start() throws Exception {
        hooks = new LocalHttpServer();
        // a batch of one: every notification is delivered at once, without waiting for a digest
        service = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data).adminToken(TOKEN)
                .maxBodyBytes(64 * 1024).notificationBatchSize(1).build()).start();
        api = new TestClient(service.url(), TOKEN);
    }

    @AfterEach
    void stop() {
        service.close();
        hooks.close();
    }

    private static String workflow(String extraActions) {
        return """
                {"entity_type": "order", "operations": ["create", "update"],
                 "conditions": [{"type": "field", "field": "total", "operator": "gte", "value": 10}],
                 "actions": [{"id": "tell", "type": "notification", "recipients": ["{{ entity.owner }}"],
                              "body": "order {{ entity.id }}"}%s]}""".formatted(extraActions);
    }

    private static String event(String eventId, String id, long total) {
        return """
                {"event_id": "%s", "entity_type": "order", "entity_id": "%s", "operation": "create",
                 "data": {"id": "%s", "total": %d, "owner": "ann"}}""".formatted(eventId, id, id, total);
    }

    @Test
    void health_is_open_and_every_other_call_needs_the_token() {
        assertThat(api.send("GET", "/api/health", null, null).status()).isEqualTo(200);
        assertThat(api.send("GET", "/api/health", null, null).map()).containsEntry("status", "ready")
                .containsEntry("store", "reachable");
        Response anonymous = api.send("GET", "/api/workflows", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.map().get("error").toString()).contains("Bearer");
        assertThat(api.send("POST", "/api/events", event("e1", "1", 20), "wrong-token").status()).isEqualTo(401);
        assertThat(api.send("PUT", "/api/workflows/w", workflow(""), null).status()).isEqualTo(401);
        assertThat(api.get("/api/workflows").status()).isEqualTo(200);
    }

    @Test
    void the_admin_token_file_is_created_readable_by_the_owner_only() throws Exception {
        FlowlineService other = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data.resolve("other"))
                .adminToken(null).build()).start();
        try {
            Path file = data.resolve("other").resolve("admin-token");
            assertThat(Files.readString(file).strip()).isEqualTo(other.adminToken()).hasSizeGreaterThan(30);
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(new TestClient(other.url(), other.adminToken()).get("/api/workflows").status()).isEqualTo(200);
        } finally {
            other.close();
        }
    }

    @Test
    void workflows_are_versioned_and_an_invalid_definition_changes_nothing() {
        Response created = api.put("/api/workflows/orders", workflow(""));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("id", "orders").containsEntry("version", 1L).containsEntry("enabled", true);
        Response updated = api.put("/api/workflows/orders", workflow(", {\"id\": \"x\", \"type\": \"set\", \"values\": {\"a\": 1}}"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.map()).containsEntry("version", 2L);

        Response invalid = api.put("/api/workflows/orders", """
                {"entity_type": "order", "operations": ["create"],
                 "actions": [{"id": "a", "type": "notification", "recipients": ["x"], "body": "hi", "dependencies": ["nope"]}]}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.map().get("errors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .singleElement().isEqualTo(Map.of("path", "actions[0].dependencies[0]",
                        "message", "unknown dependency 'nope': no action has this id; use one of a"));
        assertThat(api.get("/api/workflows/orders").map()).containsEntry("version", 2L);
        assertThat(api.get("/api/workflows/orders?version=1").map()).containsEntry("version", 1L);
        assertThat(api.get("/api/workflows/orders?version=9").status()).isEqualTo(404);
        assertThat(api.get("/api/workflows").map().get("items")).asList().hasSize(1);

        assertThat(api.post("/api/workflows/orders/disable", null).map()).containsEntry("enabled", false);
        assertThat(api.post("/api/workflows/orders/enable", null).map()).containsEntry("enabled", true);
        assertThat(api.delete("/api/workflows/orders").status()).isEqualTo(204);
        assertThat(api.get("/api/workflows/orders").status()).isEqualTo(404);
        assertThat(api.delete("/api/workflows/orders").status()).isEqualTo(404);
    }

    @Test
    void an_accepted_event_runs_its_workflows_and_the_execution_is_readable() {
        api.put("/api/workflows/orders", workflow(""));
        Response accepted = api.post("/api/events", event("e-1", "o1", 20));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.map()).containsEntry("accepted", 1L).containsEntry("event_ids", List.of("e-1"));

        await().atMost(Duration.ofSeconds(20)).until(() -> items(api.get("/api/executions?workflow_id=orders")).size() == 1);
        Map<String, Object> listed = items(api.get("/api/executions?workflow_id=orders")).getFirst();
        assertThat(listed).containsEntry("status", "succeeded").containsEntry("event_id", "e-1")
                .containsEntry("workflow_version", 1L).containsKeys("execution_id", "started_at", "finished_at",
                        "duration_ms", "condition_time_us", "actions");
        Map<String, Object> detail = api.get("/api/executions/" + listed.get("execution_id")).map();
        assertThat(detail).containsKey("event");
        @SuppressWarnings("unchecked") Map<String, Object> ev = (Map<String, Object>) detail.get("event");
        assertThat(ev).containsEntry("event_id", "e-1").containsEntry("entity_id", "o1");
        assertThat(api.get("/api/executions/nope").status()).isEqualTo(404);

        List<Map<String, Object>> notes = items(api.get("/api/notifications?recipient=ann"));
        assertThat(notes).singleElement().satisfies(n -> assertThat(n).containsEntry("body", "order o1"));
        assertThat(items(api.get("/api/notifications?recipient=bob"))).isEmpty();
    }

    @Test
    void a_repeated_event_id_is_acknowledged_and_not_processed_again() {
        api.put("/api/workflows/orders", workflow(""));
        assertThat(api.post("/api/events", event("same", "o1", 20)).map()).containsEntry("duplicates", 0L);
        Response again = api.post("/api/events", event("same", "o1", 20));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.map()).containsEntry("accepted", 1L).containsEntry("duplicates", 1L);
        await().atMost(Duration.ofSeconds(20)).until(() -> items(api.get("/api/executions")).size() == 1);
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> items(api.get("/api/executions")).size() == 1);
    }

    @Test
    void an_array_with_one_invalid_event_is_rejected_whole_with_per_item_errors() {
        api.put("/api/workflows/orders", workflow(""));
        Response r = api.post("/api/events", "[" + event("a", "o1", 20) + ", {\"entity_type\": \"order\", "
                + "\"operation\": \"create\", \"data\": {}}, " + event("c", "o3", 20) + "]");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.map().get("errors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly(Map.of("index", 1L, "path", "entity_id",
                        "message", "is required (a string or an integer)"));
        assertThat(service.store().unprocessedCount()).isZero();
        assertThat(service.store().event("a")).isEmpty();
    }

    @Test
    void bodies_larger_than_the_limit_get_413_and_malformed_json_gets_400() {
        String huge = "[" + String.join(",", java.util.Collections.nCopies(2000, event("x", "o", 1))) + "]";
        Response tooLarge = api.post("/api/events", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.map()).containsKey("error");
        Response malformed = api.post("/api/events", "{\"entity_type\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.map().get("errors").toString()).contains("not valid JSON");
    }

    @Test
    void query_parameters_are_checked() {
        assertThat(api.get("/api/executions?limit=0").status()).isEqualTo(400);
        assertThat(api.get("/api/executions?status=weird").map().get("error").toString()).contains("status");
        assertThat(api.get("/api/executions?since=yesterday").status()).isEqualTo(400);
        assertThat(api.get("/api/no-such-thing").status()).isEqualTo(404);
    }

    @Test
    void stats_report_queue_depth_throughput_and_latency() {
        api.put("/api/workflows/orders", workflow(""));
        for (int i = 0; i < 5; i++) {
            api.post("/api/events", event("s" + i, "o" + i, 20));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Number) api.get("/api/stats").map()
                .get("executions_total")).intValue() == 5);
        Map<String, Object> stats = api.get("/api/stats").map();
        assertThat(stats).containsKeys("queue_depth", "executions_per_minute", "success_rate", "execution_ms_p50",
                "execution_ms_p95", "execution_ms_p99", "circuit_breakers", "failed_by_workflow", "app_db_pool");
        assertThat(stats).containsEntry("emails_pending", 0L).containsEntry("notifications_pending_digest", 0L);
        assertThat(stats).containsEntry("success_rate", 1.0).containsEntry("executions_per_minute", 5L);
    }

    @Test
    void events_of_one_entity_run_in_the_order_accepted() {
        api.put("/api/workflows/ordered", """
                {"entity_type": "order", "operations": ["update"], "actions": [
                  {"id": "hook", "type": "webhook", "url": "%s", "body": {"step": "{{ entity.step }}"}}]}"""
                .formatted(hooks.url("/steps")));
        StringBuilder batch = new StringBuilder("[");
        for (int i = 1; i <= 30; i++) {
            batch.append(i > 1 ? "," : "").append("""
                    {"entity_type": "order", "entity_id": "same", "operation": "update",
                     "previous": {"step": %d}, "data": {"step": %d}}""".formatted(i - 1, i));
        }
        assertThat(api.post("/api/events", batch + "]").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> hooks.requests().size() == 30);
        List<String> bodies = hooks.requests().stream().map(LocalHttpServer.Request::body).toList();
        for (int i = 0; i < 30; i++) {
            assertThat(bodies.get(i)).isEqualTo("{\"step\":" + (i + 1) + "}");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return (List<Map<String, Object>>) r.map().get("items");
    }
}
