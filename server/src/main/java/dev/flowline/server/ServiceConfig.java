package dev.flowline.server;

import dev.flowline.email.SmtpSettings;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of {@link FlowlineService}; build with {@link #builder()}. Immutable.
 *
 * @param port            HTTP port (0 picks a free one)
 * @param dataDir         data directory (store, admin token)
 * @param workflowsDir    directory of definitions to keep in sync, or null
 * @param demo            start the demo (sample application, workflows and event feed)
 * @param maxBodyBytes    largest accepted request body
 * @param adminToken      admin token from the environment, or null to use DATA/admin-token
 * @param maxBacklog      accepted-but-unprocessed events beyond which intake answers 429
 * @param maxInFlight     events handed to the engine at once
 * @param shutdownTimeout how long graceful shutdown waits for running executions
 * @param appDbUrl        JDBC URL of the application database (for database actions and query conditions), or null
 * @param appDbPoolSize   connections in the application database pool
 * @param secretsFile     properties file of named secrets (besides FLOWLINE_SECRET_* variables), or null
 * @param metricsOpen     serve {@code /metrics} without the token (for scrapers that cannot send one)
 * @param smtp            the SMTP server for e-mail actions, or null (they fail with "e-mail is not configured")
 * @param notificationBatchSize  normal notifications per recipient that make a digest go out, unless a workflow says
 * @param notificationMaxDelay   longest a normal notification waits for its digest, unless a workflow says
 * @param notificationWebhook    a channel webhook every delivered notification and digest is posted to, or null
 */
public record ServiceConfig(int port, Path dataDir, Path workflowsDir, boolean demo, long maxBodyBytes,
                            String adminToken, long maxBacklog, int maxInFlight, Duration shutdownTimeout,
                            String appDbUrl, int appDbPoolSize, Path secretsFile, boolean metricsOpen,
                            SmtpSettings smtp, int notificationBatchSize, Duration notificationMaxDelay,
                            URI notificationWebhook) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ServiceConfig}; every setting has a default. Not thread-safe. */
    public static final class Builder {
        private int port = 8080;
        private Path dataDir = Path.of("data");
        private Path workflowsDir;
        private boolean demo;
        private long maxBodyBytes = 1024 * 1024;
        private String adminToken = System.getenv(AdminToken.ENV);
        private long maxBacklog = 100_000;
        private int maxInFlight = 2_000;
        private Duration shutdownTimeout = Duration.ofSeconds(20);
        private String appDbUrl;
        private int appDbPoolSize = 16;
        private Path secretsFile;
        private boolean metricsOpen;
        private SmtpSettings smtp;
        private int notificationBatchSize = 20;
        private Duration notificationMaxDelay = Duration.ofSeconds(60);
        private URI notificationWebhook;

        /** HTTP port (default 8080; 0 picks a free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Data directory (default {@code ./data}). */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir, "dataDir");
            return this;
        }

        /** Directory of definition files to keep in sync (default none). */
        public Builder workflowsDir(Path dir) {
            this.workflowsDir = dir;
            return this;
        }

        /** Start the demo (default false). */
        public Builder demo(boolean demo) {
            this.demo = demo;
            return this;
        }

        /** Largest request body in bytes (default 1 MiB). */
        public Builder maxBodyBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /** Admin token (default: FLOWLINE_ADMIN_TOKEN, else DATA/admin-token). */
        public Builder adminToken(String token) {
            this.adminToken = token;
            return this;
        }

        /** Backlog limit beyond which intake answers 429 (default 100,000 events). */
        public Builder maxBacklog(long events) {
            if (events < 1) {
                throw new IllegalArgumentException("maxBacklog must be at least 1, was " + events);
            }
            this.maxBacklog = events;
            return this;
        }

        /** Events in the engine at once (default 2,000). */
        public Builder maxInFlight(int events) {
            if (events < 1) {
                throw new IllegalArgumentException("maxInFlight must be at least 1, was " + events);
            }
            this.maxInFlight = events;
            return this;
        }

        /** How long shutdown waits for running executions (default 20 s). */
        public Builder shutdownTimeout(Duration timeout) {
            this.shutdownTimeout = Objects.requireNonNull(timeout, "shutdownTimeout");
            return this;
        }

        /** JDBC URL of the application database (default none; the demo brings its own). */
        public Builder appDbUrl(String url) {
            this.appDbUrl = url;
            return this;
        }

        /** Connections in the application database pool (default 16). */
        public Builder appDbPoolSize(int size) {
            if (size < 1 || size > 1000) {
                throw new IllegalArgumentException("appDbPoolSize must be from 1 to 1000, was " + size);
            }
            this.appDbPoolSize = size;
            return this;
        }

        /** Properties file of named secrets (default none; FLOWLINE_SECRET_* variables are always read). */
        public Builder secretsFile(Path file) {
            this.secretsFile = file;
            return this;
        }

        /** Serve {@code /metrics} without the token (default false: bearer token or dashboard session needed). */
        public Builder metricsOpen(boolean open) {
            this.metricsOpen = open;
            return this;
        }

        /** The SMTP server for e-mail actions (default none: e-mail actions fail with a clear message). */
        public Builder smtp(SmtpSettings smtp) {
            this.smtp = smtp;
            return this;
        }

        /** Normal notifications per recipient that make a digest go out, for workflows that do not say (default 20). */
        public Builder notificationBatchSize(int size) {
            if (size < 1 || size > 10_000) {
                throw new IllegalArgumentException("notificationBatchSize must be from 1 to 10000, was " + size);
            }
            this.notificationBatchSize = size;
            return this;
        }

        /** Longest a normal notification waits for its digest, for workflows that do not say (default 60 s). */
        public Builder notificationMaxDelay(Duration delay) {
            if (delay == null || delay.isNegative() || delay.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("notificationMaxDelay must be from 0 to 1 day, was " + delay);
            }
            this.notificationMaxDelay = delay;
            return this;
        }

        /** Channel webhook (http or https) that gets every delivered notification and digest (default none). */
        public Builder notificationWebhook(URI url) {
            if (url != null && !"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new IllegalArgumentException("notificationWebhook must be an http:// or https:// URL, was '"
                        + url + "'");
            }
            this.notificationWebhook = url;
            return this;
        }

        public ServiceConfig build() {
            return new ServiceConfig(port, dataDir, workflowsDir, demo, maxBodyBytes, adminToken, maxBacklog,
                    maxInFlight, shutdownTimeout, appDbUrl, appDbPoolSize, secretsFile, metricsOpen, smtp,
                    notificationBatchSize, notificationMaxDelay, notificationWebhook);
        }
    }
}
