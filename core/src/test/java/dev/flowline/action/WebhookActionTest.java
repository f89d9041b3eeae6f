package dev.flowline.action;

import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.json.Json;
import dev.flowline.template.TemplateEngine;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookActionTest {

    private final LocalHttpServer server;
    private Engine engine;

    WebhookActionTest() throws Exception {
        server = new LocalHttpServer();
    }

    @AfterEach
    void close() {
        server.close();
        if (engine != null) {
            engine.close();
        }
    }

    private ExecutionRecord run(String actionJson) {
        String json = ("{'id': 'hook', 'entity_type': 'order', 'operations': ['create'], 'actions': [" + actionJson + "]}")
                .replace('\'', '"').replace("URL", server.url("/hook"));
        WorkflowDefinition w = new DefinitionParser(new TemplateEngine(), Set.of()).parse(json, false, "x").orThrow();
        engine = Engine.builder().workflows(List.of(w)).build();
        EntityEvent e = EntityEvent.builder().entityType("order").entityId("42").operation(Operation.CREATE)
                .data(Map.of("id", 42L, "name", "Ann \"the\" buyer", "lines", List.of(1, 2, 3))).build();
        return engine.process(e).getFirst();
    }

    @Test
    void a_json_body_is_sent_with_typed_values_and_an_idempotency_key() {
        ExecutionRecord r = run("""
                {'id': 'send', 'type': 'webhook', 'url': 'URL', 'headers': {'X-Order': '{{ entity.id }}'},
                 'body': {'id': '{{ entity.id }}', 'name': '{{ entity.name }}', 'count': '{{ entity.lines.length }}',
                          'text': 'order {{ entity.id }}'}}""");
        assertThat(r.actions().getFirst().status()).isEqualTo(ActionStatus.SUCCEEDED);
        LocalHttpServer.Request req = server.requests().getFirst();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.header("Idempotency-Key")).isEqualTo(r.executionId() + ":send");
        assertThat(req.header("X-Order")).isEqualTo("42");
        assertThat(req.header("Content-Type")).isEqualTo("application/json");
        assertThat(Json.parse(req.body())).isEqualTo(Map.of("id", 42L, "name", "Ann \"the\" buyer", "count", 3L,
                "text", "order 42"));
        assertThat(r.actions().getFirst().output()).isEqualTo(Map.of("status", 200L, "body", Map.of("ok", true)));
    }

    @Test
    void a_5xx_is_retried_with_the_same_idempotency_key_until_it_succeeds() {
        server.then(500, "{\"error\":\"down\"}").then(503, "busy");
        ExecutionRecord r = run("{'id': 'send', 'type': 'webhook', 'url': 'URL', 'retry': {'max_attempts': 3, 'backoff_ms': 10}}");
        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat(a.attempts()).hasSize(3);
        assertThat(a.attempts().getFirst().error()).startsWith("HTTP 500");
        assertThat(server.requests()).hasSize(3)
                .extracting(q -> q.header("Idempotency-Key")).containsOnly(r.executionId() + ":send");
    }

    @Test
    void a_4xx_is_not_retried() {
        server.then(400, "{\"error\":\"bad\"}");
        ExecutionRecord r = run("{'id': 'send', 'type': 'webhook', 'url': 'URL', 'retry': {'max_attempts': 3, 'backoff_ms': 1}}");
        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(a.attempts()).hasSize(1);
        assertThat(a.error()).startsWith("HTTP 400").contains("bad");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void a_slow_endpoint_times_out_per_attempt() {
        server.thenSlow(3000);
        ExecutionRecord r = run("{'id': 'send', 'type': 'webhook', 'url': 'URL', 'timeout_ms': 200, 'retry': {'max_attempts': 1}}");
        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(a.error()).contains("timed out");
    }

    @Test
    void a_refused_connection_is_a_retryable_failure() throws Exception {
        String url;
        try (LocalHttpServer gone = new LocalHttpServer()) {
            url = gone.url("/nothing");
        }
        ExecutionRecord r = run(("{'id': 'send', 'type': 'webhook', 'url': '" + url
                + "', 'retry': {'max_attempts': 2, 'backoff_ms': 1}}"));
        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).isEqualTo(ActionStatus.FAILED);
        assertThat(a.attempts()).hasSize(2);
        assertThat(a.error()).startsWith("could not call");
    }

    @Test
    void a_text_body_is_sent_as_text_and_get_sends_no_body() {
        run("{'id': 'send', 'type': 'webhook', 'url': 'URL', 'body': 'hello {{ entity.id }}'}");
        assertThat(server.requests().getFirst().body()).isEqualTo("hello 42");
        assertThat(server.requests().getFirst().header("Content-Type")).startsWith("text/plain");
        engine.close();
        run("{'id': 'get', 'type': 'webhook', 'method': 'get', 'url': 'URL?id={{ entity.id }}'}");
        assertThat(server.requests().get(1).method()).isEqualTo("GET");
        assertThat(server.requests().get(1).path()).isEqualTo("/hook?id=42");
        assertThat(server.requests().get(1).body()).isEmpty();
    }
}
