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

    private Migrations() {
    }

    static void migrate(DataSource dataSource, Dialect dialect) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
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
