package dev.flowline.condition;

import dev.flowline.jdbc.NamedSql;
import dev.flowline.template.TemplateEngine;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.flowline.condition.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionOrderTest {

    private static final TemplateEngine TEMPLATES = new TemplateEngine();

    private static Condition f(String path) {
        return field(path, "status", Operator.EQ, "paid");
    }

    private static Condition e(String path) {
        return new ExpressionCondition(path, TEMPLATES.compileExpression("entity.total > 100"));
    }

    private static Condition q(String path) {
        return new QueryCondition(path, NamedSql.parse("select true"), Map.of(), Duration.ZERO);
    }

    private static List<String> paths(List<Condition> conditions) {
        return conditions.stream().map(Condition::path).toList();
    }

    @Test
    void field_runs_before_expression_before_query_whatever_the_written_order() {
        List<Condition> ordered = ConditionOrder.cheapestFirst(List.of(q("q"), e("e"), f("f")));
        assertThat(paths(ordered)).containsExactly("f", "e", "q");
    }

    @Test
    void equally_cheap_conditions_keep_the_written_order() {
        List<Condition> ordered = ConditionOrder.cheapestFirst(
                List.of(e("e1"), f("f1"), q("q1"), e("e2"), f("f2"), q("q2"), f("f3")));
        assertThat(paths(ordered)).containsExactly("f1", "f2", "f3", "e1", "e2", "q1", "q2");
    }

    @Test
    void children_of_all_and_any_are_reordered_too() {
        List<Condition> ordered = ConditionOrder.cheapestFirst(List.of(
                new AllOf("all", List.of(q("all.q"), f("all.f"))),
                new AnyOf("any", List.of(q("any.q"), e("any.e"), f("any.f")))));

        AllOf all = (AllOf) ordered.get(0);
        AnyOf any = (AnyOf) ordered.get(1);
        assertThat(paths(all.conditions())).containsExactly("all.f", "all.q");
        assertThat(paths(any.conditions())).containsExactly("any.f", "any.e", "any.q");
    }

    @Test
    void composites_inside_not_are_reordered() {
        List<Condition> ordered = ConditionOrder.cheapestFirst(
                List.of(new Not("not", new AllOf("not.all", List.of(q("q"), f("f"))))));

        Not not = (Not) ordered.getFirst();
        assertThat(not.path()).isEqualTo("not");
        assertThat(paths(((AllOf) not.condition()).conditions())).containsExactly("f", "q");
    }

    @Test
    void a_composite_holding_a_query_runs_after_a_plain_expression() {
        List<Condition> ordered = ConditionOrder.cheapestFirst(
                List.of(new AnyOf("any", List.of(f("f"), q("q"))), e("e"), f("top")));
        assertThat(paths(ordered)).containsExactly("top", "e", "any");
    }

    @Test
    void reordering_keeps_every_condition_and_changes_no_input() {
        List<Condition> input = List.of(q("q"), f("f"), e("e"));
        List<Condition> ordered = ConditionOrder.cheapestFirst(input);
        assertThat(ordered).containsExactlyInAnyOrderElementsOf(input);
        assertThat(paths(input)).containsExactly("q", "f", "e");
    }
}
