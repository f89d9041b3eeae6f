package dev.flowline.cli;

import dev.flowline.FlowlineException;
import dev.flowline.server.FlowlineService;
import dev.flowline.server.ServiceConfig;
import dev.flowline.server.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

/** {@code flowline serve}: the long-running service. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the Flowline service: HTTP API under /api, dashboard at /, Prometheus metrics at /metrics, "
                + "durable embedded store under --data.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0 picks a free one)")
    int port;

    @Option(names = "--data", defaultValue = "data", paramLabel = "DIR", description = "data directory (default ./${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--workflows", paramLabel = "DIR", description = "definitions to load and keep in sync")
    Path workflows;

    @Option(names = "--app-db", paramLabel = "JDBC_URL", description = "application database for database actions and query conditions")
    String appDb;

    @Option(names = "--app-db-pool-size", defaultValue = "16", description = "application database connections (default ${DEFAULT-VALUE})")
    int appDbPoolSize;

    @Option(names = "--secrets", paramLabel = "FILE", description = "properties file of named secrets for secret('NAME'); FLOWLINE_SECRET_<NAME> variables are read too")
    Path secrets;

    @Option(names = "--demo", description = "start a demo: sample shop database, the guide's workflows and a stream of order events")
    boolean demo;

    @Option(names = "--metrics-open", description = "serve /metrics without the admin token (for Prometheus scrapers that send none)")
    boolean metricsOpen;

    @Option(names = "--max-body-bytes", defaultValue = "1048576", description = "largest request body (default ${DEFAULT-VALUE})")
    long maxBodyBytes;

    @Mixin
    SmtpOptions smtp = new SmtpOptions();

    @Option(names = "--notification-batch-size", defaultValue = "20", paramLabel = "N",
            description = "normal notifications per recipient that make a digest go out, unless a workflow says"
                    + " (default ${DEFAULT-VALUE})")
    int notificationBatchSize;

    @Option(names = "--notification-max-delay-ms", defaultValue = "60000", paramLabel = "MS",
            description = "longest a normal notification waits for its digest, unless a workflow says"
                    + " (default ${DEFAULT-VALUE})")
    long notificationMaxDelayMs;

    @Option(names = "--notification-webhook", paramLabel = "URL",
            description = "post every delivered notification and digest as JSON to this channel webhook")
    URI notificationWebhook;

    private final PrintStream out;
    private final PrintStream err;

    ServeCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        ServiceConfig.Builder config = ServiceConfig.builder().port(port).dataDir(data).workflowsDir(workflows)
                .demo(demo).maxBodyBytes(maxBodyBytes).appDbPoolSize(appDbPoolSize).secretsFile(secrets)
                .metricsOpen(metricsOpen);
        if (notificationBatchSize < 1 || notificationBatchSize > 10_000) {
            err.println("flowline serve: --notification-batch-size must be from 1 to 10000, not " + notificationBatchSize);
            return 2;
        }
        if (notificationMaxDelayMs < 0 || notificationMaxDelayMs > 86_400_000L) {
            err.println("flowline serve: --notification-max-delay-ms must be from 0 to 86400000 (a day), not "
                    + notificationMaxDelayMs);
            return 2;
        }
        if (notificationWebhook != null && !"http".equals(notificationWebhook.getScheme())
                && !"https".equals(notificationWebhook.getScheme())) {
            err.println("flowline serve: --notification-webhook must be an http:// or https:// URL, not '"
                    + notificationWebhook + "'");
            return 2;
        }
        try {
            config.smtp(smtp.settings(System.getenv())).notificationBatchSize(notificationBatchSize)
                    .notificationMaxDelay(Duration.ofMillis(notificationMaxDelayMs))
                    .notificationWebhook(notificationWebhook);
        } catch (IllegalArgumentException e) {
            err.println("flowline serve: " + e.getMessage());
            return 2;
        }
        if (demo && appDb == null) {
            appDb = Demo.appDatabaseUrl(data);
        }
        config.appDbUrl(appDb);
        FlowlineService service = new FlowlineService(config.build());
        Demo demoFeed = demo ? new Demo(service) : null;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "flowline-shutdown"));
        try {
            if (demoFeed != null) {
                demoFeed.prepare();
            }
            service.start();
            if (demoFeed != null) {
                demoFeed.start();
            }
        } catch (FlowlineException e) {
            err.println("flowline serve: " + e.getMessage());
            service.close();
            return 1;
        }
        service.printBanner(out);
        if (demoFeed != null) {
            demoFeed.printBanner(out);
        }
        out.flush();
        stopped.await();
        return 0;
    }
}
