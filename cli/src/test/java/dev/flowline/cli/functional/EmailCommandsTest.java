package dev.flowline.cli.functional;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SMTP and notification options of {@code flowline run} and {@code flowline serve}. */
class EmailCommandsTest {

    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private void files() throws Exception {
        Files.createDirectories(dir.resolve("wf"));
        Files.writeString(dir.resolve("wf/mail.json"), """
                {"id": "mail", "entity_type": "order", "operations": ["create"],
                 "actions": [
                   {"id": "confirm", "type": "email", "to": "{{ entity.email }}", "priority": "high",
                    "subject": "Order {{ entity.id }}", "body": "Thanks"},
                   {"id": "digest", "type": "email", "to": "sales@example.test", "subject": "New order {{ entity.id }}",
                    "html_body": "<p>{{ entity.email }}</p>"}]}""");
        Files.writeString(dir.resolve("events.jsonl"), """
                {"event_id": "e1", "entity_type": "order", "entity_id": "1", "operation": "create", "data": {"id": "1", "email": "ann@example.test"}}
                """);
    }

    @Test
    @SuppressWarnings("unchecked")
    void run_sends_mail_through_the_given_smtp_server_before_it_ends() throws Exception {
        files();

        CliRun run = CliRun.of("run", "--workflows", dir.resolve("wf").toString(), "--events",
                dir.resolve("events.jsonl").toString(), "--smtp-host", "127.0.0.1", "--smtp-port",
                String.valueOf(greenMail.getSmtp().getPort()), "--smtp-from", "shop@example.test");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(run.err()).contains("e-mails sent: 2, failed: 0, not sent: 0");
        List<Map<String, Object>> actions = (List<Map<String, Object>>) run.jsonLines().getFirst().get("actions");
        assertThat((Map<String, Object>) actions.get(0).get("output")).containsEntry("status", "sent");
        assertThat((Map<String, Object>) actions.get(1).get("output")).containsEntry("status", "queued");
    }

    @Test
    void run_without_an_smtp_server_fails_email_actions_saying_so() throws Exception {
        files();

        CliRun run = CliRun.of("run", "--workflows", dir.resolve("wf").toString(), "--events",
                dir.resolve("events.jsonl").toString());

        assertThat(run.exit()).isZero();
        assertThat(run.jsonLines().getFirst()).containsEntry("status", "failed");
        assertThat(run.out()).contains("e-mail is not configured");
    }

    @Test
    void smtp_options_without_a_sender_or_a_host_are_refused() {
        CliRun noFrom = CliRun.of("serve", "--port", "0", "--data", dir.toString(), "--smtp-host", "127.0.0.1");
        CliRun noHost = CliRun.of("run", "--workflows", dir.toString(), "--events", dir.toString(), "--smtp-port", "25");
        CliRun badSecurity = CliRun.of("serve", "--port", "0", "--data", dir.toString(), "--smtp-host", "127.0.0.1",
                "--smtp-from", "shop@example.test", "--smtp-security", "tls");

        assertThat(noFrom.exit()).isEqualTo(2);
        assertThat(noFrom.err()).contains("flowline serve: --smtp-from is required with --smtp-host");
        assertThat(noHost.exit()).isEqualTo(2);
        assertThat(noHost.err()).contains("flowline run: --smtp-port, --smtp-from, --smtp-user and --smtp-security need --smtp-host");
        assertThat(badSecurity.err()).contains("--smtp-security must be none, starttls or ssl, not 'tls'");
    }

    @Test
    void notification_settings_out_of_range_are_refused() {
        CliRun zero = CliRun.of("serve", "--port", "0", "--data", dir.toString(), "--notification-batch-size", "0");
        CliRun ftp = CliRun.of("serve", "--port", "0", "--data", dir.toString(), "--notification-webhook", "ftp://x/y");

        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--notification-batch-size must be from 1 to 10000, not 0");
        assertThat(ftp.exit()).isEqualTo(2);
        assertThat(ftp.err()).contains("--notification-webhook must be an http:// or https:// URL, not 'ftp://x/y'");
    }
}
