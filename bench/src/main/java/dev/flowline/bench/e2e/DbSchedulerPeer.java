package dev.flowline.bench.e2e;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.flowline.bench.Report;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The peer: db-scheduler running no-op one-time tasks on the same kind of store with the same durability settings
 * (H2 file database with {@code WRITE_DELAY=0}, or PostgreSQL with its defaults), 10 threads, polling every
 * 100 ms (lock-and-fetch on PostgreSQL, its default fetch-then-lock on H2, which does not support the former). All
 * tasks are scheduled first (in batches, untimed), then the scheduler is started and timed until the last task has
 * run. Not thread-safe.
 */
final class DbSchedulerPeer {

    private static final String H2_TABLE = """
            create table scheduled_tasks (
              task_name varchar(100) not null, task_instance varchar(100) not null, task_data blob,
              execution_time timestamp with time zone not null, picked boolean not null, picked_by varchar(50),
              last_success timestamp with time zone, last_failure timestamp with time zone,
              consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,
              priority smallint, primary key (task_name, task_instance))""";
    private static final String PG_TABLE = """
            create table scheduled_tasks (
              task_name text not null, task_instance text not null, task_data bytea,
              execution_time timestamp with time zone not null, picked boolean not null, picked_by text,
              last_success timestamp with time zone, last_failure timestamp with time zone,
              consecutive_failures int, last_heartbeat timestamp with time zone, version bigint not null,
              priority smallint, primary key (task_name, task_instance))""";

    private DbSchedulerPeer() {
    }

    /** Runs {@code tasks} no-op tasks; returns executions per second. */
    static double run(StoreChoice store, Path dir, int tasks, Report report) throws Exception {
        HikariConfig hc = new HikariConfig();
        if (store.postgres()) {
            hc.setJdbcUrl(store.schemaUrl("dbscheduler"));
            hc.setUsername(store.pgUser());
            hc.setPassword(store.password());
        } else {
            hc.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db-scheduler") + ";WRITE_DELAY=0");
            hc.setUsername("sa");
            hc.setPassword("");
        }
        hc.setMaximumPoolSize(12);
        hc.setPoolName("bench-db-scheduler");
        try (HikariDataSource ds = new HikariDataSource(hc)) {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute(store.postgres() ? PG_TABLE : H2_TABLE);
                s.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
                s.execute("create index last_heartbeat_idx on scheduled_tasks (last_heartbeat)");
            }
            CountDownLatch done = new CountDownLatch(tasks);
            OneTimeTask<Void> noop = Tasks.oneTime("noop").execute((instance, ctx) -> done.countDown());
            schedule(ds, noop, tasks, report);
            var builder = Scheduler.create(ds, noop).threads(10).pollingInterval(Duration.ofMillis(100));
            if (store.postgres()) {
                // its fastest strategy (SELECT ... FOR UPDATE SKIP LOCKED), which it supports on PostgreSQL only
                builder.pollUsingLockAndFetch(0.5, 1.0);
            }
            Scheduler scheduler = builder.build();
            long t0 = System.nanoTime();
            scheduler.start();
            Thread ticker = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (!done.await(5, TimeUnit.SECONDS)) {
                        report.progress("  db-scheduler: %,d of %,d tasks run", tasks - done.getCount(), tasks);
                    }
                } catch (InterruptedException e) {
                    // over
                }
            });
            done.await();
            double seconds = (System.nanoTime() - t0) / 1e9;
            ticker.interrupt();
            scheduler.stop();
            return tasks / seconds;
        }
    }

    private static void schedule(HikariDataSource ds, OneTimeTask<Void> task, int tasks, Report report)
            throws SQLException {
        SchedulerClient client = SchedulerClient.Builder.create(ds, task).build();
        Instant now = Instant.now();
        List<TaskInstance<?>> batch = new ArrayList<>(1000);
        for (int i = 0; i < tasks; i++) {
            batch.add(task.instance("t" + i));
            if (batch.size() == 1000 || i == tasks - 1) {
                client.scheduleBatch(batch, now);
                batch.clear();
            }
            if ((i + 1) % 200_000 == 0) {
                report.progress("  db-scheduler: %,d tasks scheduled", i + 1);
            }
        }
    }
}
