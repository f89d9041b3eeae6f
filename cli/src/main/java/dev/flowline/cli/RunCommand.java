package dev.flowline.cli;

import dev.flowline.FlowlineException;
import dev.flowline.condition.ConditionResult;
import dev.flowline.definition.DefinitionFiles;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.email.InMemoryEmailOutbox;
import dev.flowline.email.OutboxMailer;
import dev.flowline.email.OutboxStatus;
import dev.flowline.email.SmtpMailSender;
import dev.flowline.email.SmtpSettings;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.EventInvalidException;
import dev.flowline.event.EventParser;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.execution.ExecutionStatus;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.match.Matcher;
import dev.flowline.template.Secrets;
import dev.flowline.template.TemplateEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code flowline run}: runs a file of events through the engine offline and writes one JSON line per execution.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run events (JSON Lines) through workflows offline; write one JSON line per execution.")
final class RunCommand implements Callable<Integer> {

    @Option(names = "--workflows", required = true, paramLabel = "DIR", description = "directory (or file) of definitions")
    Path workflows;

    @Option(names = "--events", required = true, paramLabel = "FILE.jsonl", description = "one entity event per line")
    Path events;

    @Option(names = "--app-db", paramLabel = "JDBC_URL",
            description = "application database for database actions and query conditions"
                    + " (default: a fresh in-memory H2 database)")
    String appDb;

    @Option(names = "--app-init", paramLabel = "FILE.sql", description = "SQL script to run on the application database first")
    Path appInit;

    @Option(names = "--out", paramLabel = "FILE", description = "write executions here instead of stdout")
    Path outFile;

    @Option(names = "--secrets", paramLabel = "FILE", description = "properties file of named secrets for secret('NAME'); FLOWLINE_SECRET_<NAME> variables are read too")
    Path secretsFile;

    @Option(names = "--explain", description = "print each event's candidate workflows and the first failing condition (stderr)")
    boolean explain;

    @Option(names = "--max-pending", hidden = true, description = "events in flight before reading pauses")
    int maxPending = 10_000;

    @Mixin
    SmtpOptions smtp = new SmtpOptions();

    private final PrintStream stdout;
    private final PrintStream err;

    RunCommand(PrintStream stdout, PrintStream err) {
        this.stdout = stdout;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        Secrets secrets;
        try {
            secrets = Secrets.load(System.getenv(), secretsFile);
        } catch (FlowlineException e) {
            err.println("flowline run: " + e.getMessage());
            return 1;
        }
        TemplateEngine templates = new TemplateEngine(secrets);
        Engine.Builder builder = Engine.builder().loadHandlers().secrets(secrets)
                .webhookSigningSecret(System.getenv("FLOWLINE_WEBHOOK_SECRET"));
        List<WorkflowDefinition> defs;
        try {
            defs = new DefinitionFiles(new DefinitionParser(templates, builder.customActionTypes()))
                    .loadValid(List.of(workflows));
        } catch (FlowlineException e) {
            err.println("flowline run: " + e.getMessage());
            return 1;
        }
        if (!Files.isReadable(events)) {
            err.println("flowline run: cannot read events file " + events);
            return 1;
        }
        SmtpSettings smtpSettings;
        try {
            smtpSettings = smtp.settings(System.getenv());
        } catch (IllegalArgumentException e) {
            err.println("flowline run: " + e.getMessage());
            return 2;
        }
        if (appDb == null) {
            // A fresh database per run; the keep-alive connection below holds it open until the run ends.
            appDb = "jdbc:h2:mem:flowline-app-" + java.util.UUID.randomUUID();
        }
        SimpleDataSource app = new SimpleDataSource(appDb);
        // Keeps an in-memory database alive for the whole run even if the URL lacks DB_CLOSE_DELAY.
        try (Connection keepAlive = app.getConnection()) {
            if (appInit != null) {
                runScript(keepAlive, appInit);
            }
            if (smtpSettings == null) {
                return process(builder, defs, app, start);
            }
            // e-mail goes out as the run goes, through an outbox in memory: nothing is kept after the run
            InMemoryEmailOutbox outbox = new InMemoryEmailOutbox();
            try (OutboxMailer mailer = OutboxMailer.builder(new SmtpMailSender(smtpSettings, Clock.systemUTC()), outbox)
                    .build().start()) {
                int exit = process(builder.emailDelivery(mailer), defs, app, start);
                if (!mailer.awaitIdle(Duration.ofSeconds(60))) {
                    err.println("flowline run: gave up waiting for the SMTP server after 60 s");
                }
                long unsent = outbox.pending();
                err.printf("e-mails sent: %d, failed: %d, not sent: %d%s%n", outbox.count(OutboxStatus.SENT),
                        outbox.count(OutboxStatus.FAILED), unsent,
                        unsent == 0 ? "" : " (held for a delivery window or a retry; flowline run keeps no outbox)");
                return exit;
            }
        } catch (SQLException e) {
            err.println("flowline run: application database " + appDb + ": " + e.getMessage());
            return 1;
        }
    }

    private int process(Engine.Builder builder, List<WorkflowDefinition> defs, SimpleDataSource app, long start)
            throws IOException, InterruptedException {
        AtomicLong executions = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long read = 0;
        long invalid = 0;
        try (Writer out = outFile == null
                ? new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8))
                : Files.newBufferedWriter(outFile, StandardCharsets.UTF_8);
             Engine engine = builder.workflows(defs)
                     .applicationDataSource(app)
                     .executionListener(r -> write(out, r, executions, failed))
                     .matchListener(explain ? this::explain : null)
                     .build();
             BufferedReader in = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            EventParser parser = new EventParser();
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                read++;
                EntityEvent event;
                try {
                    event = parser.parse(line);
                } catch (EventInvalidException e) {
                    invalid++;
                    for (InputError error : e.errors()) {
                        err.println(events + ":" + lineNo + ": " + (error.path().isEmpty() ? "" : error.path() + ": ")
                                + error.message() + " (line skipped)");
                    }
                    continue;
                }
                while (engine.pendingEvents() >= maxPending) {
                    Thread.sleep(1);
                }
                engine.submit(event);
            }
            while (!engine.awaitIdle(Duration.ofSeconds(10))) {
                err.println("flowline run: waiting for " + engine.pendingEvents() + " event(s) to finish...");
            }
            out.flush();
        }
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
        err.printf("events read: %d (invalid: %d), executions: %d, failed executions: %d, wall time: %d ms%n",
                read, invalid, executions.get(), failed.get(), ms);
        return invalid == 0 ? 0 : 1;
    }

    private static void write(Writer out, ExecutionRecord r, AtomicLong executions, AtomicLong failed) {
        String json = Json.write(r.toJson());
        synchronized (out) {
            try {
                out.write(json);
                out.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        executions.incrementAndGet();
        if (r.status() == ExecutionStatus.FAILED) {
            failed.incrementAndGet();
        }
    }

    private void explain(EntityEvent e, List<Matcher.Candidate> candidates) {
        StringBuilder sb = new StringBuilder();
        sb.append("explain: event ").append(e.eventId()).append(" (").append(e.entityType()).append(':')
                .append(e.entityId()).append(' ').append(e.operation().jsonName()).append(')');
        if (candidates.isEmpty()) {
            sb.append(": no workflow triggered");
        }
        for (Matcher.Candidate c : candidates) {
            sb.append("\n  ").append(c.workflow().id()).append(": ");
            ConditionResult failure = c.outcome().firstFailure();
            if (c.outcome().passed()) {
                sb.append("all conditions hold -> runs");
            } else if (failure != null) {
                sb.append("first failing condition ").append(failure.path()).append(" (").append(failure.description())
                        .append(')').append(failure.error() == null ? "" : ": " + failure.error());
            }
        }
        synchronized (err) {
            err.println(sb);
        }
    }

    private void runScript(Connection c, Path script) throws IOException, SQLException {
        String sql = Files.readString(script, StandardCharsets.UTF_8);
        try (Statement st = c.createStatement()) {
            for (String statement : SqlScript.statements(sql)) {
                try {
                    st.execute(statement);
                } catch (SQLException e) {
                    throw new SQLException(script + ": statement failed: " + statement + ": " + e.getMessage(), e);
                }
            }
        }
    }
}
