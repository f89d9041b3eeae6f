package dev.flowline.store;

import dev.flowline.email.EmailOutbox;
import dev.flowline.email.OutboxEntry;
import dev.flowline.email.OutboxStatus;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code email_outbox} table as an {@link EmailOutbox}: queued mail survives a restart, and every id stays, so
 * nothing is sent twice. A claim is one conditional {@code UPDATE}, so two senders (threads or nodes) never both
 * send one message. Thread-safe.
 */
final class EmailOutboxTable implements EmailOutbox {

    private static final String COLUMNS = "id, execution_id, workflow_id, priority, message, message_id, status, "
            + "attempts, created_at, due_at, sent_at, last_error";
    /** The sender's query: queued mail that is due, in drain order (read from index email_outbox_drain). */
    static final String DUE = "SELECT " + COLUMNS + " FROM email_outbox"
            + " WHERE status = ? AND due_at <= ? ORDER BY status, priority, created_at, seq LIMIT ?";
    /**
     * When the earliest queued mail falls due: the first row of index email_outbox_status_due (H2 computes MIN with
     * a WHERE by reading every queued row, which a backlog makes slow).
     */
    static final String NEXT_DUE = "SELECT due_at AS next_due FROM email_outbox WHERE status = ?"
            + " ORDER BY status, due_at LIMIT 1";
    private static final String QUEUED = OutboxStatus.QUEUED.jsonName();
    private static final String SENDING = OutboxStatus.SENDING.jsonName();

    private final Database db;

    EmailOutboxTable(Database db) {
        this.db = db;
    }

    @Override
    public Added add(OutboxEntry e) {
        try {
            db.write("queue e-mail '" + e.id() + "'", c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO email_outbox (" + COLUMNS
                        + ") VALUES (" + Sql.placeholders(12) + ")")) {
                    ps.setString(1, e.id());
                    ps.setString(2, e.message().executionId());
                    ps.setString(3, e.message().workflowId());
                    ps.setInt(4, e.priorityRank());
                    ps.setString(5, OutboxJson.write(e.message()));
                    ps.setString(6, e.messageId());
                    ps.setString(7, e.status().jsonName());
                    ps.setInt(8, e.attempts());
                    Sql.setInstant(ps, 9, e.createdAt());
                    Sql.setInstant(ps, 10, e.dueAt());
                    Sql.setInstant(ps, 11, e.sentAt());
                    ps.setString(12, e.lastError());
                    return ps.executeUpdate();
                }
            });
            return new Added(find(e.id()).orElseThrow(), true);
        } catch (Database.DuplicateKeyException dup) {
            return new Added(find(e.id()).orElseThrow(() -> dup), false);
        }
    }

    @Override
    public List<OutboxEntry> due(Instant now, int limit) {
        return db.read("list due e-mail", c -> {
            try (PreparedStatement ps = c.prepareStatement(DUE)) {
                ps.setString(1, QUEUED);
                Sql.setInstant(ps, 2, now);
                ps.setInt(3, limit);
                return rows(ps);
            }
        });
    }

    @Override
    public Optional<Instant> nextDue() {
        return db.read("read the next due e-mail", c -> {
            try (PreparedStatement ps = c.prepareStatement(NEXT_DUE)) {
                ps.setString(1, QUEUED);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(Sql.getInstant(rs, "next_due")) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean claim(String id, Instant now) {
        return update("claim e-mail '" + id + "'",
                "UPDATE email_outbox SET status = ?, claimed_at = ? WHERE id = ? AND status = ?",
                ps -> {
                    ps.setString(1, SENDING);
                    Sql.setInstant(ps, 2, now);
                    ps.setString(3, id);
                    ps.setString(4, QUEUED);
                }) == 1;
    }

    @Override
    public Set<String> claimAll(List<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return db.write("claim " + ids.size() + " e-mails", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE email_outbox SET status = ?, claimed_at = ? WHERE id = ? AND status = ?")) {
                for (String id : ids) {
                    ps.setString(1, SENDING);
                    Sql.setInstant(ps, 2, now);
                    ps.setString(3, id);
                    ps.setString(4, QUEUED);
                    ps.addBatch();
                }
                return updated(ids, ps.executeBatch());
            }
        });
    }

    @Override
    public Set<String> sentAll(Map<String, Instant> sentAt) {
        if (sentAt.isEmpty()) {
            return Set.of();
        }
        List<String> ids = List.copyOf(sentAt.keySet());
        return db.write("record " + ids.size() + " e-mails as sent", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE email_outbox SET status = ?, sent_at = ?,"
                    + " attempts = attempts + 1, last_error = NULL, claimed_at = NULL WHERE id = ? AND status = ?")) {
                for (String id : ids) {
                    ps.setString(1, OutboxStatus.SENT.jsonName());
                    Sql.setInstant(ps, 2, sentAt.get(id));
                    ps.setString(3, id);
                    ps.setString(4, SENDING);
                    ps.addBatch();
                }
                return updated(ids, ps.executeBatch());
            }
        });
    }

    /** The ids whose statement in a batch changed a row (both supported databases report counts per statement). */
    private static Set<String> updated(List<String> ids, int[] counts) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (counts[i] == 1) {
                out.add(ids.get(i));
            }
        }
        return out;
    }

    @Override
    public void sent(String id, Instant at) {
        finish(id, "UPDATE email_outbox SET status = ?, sent_at = ?, attempts = attempts + 1, last_error = NULL,"
                + " claimed_at = NULL WHERE id = ? AND status = ?", ps -> {
            ps.setString(1, OutboxStatus.SENT.jsonName());
            Sql.setInstant(ps, 2, at);
            ps.setString(3, id);
            ps.setString(4, SENDING);
        });
    }

    @Override
    public void failed(String id, String error, Instant at) {
        finish(id, "UPDATE email_outbox SET status = ?, last_error = ?, attempts = attempts + 1, claimed_at = NULL"
                + " WHERE id = ? AND status = ?", ps -> {
            ps.setString(1, OutboxStatus.FAILED.jsonName());
            ps.setString(2, error);
            ps.setString(3, id);
            ps.setString(4, SENDING);
        });
    }

    @Override
    public void requeue(String id, Instant dueAt, String error, boolean attempted) {
        finish(id, "UPDATE email_outbox SET status = ?, due_at = ?, attempts = attempts + ?,"
                + " last_error = COALESCE(CAST(? AS TEXT), last_error), claimed_at = NULL WHERE id = ? AND status = ?",
                ps -> {
                    ps.setString(1, QUEUED);
                    Sql.setInstant(ps, 2, dueAt);
                    ps.setInt(3, attempted ? 1 : 0);
                    ps.setString(4, error);
                    ps.setString(5, id);
                    ps.setString(6, SENDING);
                });
    }

    @Override
    public int releaseClaims(Instant claimedBefore) {
        return update("release stale e-mail claims",
                "UPDATE email_outbox SET status = ?, claimed_at = NULL WHERE status = ? AND claimed_at < ?", ps -> {
                    ps.setString(1, QUEUED);
                    ps.setString(2, SENDING);
                    Sql.setInstant(ps, 3, claimedBefore);
                });
    }

    @Override
    public Optional<OutboxEntry> find(String id) {
        return db.read("read e-mail '" + id + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM email_outbox WHERE id = ?")) {
                ps.setString(1, id);
                return rows(ps).stream().findFirst();
            }
        });
    }

    @Override
    public long pending() {
        return db.read("count pending e-mail", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM email_outbox WHERE status = ? OR status = ?")) {
                ps.setString(1, QUEUED);
                ps.setString(2, SENDING);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String what, String sql, Binder binder) {
        return db.write(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            }
        });
    }

    private void finish(String id, String sql, Binder binder) {
        if (update("update e-mail '" + id + "'", sql, binder) != 1) {
            throw new StoreException("e-mail '" + id + "' is not being sent (its claim was released or taken)", null);
        }
    }

    private static List<OutboxEntry> rows(PreparedStatement ps) throws SQLException {
        List<OutboxEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new OutboxEntry(OutboxJson.read(rs.getString("id"), rs.getString("execution_id"),
                        rs.getString("workflow_id"), rs.getString("message")), rs.getString("message_id"),
                        OutboxStatus.fromJsonName(rs.getString("status")), rs.getInt("attempts"),
                        Sql.getInstant(rs, "created_at"), Sql.getInstant(rs, "due_at"),
                        Sql.getInstant(rs, "sent_at"), rs.getString("last_error")));
            }
        }
        return out;
    }
}
