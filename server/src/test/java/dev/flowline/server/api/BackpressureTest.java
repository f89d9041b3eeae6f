package dev.flowline.server.api;

import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import dev.flowline.server.TestClient.Response;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** When the engine cannot keep up, intake answers 429 with Retry-After instead of queueing without bound. */
class BackpressureTest {

    @TempDir
    Path data;

    private FlowlineService service;
    private LocalHttpServer slow;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        slow.close();
    }

    @Test
    void a_saturated_engine_answers_429_with_retry_after_and_recovers() throws Exception {
        slow = new LocalHttpServer().slowByDefault(300);
        service = new FlowlineService(ServiceConfig.builder().port(0).dataDir(data).adminToken("token-0123456789abcdef")
                .maxBacklog(20).maxInFlight(2).shutdownTimeout(Duration.ofSeconds(2)).build()).start();
        TestClient api = new TestClient(service.url(), "token-0123456789abcdef");
        api.put("/api/workflows/slow", """
                {"entity_type": "order", "operations": ["create"],
                 "actions": [{"id": "hook", "type": "webhook", "url": "%s"}]}""".formatted(slow.url("/slow")));

        int accepted = 0;
        Response refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            Response r = api.post("/api/events", "[" + event(i, 0) + "," + event(i, 1) + "]");
            if (r.status() == 429) {
                refused = r;
            } else {
                assertThat(r.status()).isEqualTo(202);
                accepted += 2;
            }
            // The intake's own backlog count (queue_depth) is the bound; the store's unprocessed count may lag a
            // moment behind it because processed-marks are group-committed.
            assertThat(((Number) api.get("/api/stats").map().get("queue_depth")).longValue()).isLessThanOrEqualTo(20);
        }
        assertThat(refused).as("intake must refuse once 20 events wait").isNotNull();
        assertThat(refused.raw().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(refused.map().get("error").toString()).contains("saturated");
        assertThat(accepted).isLessThanOrEqualTo(20);

        await().atMost(Duration.ofSeconds(60)).until(() -> service.store().unprocessedCount() == 0);
        assertThat(api.post("/api/events", event(99, 0)).status()).isEqualTo(202);
    }

    private static String event(int batch, int item) {
        return """
                {"entity_type": "order", "entity_id": "o-%d-%d", "operation": "create", "data": {}}"""
                .formatted(batch, item);
    }
}
