package dev.flowline.server;

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
 */
public record ServiceConfig(int port, Path dataDir, Path workflowsDir, boolean demo, long maxBodyBytes,
                            String adminToken, long maxBacklog, int maxInFlight, Duration shutdownTimeout,
                            String appDbUrl, int appDbPoolSize, Path secretsFile, boolean metricsOpen) {

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

        public ServiceConfig build() {
            return new ServiceConfig(port, dataDir, workflowsDir, demo, maxBodyBytes, adminToken, maxBacklog,
                    maxInFlight, shutdownTimeout, appDbUrl, appDbPoolSize, secretsFile,
                    metricsOpen);
        }
    }
}
