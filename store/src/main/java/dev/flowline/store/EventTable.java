package dev.flowline.store;

import dev.flowline.event.EntityEvent;
import dev.flowline.event.EventJson;
import dev.flowline.json.Json;
import dev.flowline.store.Store.Accepted;
import dev.flowline.store.Store.StoredEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code event} table: accepted events in acceptance order ({@code seq}), stored as JSON. Thread-safe. */
final class EventTable {

    private static final String COLUMNS = "seq, payload, accepted_at, processed";

    private final Database db;

    EventTable(Database db) {
        this.db = db;
    }

    /**
     * Inserts the events that were not accepted before, in order, within the caller's transaction. An event id seen
     * before, in the table or earlier in the list, is reported as a duplicate with the first occurrence's seq.
     */
    List<Accepted> insert(Connection c, List<EntityEvent> events, Instant acceptedAt) throws SQLException {
        Map<String, Long> seqs = seqs(c, new ArrayList<>(new LinkedHashSet<>(events.stream()
                .map(EntityEvent::eventId).toList())));
        List<EntityEvent> fresh = new ArrayList<>();
        LinkedHashSet<String> freshIds = new LinkedHashSet<>();
        for (EntityEvent e : events) {
            if (!seqs.containsKey(e.eventId()) && freshIds.add(e.eventId())) {
                fresh.add(e);
            }
        }
        if (!fresh.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO event (event_id, tenant, entity_type, "
                    + "entity_id, payload, accepted_at, processed) VALUES (?, ?, ?, ?, ?, ?, FALSE)")) {
                for (EntityEvent e : fresh) {
                    ps.setString(1, e.eventId());
                    ps.setString(2, e.tenant());
                    ps.setString(3, e.entityType());
                    ps.setString(4, e.entityId());
                    ps.setString(5, Json.write(EventJson.toJson(e)));
                    Sql.setInstant(ps, 6, acceptedAt);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            seqs.putAll(seqs(c, new ArrayList<>(freshIds)));
        }
        List<Accepted> out = new ArrayList<>(events.size());
        for (EntityEvent e : events) {
            out.add(new Accepted(e.eventId(), seqs.get(e.eventId()), !freshIds.remove(e.eventId())));
        }
        return out;
    }

    private static Map<String, Long> seqs(Connection c, List<String> ids) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (List<String> chunk : Sql.chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT event_id, seq FROM event WHERE event_id IN (" + Sql.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return out;
    }

    List<StoredEvent> unprocessed(long afterSeq, int limit) {
        return db.read("read unprocessed events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM event WHERE processed = FALSE AND seq > ? ORDER BY seq LIMIT ?")) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, Math.max(1, limit));
                return rows(ps);
            }
        });
    }

    void markProcessed(long seq) {
        db.write("mark event " + seq + " processed", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE event SET processed = TRUE WHERE seq = ?")) {
                ps.setLong(1, seq);
                return ps.executeUpdate();
            }
        });
    }

    long unprocessedCount() {
        return db.read("count unprocessed events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM event WHERE processed = FALSE");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    Optional<StoredEvent> byId(String eventId) {
        return db.read("read event '" + eventId + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM event WHERE event_id = ?")) {
                ps.setString(1, eventId);
                return rows(ps).stream().findFirst();
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static List<StoredEvent> rows(PreparedStatement ps) throws SQLException {
        List<StoredEvent> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                EntityEvent e = EventJson.fromJson((Map<String, Object>) Json.parse(rs.getString("payload")));
                out.add(new StoredEvent(rs.getLong("seq"), e, Sql.getInstant(rs, "accepted_at"),
                        rs.getBoolean("processed")));
            }
        }
        return out;
    }
}
