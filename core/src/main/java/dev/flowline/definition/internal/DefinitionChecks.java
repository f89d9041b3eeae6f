package dev.flowline.definition.internal;

import dev.flowline.action.ActionDefinition;
import dev.flowline.action.CustomAction;
import dev.flowline.action.DatabaseAction;
import dev.flowline.action.EmailAction;
import dev.flowline.action.NotificationAction;
import dev.flowline.action.SetAction;
import dev.flowline.action.UpdateEntityAction;
import dev.flowline.action.WebhookAction;
import dev.flowline.condition.AllOf;
import dev.flowline.condition.AnyOf;
import dev.flowline.condition.Condition;
import dev.flowline.condition.ExpressionCondition;
import dev.flowline.condition.FieldCondition;
import dev.flowline.condition.Not;
import dev.flowline.condition.QueryCondition;
import dev.flowline.definition.WorkflowSettings;
import dev.flowline.json.InputError;
import dev.flowline.json.Paths;
import dev.flowline.template.TemplateValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whole-definition checks: unique ids, known dependencies, no cycles, and templates that read only variables
 * available to them.
 */
public final class DefinitionChecks {

    /** Variables every action template may read. */
    public static final Set<String> ACTION_ROOTS = Set.of("entity", "previous", "event", "workflow", "execution");
    /** Variables condition templates may read. */
    public static final Set<String> CONDITION_ROOTS = Set.of("entity", "previous", "event", "workflow");

    private DefinitionChecks() {
    }

    /**
     * Checks the actions as a whole: unique ids and result variables, known dependencies, no cycles, and templates
     * that read only what the action's dependencies (or, run sequentially, earlier actions) produce. Needs every
     * action of the definition, parsed.
     */
    public static void checkActions(List<ActionDefinition> actions, WorkflowSettings settings,
                                    List<InputError> errors) {
        int before = errors.size();
        Map<String, Integer> index = new HashMap<>();
        Map<String, String> producers = new HashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            ActionDefinition a = actions.get(i);
            Integer previous = index.putIfAbsent(a.id(), i);
            if (previous != null) {
                errors.add(new InputError(Paths.field(a.common().path(), "id"), "duplicate action id '" + a.id()
                        + "' (also used by actions[" + previous + "]); give each action its own id"));
            }
            String var = a.common().resultVariable();
            if (var != null) {
                if (ACTION_ROOTS.contains(var)) {
                    errors.add(new InputError(Paths.field(a.common().path(), "result_variable"), "'" + var
                            + "' is a reserved name that templates already read; choose another result_variable"));
                } else if (producers.containsKey(var)) {
                    errors.add(new InputError(Paths.field(a.common().path(), "result_variable"), "'" + var
                            + "' is already produced by action '" + producers.get(var) + "'; choose another name"));
                } else {
                    producers.put(var, a.id());
                }
            }
        }
        for (ActionDefinition a : actions) {
            List<String> deps = a.common().dependencies();
            for (int j = 0; j < deps.size(); j++) {
                String dep = deps.get(j);
                String path = Paths.index(Paths.field(a.common().path(), "dependencies"), j);
                if (dep.equals(a.id())) {
                    errors.add(new InputError(path, "action '" + a.id() + "' cannot depend on itself; remove '"
                            + dep + "' from its dependencies"));
                } else if (!index.containsKey(dep)) {
                    List<String> ids = index.keySet().stream().sorted().toList();
                    String s = Suggest.closest(dep, ids);
                    errors.add(new InputError(path, "unknown dependency '" + dep + "': no action has this id; "
                            + (s == null ? "use one of " : "did you mean '" + s + "'? Action ids: ")
                            + String.join(", ", ids)));
                }
            }
        }
        List<String> cycle = findCycle(actions, index);
        if (cycle != null) {
            ActionDefinition first = actions.get(index.get(cycle.get(0)));
            int depIndex = first.common().dependencies().indexOf(cycle.get(1));
            errors.add(new InputError(Paths.index(Paths.field(first.common().path(), "dependencies"), depIndex),
                    "dependency cycle: " + String.join(" -> ", cycle) + "; an action cannot wait for itself,"
                            + " so remove one of these dependencies"));
        }
        // Which variables a template may read follows from a sound graph; with a broken one the answer is noise.
        if (errors.size() == before) {
            checkActionTemplates(actions, index, settings, producers, errors);
        }
    }

    /** Checks that condition templates read only what conditions can see. */
    public static void checkConditions(List<Condition> conditions, List<InputError> errors) {
        for (Condition c : conditions) {
            checkConditionTemplates(c, errors);
        }
    }

    /**
     * A cycle as a list of ids [a, b, ..., a] where each depends on the next, or null. Unknown dependencies and
     * self-dependencies are left out: they have errors of their own.
     */
    private static List<String> findCycle(List<ActionDefinition> actions, Map<String, Integer> index) {
        int[] state = new int[actions.size()]; // 0 new, 1 on stack, 2 done
        List<String> stack = new ArrayList<>();
        for (int i = 0; i < actions.size(); i++) {
            List<String> c = visit(i, actions, index, state, stack);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static List<String> visit(int i, List<ActionDefinition> actions, Map<String, Integer> index, int[] state,
                                      List<String> stack) {
        if (state[i] == 2) {
            return null;
        }
        String id = actions.get(i).id();
        if (state[i] == 1) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(id), stack.size()));
            cycle.add(id);
            return cycle;
        }
        state[i] = 1;
        stack.add(id);
        for (String dep : actions.get(i).common().dependencies()) {
            Integer next = index.get(dep);
            if (next == null || dep.equals(id)) {
                continue;
            }
            List<String> c = visit(next, actions, index, state, stack);
            if (c != null) {
                return c;
            }
        }
        stack.removeLast();
        state[i] = 2;
        return null;
    }

    private static void checkActionTemplates(List<ActionDefinition> actions, Map<String, Integer> index,
                                             WorkflowSettings settings, Map<String, String> producers,
                                             List<InputError> errors) {
        List<Integer> order = ExecutionOrder.of(actions, index);
        Set<String> ranBefore = new LinkedHashSet<>();
        for (int position : order) {
            ActionDefinition a = actions.get(position);
            Set<String> available = new java.util.HashSet<>(ACTION_ROOTS);
            if (settings.strategy() == WorkflowSettings.Strategy.SEQUENTIAL) {
                available.addAll(ranBefore);
            } else {
                for (String ancestor : ancestors(a, actions, index)) {
                    String v = actions.get(index.get(ancestor)).common().resultVariable();
                    if (v != null) {
                        available.add(v);
                    }
                }
            }
            Map<String, Set<String>> roots = new java.util.LinkedHashMap<>();
            templates(a).forEach((path, t) -> roots.put(path, t.rootVariables()));
            if (a instanceof EmailAction e && e.htmlBody() != null) {
                roots.put(Paths.field(a.common().path(), "html_body"), e.htmlBody().rootVariables());
            }
            if (a instanceof DatabaseAction d && d.forEach() != null) {
                available.add("item"); // each item of for_each is visible to the parameters as `item`
            }
            for (Map.Entry<String, Set<String>> t : roots.entrySet()) {
                for (String root : new TreeSet<>(t.getValue())) {
                    if (available.contains(root)) {
                        continue;
                    }
                    String producer = producers.get(root);
                    String hint = producer == null
                            ? "no action produces it; templates can read " + String.join(", ", new TreeSet<>(available))
                            : "it is produced by action '" + producer + "'; add '" + producer + "' to dependencies";
                    errors.add(new InputError(t.getKey(), "template reads '" + root
                            + "', which is not available to this action: " + hint));
                }
            }
            if (a.common().resultVariable() != null) {
                ranBefore.add(a.common().resultVariable());
            }
        }
    }

    private static Set<String> ancestors(ActionDefinition a, List<ActionDefinition> actions, Map<String, Integer> index) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(a.common().dependencies());
        while (!todo.isEmpty()) {
            String id = todo.removeLast();
            if (out.add(id)) {
                todo.addAll(actions.get(index.get(id)).common().dependencies());
            }
        }
        return out;
    }

    /** Every template of an action, keyed by its JSON path. */
    private static Map<String, TemplateValue> templates(ActionDefinition a) {
        Map<String, TemplateValue> out = new java.util.LinkedHashMap<>();
        String p = a.common().path();
        switch (a) {
            case NotificationAction n -> {
                put(out, Paths.field(p, "recipients"), n.recipients());
                put(out, Paths.field(p, "title"), n.title());
                put(out, Paths.field(p, "body"), n.body());
            }
            case WebhookAction w -> {
                put(out, Paths.field(p, "url"), w.url());
                put(out, Paths.field(p, "signing_secret"), w.signingSecret());
                w.headers().forEach((k, v) -> put(out, Paths.field(Paths.field(p, "headers"), k), v));
                put(out, Paths.field(p, "body"), w.body());
            }
            case DatabaseAction d -> {
                put(out, Paths.field(p, "for_each"), d.forEach());
                d.params().forEach((k, v) -> put(out, Paths.field(Paths.field(p, "params"), k), v));
            }
            case SetAction s -> s.values().forEach((k, v) -> put(out, Paths.field(Paths.field(p, "values"), k), v));
            case UpdateEntityAction u -> {
                put(out, Paths.field(p, "entity_id"), u.entityId());
                u.set().forEach((k, v) -> put(out, Paths.field(Paths.field(p, "set"), k), v));
            }
            case EmailAction e -> {
                put(out, Paths.field(p, "to"), e.to());
                put(out, Paths.field(p, "cc"), e.cc());
                put(out, Paths.field(p, "subject"), e.subject());
                put(out, Paths.field(p, "body"), e.body());
            }
            case CustomAction c -> put(out, p, c.config());
        }
        return out;
    }

    private static void put(Map<String, TemplateValue> out, String path, TemplateValue v) {
        if (v != null && !v.isConstant()) {
            out.put(path, v);
        }
    }

    private static void checkConditionTemplates(Condition c, List<InputError> errors) {
        switch (c) {
            case FieldCondition f -> { }
            case AllOf all -> all.conditions().forEach(x -> checkConditionTemplates(x, errors));
            case AnyOf any -> any.conditions().forEach(x -> checkConditionTemplates(x, errors));
            case Not not -> checkConditionTemplates(not.condition(), errors);
            case ExpressionCondition e -> roots(e.expression().rootVariables(), Paths.field(e.path(), "expression"), errors);
            case QueryCondition q -> q.params().forEach((k, v) ->
                    roots(v.rootVariables(), Paths.field(Paths.field(q.path(), "params"), k), errors));
        }
    }

    private static void roots(Set<String> roots, String path, List<InputError> errors) {
        for (String root : new TreeSet<>(roots)) {
            if (!CONDITION_ROOTS.contains(root)) {
                errors.add(new InputError(path, "reads '" + root + "', which conditions cannot see; conditions can read "
                        + String.join(", ", new TreeSet<>(CONDITION_ROOTS))));
            }
        }
    }
}
