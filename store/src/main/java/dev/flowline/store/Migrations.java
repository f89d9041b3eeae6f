package dev.flowline.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;

/**
 * Brings the schema up to date with Flyway, from {@code db/flowline/V*.sql} on the classpath.
 *
 * <p>The scripts live outside Flyway's default {@code db/migration} and the history is kept in its own table
 * ({@code flowline_schema_history}), so that an application that embeds Flowline in its own database, and runs
 * Flyway for its own tables, sees neither Flowline's scripts nor Flowline's history, and the other way round.
 */
final class Migrations {

    static final String LOCATION = "classpath:db/flowline";
    static final String HISTORY_TABLE = "flowline_schema_history";

    /** Placeholder of migration 5: the event sequence's block size. */
    static final String EVENT_SEQ_CACHE = "event_seq_cache";

    private Migrations() {
    }

    /**
     * 10,000 on H2, whose sequence is one counter for all sessions; 1 on PostgreSQL, where each session caches its
     * own block and numbers from several connections would not follow the order of insertion (see migration 5).
     */
    static String eventSeqCache(Dialect dialect) {
        return dialect instanceof PostgresDialect ? "1" : "10000";
    }

    static void migrate(DataSource dataSource, Dialect dialect) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .placeholders(java.util.Map.of(EVENT_SEQ_CACHE, eventSeqCache(dialect)))
                    // a schema that already holds the application's tables is fine: Flowline's history starts at 0
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StoreException("cannot bring Flowline's tables up to date (" + dialect.name() + "): "
                    + e.getMessage(), e);
        }
    }
}
