package dev.flowline.cli.functional;

import dev.flowline.store.JdbcStore;
import dev.flowline.store.Store;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM stops intake, lets running executions finish and leaves no execution half-recorded. */
class GracefulShutdownTest {

    private static final String TOKEN = "graceful-test-token-0123456789";

    @TempDir
    Path dir;

    @Test
    void sigterm_lets_running_executions_finish_and_leaves_nothing_half_recorded() throws Exception {
        try (LocalHttpServer sink = new LocalHttpServer().slowByDefault(300)) {
            Path workflows = dir.resolve("workflows");
            Files.createDirectories(workflows);
            Files.writeString(workflows.resolve("hook.json"), """
                    {"entity_type": "order", "operations": ["create"], "actions": [
                      {"id": "a", "type": "webhook", "url": "%s"},
                      {"id": "b", "type": "webhook", "dependencies": ["a"], "url": "%s"}]}"""
                    .formatted(sink.url("/a"), sink.url("/b")));
            Path data = dir.resolve("data");
            HttpClient http = HttpClient.newHttpClient();
            ServiceProcess service = new ServiceProcess(data, workflows, TOKEN);
            StringBuilder batch = new StringBuilder("[");
            for (int i = 0; i < 40; i++) {
                batch.append(i > 0 ? "," : "").append("""
                        {"entity_type": "order", "entity_id": "o-%d", "operation": "create", "data": {}}""".formatted(i));
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.url() + "/api/events"))
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(batch + "]")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(202);
            while (sink.requests().isEmpty()) {
                Thread.sleep(10);
            }
            service.terminate();
            assertThat(service.output()).doesNotContain("ERROR");

            try (Store store = JdbcStore.h2(data)) {
                assertThat(store.executions(new Store.ExecutionQuery(null, "running", null, null, null, 500, null)).items())
                        .as("no execution is left running after a graceful shutdown").isEmpty();
                // All 40 were running when SIGTERM came (each takes two 300 ms calls); all were allowed to finish.
                assertThat(store.executions(new Store.ExecutionQuery(null, "succeeded", null, null, null, 500, null)).items())
                        .hasSize(40);
            }
        }
    }
}
