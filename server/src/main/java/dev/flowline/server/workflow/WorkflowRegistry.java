package dev.flowline.server.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flowline.definition.DefinitionFiles;
import dev.flowline.definition.DefinitionInvalidException;
import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.ParseResult;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.execution.Engine;
import dev.flowline.json.InputError;
import dev.flowline.json.Json;
import dev.flowline.store.Store;
import dev.flowline.store.Store.StoredWorkflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The service's workflows: saved in the store (every change a new version), parsed and compiled once, and pushed to
 * the engine whenever they change. Thread-safe (changes are serialised).
 */
public final class WorkflowRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(WorkflowRegistry.class);

    private final Store store;
    private final DefinitionParser parser;
    private final Engine engine;
    /** Parsed definitions by id, reused while their stored version is unchanged (compiling templates is not free). */
    private final java.util.Map<String, WorkflowDefinition> parsed = new java.util.HashMap<>();

    public WorkflowRegistry(Store store, DefinitionParser parser, Engine engine) {
        this.store = store;
        this.parser = parser;
        this.engine = engine;
    }

    /**
     * A saved workflow version with its parsed definition.
     *
     * @param stored     as stored
     * @param definition parsed
     * @param created    true when this save created the workflow (version 1 of a new id)
     */
    public record Saved(StoredWorkflow stored, WorkflowDefinition definition, boolean created) {
    }

    /** Loads every stored workflow into the engine; a stored definition that no longer parses is logged and skipped. */
    public synchronized void load() {
        publish();
    }

    /**
     * Validates and saves a new version; the engine runs it from the next event on.
     *
     * @throws DefinitionInvalidException with every error when the definition is invalid (nothing is saved)
     */
    public synchronized Saved save(String id, String json) {
        ObjectNode node = parseObject(id, json);
        JsonNode bodyId = node.get("id");
        if (bodyId != null && !bodyId.isNull() && !bodyId.asText().equals(id)) {
            throw new DefinitionInvalidException(id, List.of(new InputError("id",
                    "is '" + bodyId.asText() + "' but the URL says '" + id + "'; they must match")));
        }
        node.put("id", id);
        ParseResult result = parser.parse(node, id);
        WorkflowDefinition def = result.orThrow();
        boolean created = store.workflow(id).isEmpty();
        StoredWorkflow stored = store.saveWorkflow(id, Json.write(Json.toJava(node)));
        if (!def.enabled()) {
            store.setEnabled(id, false);
        } else if (!stored.enabled()) {
            store.setEnabled(id, true);
        }
        publish();
        StoredWorkflow current = store.workflow(id).orElse(stored);
        return new Saved(current, def.withVersion(current.version()).withEnabled(current.enabled()), created);
    }

    /** Enables or disables a workflow. */
    public synchronized StoredWorkflow setEnabled(String id, boolean enabled) {
        if (!store.setEnabled(id, enabled)) {
            throw new WorkflowNotFoundException(id, null);
        }
        publish();
        return store.workflow(id).orElseThrow(() -> new WorkflowNotFoundException(id, null));
    }

    /** Deletes a workflow; executions that ran it keep their records. */
    public synchronized void delete(String id) {
        if (!store.deleteWorkflow(id)) {
            throw new WorkflowNotFoundException(id, null);
        }
        publish();
    }

    /**
     * Saves every definition under {@code dir} whose content differs from the stored current version, so that
     * definitions kept in files (and in git) are what the service runs.
     *
     * @throws dev.flowline.FlowlineException listing every invalid file, before anything is saved
     */
    public synchronized int syncFromFiles(Path dir) {
        List<WorkflowDefinition> defs = new DefinitionFiles(parser).loadValid(List.of(dir));
        int changed = 0;
        for (WorkflowDefinition def : defs) {
            String json = Json.write(def.source());
            StoredWorkflow current = store.workflow(def.id()).orElse(null);
            if (current == null || !Objects.equals(Json.parse(current.definitionJson()), Json.parse(json))) {
                store.saveWorkflow(def.id(), json);
                changed++;
            }
        }
        publish();
        return changed;
    }

    /** Pushes the stored current versions to the engine. */
    private void publish() {
        List<WorkflowDefinition> defs = new ArrayList<>();
        java.util.Map<String, WorkflowDefinition> next = new java.util.HashMap<>();
        for (StoredWorkflow w : store.workflows()) {
            WorkflowDefinition def = parsed.get(w.id());
            if (def == null || def.version() != w.version()) {
                ParseResult r = parser.parse(w.definitionJson(), false, w.id());
                if (!r.valid()) {
                    LOG.error("stored workflow {} v{} no longer parses and is not run: {}", w.id(), w.version(),
                            r.errors());
                    continue;
                }
                def = r.definition().withVersion(w.version());
            }
            def = def.withEnabled(w.enabled());
            next.put(w.id(), def);
            defs.add(def);
        }
        parsed.clear();
        parsed.putAll(next);
        engine.setWorkflows(defs);
    }

    /** The parsed definition of a stored version. */
    public WorkflowDefinition parse(StoredWorkflow w) {
        return parser.parse(w.definitionJson(), false, w.id()).orThrow().withVersion(w.version()).withEnabled(w.enabled());
    }

    private static ObjectNode parseObject(String id, String json) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw new DefinitionInvalidException(id, List.of(new InputError("", (loc == null ? "" : "line "
                    + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ") + "not valid JSON: " + e.getOriginalMessage())));
        }
        if (node == null || !node.isObject()) {
            throw new DefinitionInvalidException(id, List.of(new InputError("", "a workflow definition must be a JSON object")));
        }
        return (ObjectNode) node;
    }
}
