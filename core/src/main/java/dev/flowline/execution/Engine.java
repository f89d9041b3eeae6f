package dev.flowline.execution;

import dev.flowline.action.ActionHandler;
import dev.flowline.action.internal.ActionDispatcher;
import dev.flowline.action.internal.DatabaseStatements;
import dev.flowline.action.internal.EntityUpdater;
import dev.flowline.action.internal.Mailer;
import dev.flowline.action.internal.Notifier;
import dev.flowline.action.internal.WebhookCaller;
import dev.flowline.action.BreakerSettings;
import dev.flowline.template.Secrets;
import dev.flowline.condition.ConditionEvaluator;
import dev.flowline.condition.QueryConditionRunner;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.email.EmailDelivery;
import dev.flowline.event.EntityEvent;
import dev.flowline.match.TriggerIndex;
import dev.flowline.notification.InMemoryNotificationSink;
import dev.flowline.notification.NotificationBatcher;
import dev.flowline.notification.NotificationSink;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The embeddable workflow engine: give it workflow definitions, submit entity events, and it runs the matching
 * workflows.
 *
 * <p>{@link #submit} processes events asynchronously: events of one entity in submission order (each event's
 * executions finish before the entity's next event is matched), different entities in parallel on virtual threads.
 * Events emitted by {@code update_entity} actions are submitted the same way. Thread-safe; close it to stop its
 * threads.
 */
public final class Engine implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final EntitySequencer sequencer = new EntitySequencer(threads);
    private final EventProcessor processor;
    private final QueryConditionRunner queries;
    private final ActionAttempts attempts;
    private final WebhookCaller webhooks;
    private volatile List<WorkflowDefinition> workflows;

    private Engine(Builder b) {
        this.queries = new QueryConditionRunner(b.appDataSource, b.defaultActionTimeout, b.queryCacheSize);
        ConditionEvaluator evaluator = new ConditionEvaluator(queries);
        HttpClient http = b.httpClient != null ? b.httpClient : HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.webhooks = new WebhookCaller(http, b.breakers, b.webhookSigningSecret, b.clock);
        ActionDispatcher dispatcher = new ActionDispatcher(
                webhooks,
                new DatabaseStatements(b.appDataSource, b.maxQueryRows),
                new Notifier(b.notificationSink, b.notificationBatcher, b.clock),
                new EntityUpdater(this::submit, b.maxChainDepth, b.maxVisitsPerWorkflowEntity, b.clock),
                new Mailer(b.emailDelivery),
                b.handlers);
        ActionAttempts attempts = new ActionAttempts(dispatcher, threads, b.clock, b.defaultActionTimeout, b.secrets);
        this.attempts = attempts;
        this.processor = new EventProcessor(evaluator, attempts, threads, b.clock, b.executionListener, b.matchListener,
                b.journal, new Strategies(b.triggerIndex, b.orderedConditions, b.parallelActions));
        setWorkflows(b.workflows);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Replaces the workflow set atomically; events already matched keep the versions they matched. */
    public void setWorkflows(Collection<WorkflowDefinition> definitions) {
        List<WorkflowDefinition> copy = List.copyOf(definitions);
        processor.setIndex(TriggerIndex.build(copy), copy);
        this.workflows = copy;
    }

    public List<WorkflowDefinition> workflows() {
        return workflows;
    }

    /** Queues an event; it is processed after earlier events of the same entity. */
    public void submit(EntityEvent event) {
        submit(event, false, () -> { });
    }

    /**
     * Queues an event and runs {@code done} once all its executions have finished.
     *
     * @param replay true when the event may have been processed before (recovery after a crash): the journal is
     *               consulted so finished executions are not repeated and unfinished ones resume
     * @param done   called on the processing thread after the event's executions finished (or failed to run)
     */
    public void submit(EntityEvent event, boolean replay, Runnable done) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(done, "done");
        sequencer.submit(event.entityKey(), () -> {
            try {
                processor.process(event, replay);
            } finally {
                done.run();
            }
        });
    }

    /**
     * Queues a retry of a journaled execution (after the journal reopened it): actions recorded as succeeded are not
     * run again and their outputs feed the others. Ordered with the entity's other events.
     *
     * @param done called after the execution finished
     */
    public void retry(EntityEvent event, JournaledExecution execution, Runnable done) {
        Objects.requireNonNull(execution, "execution");
        sequencer.submit(event.entityKey(), () -> {
            try {
                processor.resume(event, execution);
            } finally {
                done.run();
            }
        });
    }

    /**
     * Processes one event on the calling thread and returns its executions. The caller is responsible for
     * ordering: use {@link #submit} unless you sequence events yourself.
     */
    public List<ExecutionRecord> process(EntityEvent event) {
        return processor.process(event, false);
    }

    /** Waits until every submitted event (including emitted ones) has been processed; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return sequencer.awaitIdle(timeout);
    }

    /** Events submitted and not yet fully processed. */
    public long pendingEvents() {
        return sequencer.pending();
    }

    /** Matching counters per workflow id since start: triggered, conditions passed, conditions rejected. */
    public Map<String, WorkflowCounters> workflowCounters() {
        return processor.counters();
    }

    /** Action attempts running right now (a timed-out attempt leaves this count once its thread has ended). */
    public int runningAttempts() {
        return attempts.running();
    }

    /** Circuit-breaker state per webhook target host ({@code closed}, {@code open}, {@code half_open}). */
    public Map<String, String> circuitBreakerStates() {
        return webhooks.breakerStates();
    }

    /** Number of query conditions that ran on the database (cache misses). */
    public long queryConditionsExecuted() {
        return queries.executedQueries();
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Configures an {@link Engine}; every setting has a documented default. Not thread-safe. */
    public static final class Builder {
        private Collection<WorkflowDefinition> workflows = List.of();
        private DataSource appDataSource;
        private NotificationSink notificationSink = new InMemoryNotificationSink(10_000);
        private ExecutionListener executionListener = r -> { };
        private MatchListener matchListener;
        private ExecutionJournal journal = ExecutionJournal.NONE;
        private EmailDelivery emailDelivery;
        private Secrets secrets = Secrets.none();
        private String webhookSigningSecret;
        private BreakerSettings breakers = BreakerSettings.DEFAULT;
        private NotificationBatcher notificationBatcher;
        private final Map<String, ActionHandler> handlers = new HashMap<>();
        private Clock clock = Clock.systemUTC();
        private HttpClient httpClient;
        private Duration defaultActionTimeout = Duration.ofSeconds(30);
        private int maxChainDepth = 8;
        private int maxVisitsPerWorkflowEntity = 8;
        private long queryCacheSize = 100_000;
        private int maxQueryRows = 10_000;
        private boolean triggerIndex = true;
        private boolean orderedConditions = true;
        private boolean parallelActions = true;

        private Builder() {
        }

        /**
         * Whether candidate workflows are found through the trigger index (default true). False checks every
         * workflow's trigger for every event: the guide's "Bad" form, kept so benchmarks can measure the difference.
         */
        public Builder triggerIndex(boolean on) {
            this.triggerIndex = on;
            return this;
        }

        /**
         * Whether conditions are evaluated cheapest first (default true). False evaluates them in the order written:
         * the guide's "Bad" form when an expensive condition comes first; kept for benchmarks.
         */
        public Builder orderedConditions(boolean on) {
            this.orderedConditions = on;
            return this;
        }

        /**
         * Whether independent actions run at once as each workflow's settings allow (default true). False runs every
         * workflow's actions one at a time, as if all were {@code sequential}; kept for benchmarks.
         */
        public Builder parallelActions(boolean on) {
            this.parallelActions = on;
            return this;
        }

        /** The workflows to run (default none). */
        public Builder workflows(Collection<WorkflowDefinition> workflows) {
            this.workflows = Objects.requireNonNull(workflows, "workflows");
            return this;
        }

        /** The application database for {@code database} actions and {@code query} conditions (default none). */
        public Builder applicationDataSource(DataSource dataSource) {
            this.appDataSource = dataSource;
            return this;
        }

        /** Where notifications go (default: kept in memory, the last 10,000). */
        public Builder notificationSink(NotificationSink sink) {
            this.notificationSink = Objects.requireNonNull(sink, "notificationSink");
            return this;
        }

        /** Told about every finished execution (default: nothing). */
        public Builder executionListener(ExecutionListener listener) {
            this.executionListener = Objects.requireNonNull(listener, "executionListener");
            return this;
        }

        /** Told about each event's candidate workflows and condition outcomes (default: none; costs time). */
        public Builder matchListener(MatchListener listener) {
            this.matchListener = listener;
            return this;
        }

        /** Secrets whose values are masked in every recorded output and error (default none). */
        public Builder secrets(Secrets secrets) {
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            return this;
        }

        /** The service-wide HMAC secret that signs webhooks without a secret of their own (default none). */
        public Builder webhookSigningSecret(String secret) {
            this.webhookSigningSecret = secret;
            return this;
        }

        /** Circuit-breaker settings per webhook target host (default: open after 5 of 10 calls failed, for 30 s). */
        public Builder circuitBreakers(BreakerSettings settings) {
            this.breakers = Objects.requireNonNull(settings, "circuitBreakers");
            return this;
        }

        /** How {@code email} actions send mail (default none: they fail with "e-mail is not configured"). */
        public Builder emailDelivery(EmailDelivery delivery) {
            this.emailDelivery = delivery;
            return this;
        }

        /**
         * Batches normal-priority notifications per recipient into digests (default none: every notification goes
         * to the {@link #notificationSink} at once). The caller starts and closes it.
         */
        public Builder notificationBatcher(NotificationBatcher batcher) {
            this.notificationBatcher = batcher;
            return this;
        }

        /** Where executions are journaled as they progress (default: nowhere). */
        public Builder journal(ExecutionJournal journal) {
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /** Adds a custom action type; handlers listed in META-INF/services are added by {@link #loadHandlers()}. */
        public Builder actionHandler(ActionHandler handler) {
            Objects.requireNonNull(handler, "handler");
            if (Set.of("notification", "webhook", "database", "set", "update_entity", "email").contains(handler.type())) {
                throw new IllegalArgumentException("actionHandler: type '" + handler.type() + "' is built in");
            }
            handlers.put(handler.type(), handler);
            return this;
        }

        /** Adds every {@link ActionHandler} found with {@link ServiceLoader}. */
        public Builder loadHandlers() {
            ServiceLoader.load(ActionHandler.class).forEach(this::actionHandler);
            return this;
        }

        /** The custom action types registered so far (for {@code DefinitionParser}). */
        public Set<String> customActionTypes() {
            return Set.copyOf(handlers.keySet());
        }

        /** Time source (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** HTTP client for webhooks (default: HTTP/1.1, 5 s connect timeout, no redirects). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** Time limit of an action attempt without {@code timeout_ms} (default 30 s). */
        public Builder defaultActionTimeout(Duration timeout) {
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("defaultActionTimeout must be positive, was " + timeout);
            }
            this.defaultActionTimeout = timeout;
            return this;
        }

        /** Longest {@code update_entity} chain before "loop detected" (default 8). */
        public Builder maxChainDepth(int depth) {
            if (depth < 1) {
                throw new IllegalArgumentException("maxChainDepth must be at least 1, was " + depth);
            }
            this.maxChainDepth = depth;
            return this;
        }

        /** How often one workflow may re-trigger itself on one entity within a chain (default 8). */
        public Builder maxVisitsPerWorkflowEntity(int visits) {
            if (visits < 1) {
                throw new IllegalArgumentException("maxVisitsPerWorkflowEntity must be at least 1, was " + visits);
            }
            this.maxVisitsPerWorkflowEntity = visits;
            return this;
        }

        /** Most query-condition results kept in the cache (default 100,000). */
        public Builder queryCacheSize(long size) {
            if (size < 0) {
                throw new IllegalArgumentException("queryCacheSize must not be negative, was " + size);
            }
            this.queryCacheSize = size;
            return this;
        }

        /** Most rows a {@code database} query action may return before it fails (default 10,000). */
        public Builder maxQueryRows(int rows) {
            if (rows < 1) {
                throw new IllegalArgumentException("maxQueryRows must be at least 1, was " + rows);
            }
            this.maxQueryRows = rows;
            return this;
        }

        public Engine build() {
            return new Engine(this);
        }
    }

}
