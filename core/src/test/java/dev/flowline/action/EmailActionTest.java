package dev.flowline.action;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.email.InMemoryEmailOutbox;
import dev.flowline.email.OutboxMailer;
import dev.flowline.email.SmtpMailSender;
import dev.flowline.email.SmtpSettings;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.execution.ActionRecord;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.template.TemplateEngine;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code email} actions through the engine to a real SMTP server (GreenMail). */
class EmailActionTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    private Engine engine;
    private OutboxMailer mailer;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
        if (mailer != null) {
            mailer.close();
        }
    }

    private ExecutionRecord run(String actionJson, Map<String, Object> data) {
        String json = ("{'id': 'mail', 'entity_type': 'order', 'operations': ['create'], 'actions': [" + actionJson
                + "]}").replace('\'', '"');
        WorkflowDefinition w = new DefinitionParser(new TemplateEngine(), Set.of()).parse(json, false, "x").orThrow();
        SmtpSettings smtp = SmtpSettings.builder("127.0.0.1", "shop@example.test").port(greenMail.getSmtp().getPort())
                .build();
        mailer = OutboxMailer.builder(new SmtpMailSender(smtp, Clock.systemUTC()), new InMemoryEmailOutbox())
                .build().start();
        engine = Engine.builder().workflows(List.of(w)).emailDelivery(mailer).build();
        EntityEvent e = EntityEvent.builder().entityType("order").entityId("42").operation(Operation.CREATE)
                .data(data).build();
        return engine.process(e).getFirst();
    }

    @Test
    @SuppressWarnings("unchecked")
    void template_values_in_html_body_reach_the_inbox_escaped() throws Exception {
        ExecutionRecord r = run("""
                {'id': 'confirm', 'type': 'email', 'to': '{{ entity.email }}', 'priority': 'high',
                 'subject': 'Order {{ entity.id }} for {{ entity.name }}',
                 'body': 'Hello {{ entity.name }}',
                 'html_body': '<p>Hello <b>{{ entity.name }}</b></p>'}""",
                Map.of("id", "42", "email", "ann@example.test", "name", "<script>alert('x')</script> & \"Co\""));

        ActionRecord a = r.actions().getFirst();
        assertThat(a.status()).as("%s", a.error()).isEqualTo(ActionStatus.SUCCEEDED);
        assertThat((Map<String, Object>) a.output()).containsEntry("status", "sent")
                .containsEntry("message_id", "<" + r.executionId() + ".confirm@example.test>");
        MimeMessage got = greenMail.getReceivedMessages()[0];
        assertThat(got.getSubject()).isEqualTo("Order 42 for <script>alert('x')</script> & \"Co\"");
        MimeMultipart parts = (MimeMultipart) got.getContent();
        String text = GreenMailUtil.getBody(parts.getBodyPart(0));
        String html = GreenMailUtil.getBody(parts.getBodyPart(1));
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(text).isEqualTo("Hello <script>alert('x')</script> & \"Co\"");
        assertThat(html).contains("<p>Hello <b>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;</b></p>")
                .doesNotContain("<script>");
    }

    @Test
    @SuppressWarnings("unchecked")
    void normal_mail_is_reported_queued_and_arrives_afterwards() throws Exception {
        ExecutionRecord r = run("""
                {'id': 'note', 'type': 'email', 'to': ['ann@example.test', 'bob@example.test'], 'cc': 'carl@example.test',
                 'subject': 'Order {{ entity.id }}', 'body': 'created'}""", Map.of("id", "7"));

        assertThat((Map<String, Object>) r.actions().getFirst().output()).containsEntry("status", "queued")
                .containsEntry("priority", "normal");
        assertThat(mailer.awaitIdle(java.time.Duration.ofSeconds(20))).isTrue();
        assertThat(greenMail.getReceivedMessages()).hasSize(3) // one copy per mailbox
                .allSatisfy(m -> assertThat(m.getSubject()).isEqualTo("Order 7"));
    }
}
