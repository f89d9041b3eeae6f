package dev.flowline.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static dev.flowline.store.Fixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Group commit of small writes, step by step: the batcher is held at a gate in the middle of a commit, so each test
 * knows exactly which writes queue up behind it.
 */
class WriteBatcherTest {

    private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
    private GatedDataSource ds;
    private Database db;

    @BeforeEach
    void open() throws Exception {
        ds = new GatedDataSource(unique("batch"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
        db = new Database(ds, new H2Dialect(), false, 100);
    }

    @AfterEach
    void close() throws Exception {
        ds.open();
        db.close();
        callers.close();
        ds.close();
    }

    private CompletableFuture<Integer> insert(int id) {
        return CompletableFuture.supplyAsync(() -> db.write("insert " + id, c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
                ps.setInt(1, id);
                return ps.executeUpdate();
            }
        }), callers);
    }

    private List<Integer> rows() throws Exception {
        List<Integer> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    /** Shuts the gate, sends write 0, which the batcher takes and then waits with at the gate; queues the others. */
    private List<CompletableFuture<Integer>> holdAndQueue(int... ids) throws Exception {
        ds.shut();
        List<CompletableFuture<Integer>> calls = new ArrayList<>(List.of(insert(0)));
        ds.awaitHeld();
        for (int id : ids) {
            calls.add(insert(id));
        }
        for (int i = 0; i < 1000 && db.queuedWrites() < ids.length; i++) {
            Thread.sleep(10);
        }
        assertThat(db.queuedWrites()).isEqualTo(ids.length);
        return calls;
    }

    @Test
    void writes_queued_during_a_commit_share_the_next_commit_and_return_only_after_it() throws Exception {
        List<CompletableFuture<Integer>> calls = holdAndQueue(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(calls).noneMatch(CompletableFuture::isDone);

        ds.open();

        for (CompletableFuture<Integer> call : calls) {
            assertThat(call.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(db.batchedCommits()).isEqualTo(2);
        assertThat(rows()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void a_failing_write_in_a_shared_commit_fails_alone_and_the_others_are_committed() throws Exception {
        List<CompletableFuture<Integer>> calls = holdAndQueue(1, 0, 2);

        ds.open();

        assertThat(calls.get(0).get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(calls.get(1).get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThatThrownBy(() -> calls.get(2).join()).hasCauseInstanceOf(Database.DuplicateKeyException.class);
        assertThat(calls.get(3).get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(rows()).containsExactly(0, 1, 2);
    }

    @Test
    void without_group_commit_each_write_commits_alone_on_the_callers_thread() throws Exception {
        Database direct = new Database(ds, new H2Dialect(), false, 1);
        direct.write("insert", c -> c.createStatement().executeUpdate("INSERT INTO t (id) VALUES (42)"));
        assertThat(direct.batchedCommits()).isZero();
        assertThat(rows()).containsExactly(42);
    }
}
