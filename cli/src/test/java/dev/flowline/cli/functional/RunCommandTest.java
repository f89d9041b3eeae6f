package dev.flowline.cli.functional;

import dev.flowline.json.Json;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives {@code flowline run} end to end: files in, a real HTTP server and a real H2 database as targets. */
class RunCommandTest {

    @TempDir
    Path dir;

    private final LocalHttpServer server;

    RunCommandTest() throws Exception {
        server = new LocalHttpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path write(String name, String content) throws Exception {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content.replace("SINK", server.url("/sink")));
        return p;
    }

    private void orderWorkflows() throws Exception {
        write("wf/order-paid.json", """
                {"id": "order-paid", "entity_type": "order", "operations": ["update"], "field_triggers": ["status"],
                 "conditions": [{"type": "field", "field": "status", "operator": "eq", "value": "paid"},
                                {"type": "query", "sql": "select count(*) = 0 from blocked where id = :cid",
                                 "params": {"cid": "{{ entity.customer }}"}, "cache_ttl_seconds": 60}],
                 "actions": [
                   {"id": "lines", "type": "database", "operation": "query",
                    "sql": "select sku from lines where order_id = :id order by sku limit 50",
                    "params": {"id": "{{ entity.id }}"}, "result_variable": "data"},
                   {"id": "hook", "type": "webhook", "dependencies": ["lines"], "url": "SINK",
                    "body": {"order": "{{ entity.id }}", "result_count": "{{ data.length }}"}},
                   {"id": "audit", "type": "database", "operation": "insert", "dependencies": ["lines"],
                    "sql": "insert into audit (order_id, n) values (:id, :n)",
                    "params": {"id": "{{ entity.id }}", "n": "{{ data.length }}"}},
                   {"id": "flag", "type": "update_entity", "dependencies": ["hook"], "set": {"notified": true}}]}""");
        write("wf/notified.yaml", """
                id: notified
                entity_type: order
                operations: [update]
                field_triggers: [notified]
                actions:
                  - id: tell
                    type: notification
                    recipients: [warehouse]
                    body: "Order {{ entity.id }} announced"
                """);
        write("app.sql", """
                create table blocked (id varchar(10));
                create table lines (order_id varchar(10), sku varchar(10));
                create table audit (order_id varchar(10), n int);
                insert into blocked values ('bad');
                insert into lines values ('o1', 'A'), ('o1', 'B'), ('o2', 'C');
                """);
    }

    private static String update(String id, String customer, String from, String to) {
        return "{\"event_id\":\"" + id + "-" + to + "\",\"entity_type\":\"order\",\"entity_id\":\"" + id
                + "\",\"operation\":\"update\",\"previous\":{\"id\":\"" + id + "\",\"status\":\"" + from
                + "\",\"customer\":\"" + customer + "\"},\"data\":{\"id\":\"" + id + "\",\"status\":\"" + to
                + "\",\"customer\":\"" + customer + "\"}}";
    }

    @Test
    void run_executes_matching_workflows_against_real_targets_and_writes_one_line_per_execution() throws Exception {
        orderWorkflows();
        write("events.jsonl", String.join("\n",
                update("o1", "good", "new", "paid"),
                update("o2", "bad", "new", "paid"),
                update("o3", "good", "paid", "shipped")) + "\n");
        String appDb = "jdbc:h2:" + dir.resolve("appdb").toAbsolutePath();
        CliRun run = CliRun.of("run", "--workflows", dir.resolve("wf").toString(), "--events",
                dir.resolve("events.jsonl").toString(), "--app-db", appDb, "--app-init", dir.resolve("app.sql").toString());

        assertThat(run.exit()).as(run.err()).isZero();
        List<Map<String, Object>> lines = run.jsonLines();
        assertThat(lines).extracting(l -> l.get("workflow_id")).containsExactlyInAnyOrder("order-paid", "notified");
        Map<String, Object> paid = lines.stream().filter(l -> l.get("workflow_id").equals("order-paid")).findFirst().orElseThrow();
        assertThat(paid).containsEntry("status", "succeeded").containsEntry("entity_id", "o1")
                .containsEntry("event_id", "o1-paid").containsEntry("workflow_version", 1L).containsEntry("tenant", "default");
        assertThat(paid).containsKeys("execution_id", "started_at", "finished_at", "duration_ms", "condition_time_us", "error");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> actions = (List<Map<String, Object>>) paid.get("actions");
        assertThat(actions).extracting(a -> a.get("id")).containsExactly("lines", "hook", "audit", "flag");
        assertThat(actions).allSatisfy(a -> {
            assertThat(a).containsEntry("status", "succeeded").containsEntry("attempts", 1L);
            assertThat(a).containsKeys("type", "started_at", "finished_at", "duration_ms", "output", "error");
        });

        LocalHttpServer.Request hook = server.requests().getFirst();
        assertThat(server.requests()).hasSize(1);
        assertThat(Json.parse(hook.body())).isEqualTo(Map.of("order", "o1", "result_count", 2L));
        assertThat(hook.header("Idempotency-Key")).isEqualTo(paid.get("execution_id") + ":hook");

        try (Connection c = DriverManager.getConnection(appDb); ResultSet rs = c.createStatement()
                .executeQuery("select order_id, n from audit")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("o1");
            assertThat(rs.getInt(2)).isEqualTo(2);
            assertThat(rs.next()).isFalse();
        }
        assertThat(run.err()).contains("events read: 3").contains("executions: 2").contains("failed executions: 0")
                .contains("wall time");
    }

    @Test
    void a_malformed_event_line_is_reported_with_its_line_number_and_the_rest_still_runs() throws Exception {
        orderWorkflows();
        write("events.jsonl", update("o1", "good", "new", "paid") + "\n"
                + "{\"entity_type\": \"order\", \"operation\": \"update\"\n"
                + "\n"
                + "{\"entity_type\": \"order\", \"entity_id\": \"o9\", \"operation\": \"explode\", \"data\": {}}\n"
                + update("o2", "good", "new", "paid") + "\n");
        CliRun run = CliRun.of("run", "--workflows", dir.resolve("wf").toString(), "--events",
                dir.resolve("events.jsonl").toString(), "--app-init", dir.resolve("app.sql").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("events.jsonl:2: ").contains("not valid JSON")
                .contains("events.jsonl:4: operation: unknown operation 'explode'");
        assertThat(run.jsonLines()).filteredOn(l -> l.get("workflow_id").equals("order-paid"))
                .extracting(l -> l.get("entity_id")).containsExactlyInAnyOrder("o1", "o2");
    }

    @Test
    void run_refuses_to_start_when_a_definition_is_invalid() throws Exception {
        orderWorkflows();
        write("wf/broken.json", """
                {"id": "broken", "entity_type": "order", "operations": ["create"],
                 "actions": [{"id": "a", "type": "notification", "recipients": ["x"], "body": "hi",
                              "dependencies": ["ghost"]}]}""");
        write("events.jsonl", update("o1", "good", "new", "paid") + "\n");
        CliRun run = CliRun.of("run", "--workflows", dir.resolve("wf").toString(), "--events",
                dir.resolve("events.jsonl").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("broken.json: actions[0].dependencies[0]: unknown dependency 'ghost'");
        assertThat(run.out()).isEmpty();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void explain_names_the_first_condition_that_failed_for_each_candidate() throws Exception {
        orderWorkflows();
        write("events.jsonl", update("o2", "bad", "new", "paid") + "\n" + update("o3", "good", "new", "cancelled") + "\n");
        CliRun run = CliRun.of("run", "--explain", "--workflows", dir.resolve("wf").toString(), "--events",
                dir.resolve("events.jsonl").toString(), "--app-init", dir.resolve("app.sql").toString());
        assertThat(run.exit()).isZero();
        assertThat(run.err()).contains("explain: event o2-paid (order:o2 update)")
                .contains("order-paid: first failing condition conditions[1] (query select count(*) = 0 from blocked")
                .contains("explain: event o3-cancelled (order:o3 update)")
                .contains("order-paid: first failing condition conditions[0] (status eq \"paid\")");
        assertThat(run.jsonLines()).isEmpty();
    }

    @Test
    void out_writes_the_executions_to_a_file() throws Exception {
        orderWorkflows();
        write("events.jsonl", update("o1", "good", "new", "paid") + "\n");
        Path out = dir.resolve("out.jsonl");
        CliRun run = CliRun.of("run", "--workflows", dir.resolve("wf").toString(), "--events",
                dir.resolve("events.jsonl").toString(), "--app-init", dir.resolve("app.sql").toString(),
                "--out", out.toString());
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readAllLines(out)).hasSize(2).allSatisfy(l -> assertThat(Json.parse(l)).isInstanceOf(Map.class));
    }
}
