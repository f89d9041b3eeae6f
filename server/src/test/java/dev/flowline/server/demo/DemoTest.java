package dev.flowline.server.demo;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code serve --demo} shows executions, notifications and webhooks within seconds, and restarts cleanly. */
class DemoTest {

    @TempDir
    Path data;

    private int port;

    private FlowlineService start() {
        FlowlineService service = new FlowlineService(ServiceConfig.builder().port(port).dataDir(data).demo(true)
                .adminToken("demo-token-0123456789").appDbUrl(Demo.appDatabaseUrl(data)).build());
        Demo demo = new Demo(service);
        demo.prepare();
        service.start();
        demo.start();
        return service;
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_demo_produces_executions_notifications_and_webhook_calls() throws Exception {
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (FlowlineService service = start()) {
            TestClient api = new TestClient(service.url(), "demo-token-0123456789");
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, Object> sink = api.get("/demo/sink").map();
                Map<String, Object> calls = (Map<String, Object>) sink.get("calls");
                return calls.containsKey("erp") && calls.containsKey("crm");
            });
            List<Map<String, Object>> executions = (List<Map<String, Object>>) api.get("/api/executions?limit=500").map().get("items");
            assertThat(executions).extracting(e -> e.get("workflow_id")).contains("order-created", "order-paid");
            assertThat(executions).allSatisfy(e -> assertThat(e.get("status")).as("%s", e).isEqualTo("succeeded"));
            // the warehouse gets digests: order-paid batches 5 notifications or waits at most 5 s
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    !((List<?>) api.get("/api/notifications?recipient=warehouse").map().get("items")).isEmpty());
            assertThat((List<?>) api.get("/api/workflows").map().get("items")).hasSize(Demo.WORKFLOWS.size());
        }
        // A restart on the same data and port keeps the workflows at version 1 (nothing changed).
        try (FlowlineService again = start()) {
            TestClient api = new TestClient(again.url(), "demo-token-0123456789");
            List<Map<String, Object>> workflows = (List<Map<String, Object>>) api.get("/api/workflows").map().get("items");
            assertThat(workflows).extracting(w -> w.get("version")).containsOnly(1L);
        }
    }
}
