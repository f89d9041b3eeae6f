package dev.flowline.action;

import dev.flowline.action.internal.WebhookSignature;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.AttemptRecord;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.template.Secrets;
import dev.flowline.template.TemplateEngine;
import dev.flowline.testing.LocalHttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhooks against a real local HTTP server that fails, delays and succeeds on cue. */
class WebhookResilienceTest {

    private final LocalHttpServer server;
    private Engine engine;

    WebhookResilienceTest() throws Exception {
        server = new LocalHttpServer();
    }

    @AfterEach
    void close() {
        server.close();
        if (engine != null) {
            engine.close();
        }
    }

    private Engine engine(Secrets secrets, BreakerSettings breakers, String action) {
        String json = ("{'id': 'hook', 'entity_type': 'order', 'operations': ['create'], 'actions': [" + action + "]}")
                .replace('\'', '"').replace("URL", server.url("/hook"));
        WorkflowDefinition w = new DefinitionParser(new TemplateEngine(secrets), Set.of()).parse(json, false, "x").orThrow();
        engine = Engine.builder().workflows(List.of(w)).secrets(secrets).circuitBreakers(breakers).build();
        return engine;
    }

    private static EntityEvent event() {
        return EntityEvent.builder().entityType("order").entityId("1").operation(Operation.CREATE)
                .data(Map.of("id", 1L)).build();
    }

    @Test
    void retries_wait_longer_each_time() {
        server.then(500, "a").then(500, "b").then(500, "c");
        ExecutionRecord r = engine(Secrets.none(), BreakerSettings.DEFAULT, """
                {'id': 's', 'type': 'webhook', 'url': 'URL',
                 'retry': {'max_attempts': 4, 'backoff_ms': 100, 'multiplier': 2, 'jitter': 0}}""").process(event()).getFirst();
        List<AttemptRecord> attempts = r.actions().getFirst().attempts();
        assertThat(attempts).hasSize(4).extracting(AttemptRecord::httpStatus).containsExactly(500, 500, 500, 200);
        for (int i = 1; i < attempts.size(); i++) {
            AttemptRecord before = attempts.get(i - 1);
            long gap = Duration.between(before.startedAt(), attempts.get(i).startedAt()).toMillis() - before.durationMs();
            // Lower bounds only: the backoff doubles (100, 200, 400 ms); a slow machine can only make gaps longer.
            assertThat(gap).as("wait before attempt %d", i + 1).isGreaterThanOrEqualTo(100L << (i - 1));
        }
    }

    @Test
    void a_429_is_retried_after_the_wait_the_server_asks_for() {
        server.thenWithHeader(429, "{}", "Retry-After", "1");
        ExecutionRecord r = engine(Secrets.none(), BreakerSettings.DEFAULT, """
                {'id': 's', 'type': 'webhook', 'url': 'URL', 'retry': {'max_attempts': 2, 'backoff_ms': 1}}""")
                .process(event()).getFirst();
        List<AttemptRecord> attempts = r.actions().getFirst().attempts();
        assertThat(attempts).extracting(AttemptRecord::httpStatus).containsExactly(429, 200);
        long gap = Duration.between(attempts.get(0).startedAt(), attempts.get(1).startedAt()).toMillis();
        assertThat(gap).as("Retry-After: 1 overrides the 1 ms backoff").isGreaterThanOrEqualTo(1000);
    }

    @Test
    void other_4xx_statuses_are_never_retried() {
        server.then(408, "slow").then(404, "gone");
        Engine e = engine(Secrets.none(), BreakerSettings.DEFAULT, """
                {'id': 's', 'type': 'webhook', 'url': 'URL', 'retry': {'max_attempts': 3, 'backoff_ms': 1}}""");
        assertThat(e.process(event()).getFirst().actions().getFirst().attempts()).hasSize(1);
        assertThat(e.process(event()).getFirst().actions().getFirst().attempts()).hasSize(1);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void the_breaker_opens_after_repeated_failures_fails_fast_and_recovers_after_its_cool_down() {
        BreakerSettings fast = new BreakerSettings(4, 4, 50f, Duration.ofMillis(300), 1);
        for (int i = 0; i < 4; i++) {
            server.then(503, "down");
        }
        Engine e = engine(Secrets.none(), fast, "{'id': 's', 'type': 'webhook', 'url': 'URL', 'retry': {'max_attempts': 1}}");
        for (int i = 0; i < 4; i++) {
            assertThat(e.process(event()).getFirst().actions().getFirst().error()).startsWith("HTTP 503");
        }
        String host = "127.0.0.1:" + server.url("").replaceAll(".*:(\\d+).*", "$1");
        assertThat(e.circuitBreakerStates()).containsEntry(host, "open");

        ActionRecord fastFail = e.process(event()).getFirst().actions().getFirst();
        assertThat(fastFail.error()).startsWith("circuit_open");
        assertThat(server.requests()).hasSize(4);

        // After the cool-down a probe goes through; the host answers again, so the breaker closes.
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                e.process(event()).getFirst().actions().getFirst().status() == ActionStatus.SUCCEEDED);
        assertThat(e.circuitBreakerStates()).containsEntry(host, "closed");
    }

    @Test
    void a_signed_webhook_carries_an_hmac_the_receiver_can_verify() {
        Secrets secrets = Secrets.of(Map.of("HOOK_KEY", "k3y-value"));
        ExecutionRecord r = engine(secrets, BreakerSettings.DEFAULT, """
                {'id': 's', 'type': 'webhook', 'url': 'URL', 'signing_secret': "{{ secret(\\"HOOK_KEY\\") }}",
                 'body': {'id': '{{ entity.id }}'}}""").process(event()).getFirst();
        assertThat(r.actions().getFirst().status()).isEqualTo(ActionStatus.SUCCEEDED);
        LocalHttpServer.Request req = server.requests().getFirst();
        String timestamp = req.header("X-Flowline-Timestamp");
        assertThat(req.header("X-Flowline-Signature"))
                .isEqualTo("sha256=" + WebhookSignature.hmac("k3y-value", timestamp + "." + req.body()));
        assertThat(req.header("X-Flowline-Signature"))
                .isNotEqualTo("sha256=" + WebhookSignature.hmac("wrong", timestamp + "." + req.body()));
    }

    @Test
    void secret_values_never_appear_in_recorded_outputs_or_errors() {
        Secrets secrets = Secrets.of(Map.of("CRM_TOKEN", "tok-123456"));
        server.then(400, "{\"echo\": \"Bearer tok-123456 rejected\"}");
        Engine e = engine(secrets, BreakerSettings.DEFAULT, """
                {'id': 's', 'type': 'webhook', 'url': 'URL', 'headers': {'Authorization': "Bearer {{ secret(\\"CRM_TOKEN\\") }}"},
                 'body': {'token_hint': "{{ secret(\\"CRM_TOKEN\\") }}"}}""");
        ExecutionRecord failed = e.process(event()).getFirst();
        assertThat(server.requests().getFirst().header("Authorization")).isEqualTo("Bearer tok-123456");
        assertThat(failed.actions().getFirst().error()).contains("Bearer *** rejected").doesNotContain("tok-123456");
        server.then(200, "{\"you_sent\": \"tok-123456\"}");
        ExecutionRecord ok = e.process(event()).getFirst();
        assertThat(ok.toJson().toString()).doesNotContain("tok-123456");
        assertThat(ok.actions().getFirst().output()).isEqualTo(Map.of("status", 200L, "body", Map.of("you_sent", "***")));
    }

    @Test
    void timed_out_attempts_do_not_leave_threads_behind() {
        server.slowByDefault(5_000);
        Engine e = engine(Secrets.none(), new BreakerSettings(100, 100, 100f, Duration.ofSeconds(1), 1), """
                {'id': 's', 'type': 'webhook', 'url': 'URL', 'timeout_ms': 100, 'retry': {'max_attempts': 1}}""");
        for (int i = 0; i < 10; i++) {
            assertThat(e.process(event()).getFirst().actions().getFirst().error()).contains("timed out");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> e.runningAttempts() == 0);
    }
}
