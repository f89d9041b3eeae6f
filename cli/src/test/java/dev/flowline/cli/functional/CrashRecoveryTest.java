package dev.flowline.cli.functional;

import dev.flowline.json.Json;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Guarantees 1 and 2 for real: the service runs as its own process, is killed with SIGKILL in the middle of a load,
 * restarted on the same data directory, and must then have processed every acknowledged event exactly once per
 * workflow, without repeating any action that had completed.
 */
class CrashRecoveryTest {

    private static final String TOKEN = "crash-test-token-0123456789";

    @TempDir
    Path dir;

    private final LocalHttpServer sink;
    private final HttpClient http = HttpClient.newHttpClient();

    CrashRecoveryTest() throws Exception {
        sink = new LocalHttpServer().slowByDefault(5);
    }

    @AfterEach
    void stop() {
        sink.close();
    }

    @Test
    void acknowledged_events_survive_sigkill_and_completed_actions_are_not_repeated() throws Exception {
        Path workflows = dir.resolve("workflows");
        Files.createDirectories(workflows);
        Files.writeString(workflows.resolve("notify.json"), """
                {"entity_type": "order", "operations": ["create"], "actions": [
                  {"id": "calc", "type": "set", "values": {"n": "{{ entity.n }}"}, "result_variable": "calc"},
                  {"id": "hook", "type": "webhook", "dependencies": ["calc"], "url": "%s",
                   "body": {"n": "{{ calc.n }}"}}]}""".formatted(sink.url("/notify")));
        Files.writeString(workflows.resolve("audit.json"), """
                {"entity_type": "order", "operations": ["create"], "actions": [
                  {"id": "hook", "type": "webhook", "url": "%s", "body": {"id": "{{ entity.id }}"}},
                  {"id": "note", "type": "notification", "recipients": ["audit"], "body": "{{ entity.id }}"}]}"""
                .formatted(sink.url("/audit")));
        Path data = dir.resolve("data");

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Instant killedAt;
        try (ServiceProcess first = new ServiceProcess(data, workflows, TOKEN)) {
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger next = new AtomicInteger();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                senders.add(Thread.ofVirtual().start(() -> send(first.url(), next, acknowledged, stop)));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 300);
            killedAt = Instant.now();
            first.kill();
            stop.set(true);
            for (Thread s : senders) {
                s.join(10_000);
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);

        try (ServiceProcess second = new ServiceProcess(data, workflows, TOKEN)) {
            Instant restartedAt = Instant.now();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
                Map<String, Object> stats = get(second.url(), "/api/stats");
                return ((Number) stats.get("queue_depth")).longValue() == 0
                        && ((Number) stats.get("in_flight_events")).longValue() == 0;
            });
            List<Map<String, Object>> executions = allExecutions(second.url());

            Map<String, Integer> perEventAndWorkflow = new HashMap<>();
            for (Map<String, Object> e : executions) {
                perEventAndWorkflow.merge(e.get("event_id") + "/" + e.get("workflow_id"), 1, Integer::sum);
                assertThat(e.get("status")).as("execution %s", e.get("execution_id")).isEqualTo("succeeded");
            }
            for (String id : acknowledged) {
                assertThat(perEventAndWorkflow.get(id + "/notify")).as("notify executions of %s", id).isEqualTo(1);
                assertThat(perEventAndWorkflow.get(id + "/audit")).as("audit executions of %s", id).isEqualTo(1);
            }
            assertThat(perEventAndWorkflow.values()).allMatch(n -> n == 1);

            Map<String, Integer> deliveries = new HashMap<>();
            for (LocalHttpServer.Request r : sink.requests()) {
                deliveries.merge(r.header("Idempotency-Key"), 1, Integer::sum);
            }
            for (Map<String, Object> e : executions) {
                String key = e.get("execution_id") + ":hook";
                assertThat(deliveries.getOrDefault(key, 0)).as("deliveries of %s", key).isGreaterThanOrEqualTo(1);
                Instant finished = Instant.parse((String) e.get("finished_at"));
                if (finished.isBefore(killedAt)) {
                    // Finished before the crash: its webhook must not have been called again after the restart.
                    assertThat(deliveries.get(key)).as("deliveries of completed %s", key).isEqualTo(1);
                }
            }
            long repeated = deliveries.values().stream().filter(n -> n > 1).count();
            long resumed = executions.stream().filter(e -> Instant.parse((String) e.get("started_at")).isBefore(killedAt)
                    && Instant.parse((String) e.get("finished_at")).isAfter(restartedAt.minusSeconds(1))).count();
            System.out.printf("crash test: %d acknowledged, %d executions, %d resumed, %d repeated deliveries%n",
                    acknowledged.size(), executions.size(), resumed, repeated);
            assertThat(repeated).as("only actions interrupted by the crash may be delivered twice").isLessThanOrEqualTo(resumed);
        }
    }

    private void send(String url, AtomicInteger next, Set<String> acknowledged, AtomicBoolean stop) {
        while (!stop.get()) {
            List<String> ids = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 5; i++) {
                int n = next.incrementAndGet();
                String id = "ev-" + n;
                ids.add(id);
                body.append(i > 0 ? "," : "").append("""
                        {"event_id": "%s", "entity_type": "order", "entity_id": "o-%d", "operation": "create",
                         "data": {"id": "o-%d", "n": %d}}""".formatted(id, n % 50, n, n));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/events"))
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body + "]")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 202) {
                    acknowledged.addAll(ids);
                }
            } catch (Exception e) {
                return; // the service is gone
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String url, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + path))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return (Map<String, Object>) Json.parse(r.body());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> allExecutions(String url) throws Exception {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> page = get(url, "/api/executions?limit=500" + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8)));
            all.addAll((List<Map<String, Object>>) page.get("items"));
            cursor = (String) page.get("next_cursor");
        } while (cursor != null);
        return all;
    }
}
