package dev.flowline.server.functional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowline.email.SmtpSettings;
import dev.flowline.json.Json;
import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.TestClient;
import dev.flowline.testing.LocalHttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service end to end: a workflow that sends e-mail and notifications, events posted over HTTP, the mail in a
 * real SMTP server (GreenMail), the digest in {@code /api/notifications} and in a chat channel's webhook.
 */
class EmailAndDigestServiceTest {

    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final Duration AWAIT = Duration.ofSeconds(30);

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path data;

    private FlowlineService service;
    private LocalHttpServer chat;

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
        if (chat != null) {
            chat.close();
        }
    }

    private TestClient start(ServiceConfig.Builder config) {
        service = new FlowlineService(config.port(0).dataDir(data).adminToken(TOKEN).build()).start();
        return new TestClient(service.url(), TOKEN);
    }

    private static String event(String id, String name) {
        return """
                {"event_id": "e-%s", "entity_type": "order", "entity_id": "%s", "operation": "create",
                 "data": {"id": "%s", "owner": "ann", "email": "ann@example.test", "name": "%s", "total": 120}}"""
                .formatted(id, id, id, name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(TestClient.Response r) {
        return (List<Map<String, Object>>) r.map().get("items");
    }

    @Test
    @SuppressWarnings("unchecked")
    void mail_reaches_the_smtp_server_and_notifications_arrive_as_one_digest() throws Exception {
        chat = new LocalHttpServer();
        TestClient api = start(ServiceConfig.builder()
                .smtp(SmtpSettings.builder("127.0.0.1", "Shop <shop@example.test>").port(greenMail.getSmtp().getPort()).build())
                .notificationWebhook(URI.create(chat.url("/chat"))));
        assertThat(api.put("/api/workflows/orders", """
                {"entity_type": "order", "operations": ["create"],
                 "actions": [
                   {"id": "confirm", "type": "email", "to": "{{ entity.email }}", "priority": "high",
                    "subject": "Order {{ entity.id }}", "html_body": "<p>Thanks, {{ entity.name }}</p>"},
                   {"id": "tell", "type": "notification", "recipients": ["{{ entity.owner }}"],
                    "title": "Order {{ entity.id }}", "body": "{{ entity.name }} ordered"}],
                 "workflow_settings": {"notification_batch_size": 2}}""").status()).isEqualTo(201);

        assertThat(api.post("/api/events", "[" + event("1", "<b>Bo</b>") + ", " + event("2", "Cy") + "]").status())
                .isEqualTo(202);

        await().atMost(AWAIT).until(() -> items(api.get("/api/executions?workflow_id=orders")).size() == 2
                && items(api.get("/api/executions?workflow_id=orders&status=running")).isEmpty());
        assertThat(items(api.get("/api/executions?workflow_id=orders"))).allSatisfy(x -> {
            assertThat(x.get("status")).as("%s", x).isEqualTo("succeeded");
            Map<String, Object> confirm = ((List<Map<String, Object>>) x.get("actions")).getFirst();
            assertThat((Map<String, Object>) confirm.get("output")).containsEntry("status", "sent")
                    .containsEntry("message_id", "<" + x.get("execution_id") + ".confirm@example.test>");
        });
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        MimeMessage bo = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(m -> subject(m).equals("Order 1")).findFirst().orElseThrow();
        assertThat(GreenMailUtil.getBody(bo)).contains("Thanks, &lt;b&gt;Bo&lt;/b&gt;");

        List<Map<String, Object>> notes = items(api.get("/api/notifications?recipient=ann"));
        assertThat(notes).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("kind", "digest").containsEntry("title", "2 notifications")
                    .containsEntry("recipient", "ann");
            assertThat((List<Map<String, Object>>) d.get("parts")).extracting(p -> p.get("body"))
                    .containsExactlyInAnyOrder("<b>Bo</b> ordered", "Cy ordered");
        });
        await().atMost(AWAIT).until(() -> !chat.requests().isEmpty());
        Map<String, Object> posted = (Map<String, Object>) Json.parse(chat.requests().getFirst().body());
        assertThat(posted).containsEntry("kind", "digest").containsEntry("recipients", List.of("ann"));
    }

    @Test
    void without_smtp_an_email_action_fails_with_a_clear_message() {
        TestClient api = start(ServiceConfig.builder());
        api.put("/api/workflows/mail", """
                {"entity_type": "order", "operations": ["create"],
                 "actions": [{"id": "confirm", "type": "email", "to": "ann@example.test", "subject": "hi", "body": "x"}]}""");

        api.post("/api/events", event("1", "Bo"));

        await().atMost(AWAIT).until(() -> items(api.get("/api/executions?workflow_id=mail&status=failed")).size() == 1);
        assertThat(items(api.get("/api/executions?workflow_id=mail")).getFirst().get("error").toString())
                .contains("e-mail is not configured");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
