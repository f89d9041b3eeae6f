package dev.flowline.server.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.flowline.FlowlineException;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.EventInvalidException;
import dev.flowline.event.EventParser;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.store.Store;
import dev.flowline.store.StoreBusyException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Accepts entity events: validates all of them (an invalid one rejects the whole request), refuses work beyond the
 * backlog limit, and acknowledges only after the store has made the events durable. Thread-safe.
 */
public final class EventIntake {

    private final Store store;
    private final Dispatcher dispatcher;
    private final EventParser parser = new EventParser();
    private final long maxBacklog;
    private final int maxBatch;
    private final IntakeListener listener;

    /**
     * @param maxBacklog accepted-but-unprocessed events beyond which intake answers "overloaded"
     * @param maxBatch   most events in one request
     */
    public EventIntake(Store store, Dispatcher dispatcher, long maxBacklog, int maxBatch) {
        this(store, dispatcher, maxBacklog, maxBatch, IntakeListener.NONE);
    }

    /** As above, telling {@code listener} what was accepted and rejected (for metrics). */
    public EventIntake(Store store, Dispatcher dispatcher, long maxBacklog, int maxBatch, IntakeListener listener) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.maxBacklog = maxBacklog;
        this.maxBatch = maxBatch;
        this.listener = listener;
    }

    /**
     * The result of one intake call.
     *
     * @param accepted   number of events acknowledged (duplicates included)
     * @param duplicates how many of them had been accepted before (not processed again)
     * @param eventIds   the event ids, in request order (generated ones included)
     */
    public record Result(int accepted, int duplicates, List<String> eventIds) {
    }

    /** Thrown for an invalid request; {@code errors} carry the item index in their path ({@code [2].entity_id}). */
    public static final class InvalidEventsException extends EventInvalidException {
        public InvalidEventsException(List<InputError> errors) {
            super(errors);
        }
    }

    /** Parses a JSON body holding one event or an array of events, and accepts them. */
    public Result accept(String body) {
        try {
            return acceptJson(body);
        } catch (InvalidEventsException e) {
            listener.rejected("invalid", requestSize(body));
            throw e;
        }
    }

    private Result acceptJson(String body) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new InvalidEventsException(List.of(new InputError("", "not valid JSON"
                    + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()) + ": "
                    + e.getOriginalMessage())));
        }
        if (node == null || !(node.isObject() || node.isArray())) {
            throw new InvalidEventsException(List.of(new InputError("", "send one event (a JSON object) or an array of events")));
        }
        List<EntityEvent> events = new ArrayList<>();
        List<InputError> errors = new ArrayList<>();
        if (node.isObject()) {
            parse(node, "", events, errors);
        } else {
            if (node.isEmpty()) {
                throw new InvalidEventsException(List.of(new InputError("", "the array holds no events")));
            }
            if (node.size() > maxBatch) {
                throw new InvalidEventsException(List.of(new InputError("", "at most " + maxBatch
                        + " events per request, got " + node.size() + "; split the array")));
            }
            for (int i = 0; i < node.size(); i++) {
                parse(node.get(i), "[" + i + "]", events, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidEventsException(errors);
        }
        return accept(events);
    }

    /** Accepts already-parsed events (the in-process path, used by the demo feed). */
    public Result accept(List<EntityEvent> events) {
        long backlog = dispatcher.backlog();
        if (backlog + events.size() > maxBacklog) {
            listener.rejected("overloaded", events.size());
            throw new OverloadedException(backlog, maxBacklog, 1);
        }
        List<Store.Accepted> accepted;
        try {
            accepted = store.accept(events).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlowlineException("interrupted while storing events", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            if (cause instanceof StoreBusyException) {
                // The store's write queue is full: as saturated as a long backlog, so the client should back off.
                listener.rejected("overloaded", events.size());
                throw new OverloadedException(dispatcher.backlog(), maxBacklog, 1);
            }
            throw new FlowlineException("events could not be stored: " + cause.getMessage(), cause);
        }
        int duplicates = 0;
        List<String> ids = new ArrayList<>(accepted.size());
        for (Store.Accepted a : accepted) {
            ids.add(a.eventId());
            if (a.duplicate()) {
                duplicates++;
            }
        }
        if (accepted.size() > duplicates) {
            dispatcher.accepted(accepted.size() - duplicates);
        }
        listener.accepted(accepted.size(), duplicates);
        return new Result(accepted.size(), duplicates, ids);
    }

    /** Events in a rejected request: the array's length, else 1. */
    private static int requestSize(String body) {
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            return node != null && node.isArray() ? Math.max(1, node.size()) : 1;
        } catch (JsonProcessingException e) {
            return 1;
        }
    }

    private void parse(JsonNode node, String path, List<EntityEvent> events, List<InputError> errors) {
        try {
            events.add(parser.parse(node, path));
        } catch (EventInvalidException e) {
            errors.addAll(e.errors());
        }
    }
}
