package dev.flowline.condition;

import dev.flowline.event.EntityEvent;
import dev.flowline.jdbc.NamedSql;
import dev.flowline.template.TemplateEngine;
import dev.flowline.template.TemplateValue;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static dev.flowline.condition.Fixtures.field;
import static dev.flowline.condition.Fixtures.map;
import static dev.flowline.condition.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

/** all / any / not, and how evaluation short-circuits and records what it did. */
class CompositeConditionsTest {

    private final JdbcDataSource db = TestDatabase.withBlockedCustomers("c9");
    private final QueryConditionRunner runner = new QueryConditionRunner(db, Duration.ofSeconds(5), 1_000);
    private final ConditionEvaluator evaluator = new ConditionEvaluator(runner);

    private final EntityEvent event = update(map("status", "new"), map("status", "paid", "total", 150L));
    private static final Supplier<Map<String, Object>> NO_CONTEXT = Map::of;

    private static final Condition PAID = field("conditions[0]", "status", Operator.EQ, "paid");
    private static final Condition BIG = field("conditions[1]", "total", Operator.GT, 100L);
    private static final Condition SHIPPED = field("conditions[1]", "status", Operator.EQ, "shipped");
    private static final Condition SMALL = field("conditions[2]", "total", Operator.LT, 10L);

    @AfterEach
    void closeDatabase() {
        TestDatabase.shutdown(db);
    }

    private static QueryCondition countQuery(String path) {
        return new QueryCondition(path, NamedSql.parse("select count(*) from blocked_customers where id = :cid"),
                Map.of("cid", new TemplateValue.Literal("c9")), Duration.ZERO);
    }

    private boolean holds(Condition c) {
        return evaluator.test(c, event, NO_CONTEXT);
    }

    @Test
    void all_holds_when_every_child_holds() {
        assertThat(holds(new AllOf("c", List.of(PAID, BIG)))).isTrue();
    }

    @Test
    void all_fails_when_one_child_fails() {
        assertThat(holds(new AllOf("c", List.of(PAID, SHIPPED)))).isFalse();
    }

    @Test
    void any_holds_when_one_child_holds() {
        assertThat(holds(new AnyOf("c", List.of(SHIPPED, BIG)))).isTrue();
    }

    @Test
    void any_fails_when_no_child_holds() {
        assertThat(holds(new AnyOf("c", List.of(SHIPPED, SMALL)))).isFalse();
    }

    @Test
    void not_negates_its_condition() {
        assertThat(holds(new Not("c", SHIPPED))).isTrue();
        assertThat(holds(new Not("c", PAID))).isFalse();
    }

    @Test
    void not_of_a_test_on_an_absent_field_holds() {
        assertThat(holds(new Not("c", field("missing", Operator.EQ, "x")))).isTrue();
    }

    @Test
    void composites_nest() {
        Condition c = new AllOf("c", List.of(PAID, new AnyOf("c.any", List.of(SHIPPED, new Not("c.not", SMALL)))));
        assertThat(holds(c)).isTrue();
    }

    @Test
    void all_stops_at_its_first_failing_child_so_a_later_query_never_runs() {
        assertThat(holds(new AllOf("c", List.of(SHIPPED, countQuery("c.q"))))).isFalse();
        assertThat(runner.executedQueries()).isZero();
    }

    @Test
    void any_stops_at_its_first_holding_child_so_a_later_query_never_runs() {
        assertThat(holds(new AnyOf("c", List.of(PAID, countQuery("c.q"))))).isTrue();
        assertThat(runner.executedQueries()).isZero();
    }

    @Test
    void evaluation_stops_at_the_first_failing_top_level_condition() {
        ConditionOutcome outcome = evaluator.evaluate(List.of(PAID, SHIPPED, BIG), event, NO_CONTEXT);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.results()).extracting(ConditionResult::path).containsExactly("conditions[0]", "conditions[1]");
        assertThat(outcome.results()).extracting(ConditionResult::passed).containsExactly(true, false);
        assertThat(outcome.firstFailure().path()).isEqualTo("conditions[1]");
        assertThat(outcome.firstFailure().description()).isEqualTo("status eq \"shipped\"");
        assertThat(outcome.error()).isNull();
    }

    @Test
    void a_query_after_a_failing_field_condition_is_never_run() {
        ConditionOutcome outcome = evaluator.evaluate(List.of(SHIPPED, countQuery("conditions[1]")), event, NO_CONTEXT);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.results()).hasSize(1);
        assertThat(runner.executedQueries()).isZero();
    }

    @Test
    void evaluation_records_every_condition_when_all_hold() {
        ConditionOutcome outcome = evaluator.evaluate(List.of(PAID, BIG, countQuery("conditions[2]")), event, NO_CONTEXT);

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.results()).extracting(ConditionResult::passed).containsExactly(true, true, true);
        assertThat(outcome.firstFailure()).isNull();
        assertThat(runner.executedQueries()).isEqualTo(1);
    }

    @Test
    void evaluation_records_a_time_per_condition_and_an_overall_time_covering_them() {
        ConditionOutcome outcome = evaluator.evaluate(List.of(PAID, BIG), event, NO_CONTEXT);

        assertThat(outcome.results()).allSatisfy(r -> assertThat(r.timeNanos()).isNotNegative());
        long sum = outcome.results().stream().mapToLong(ConditionResult::timeNanos).sum();
        assertThat(outcome.timeNanos()).isGreaterThanOrEqualTo(sum);
    }

    @Test
    void no_conditions_pass() {
        ConditionOutcome outcome = evaluator.evaluate(List.of(), event, NO_CONTEXT);
        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.results()).isEmpty();
    }

    @Test
    void a_condition_that_cannot_be_evaluated_fails_the_outcome_with_its_error() {
        QueryCondition broken = new QueryCondition("conditions[1]", NamedSql.parse("select nope from nowhere"),
                Map.of(), Duration.ZERO);

        ConditionOutcome outcome = evaluator.evaluate(List.of(PAID, broken, BIG), event, NO_CONTEXT);

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.results()).hasSize(2);
        assertThat(outcome.error()).startsWith("conditions[1]: query failed");
        assertThat(outcome.firstFailure().error()).isEqualTo(outcome.error());
    }

    @Test
    void all_hold_agrees_with_evaluate() {
        assertThat(evaluator.allHold(List.of(PAID, BIG), event, NO_CONTEXT)).isTrue();
        assertThat(evaluator.allHold(List.of(PAID, SHIPPED, countQuery("q")), event, NO_CONTEXT)).isFalse();
        assertThat(runner.executedQueries()).isZero();
    }

    @Test
    void field_conditions_never_build_the_template_context() {
        AtomicInteger built = new AtomicInteger();
        evaluator.evaluate(List.of(PAID, BIG), event, () -> {
            built.incrementAndGet();
            return Map.of();
        });
        assertThat(built).hasValue(0);
    }

    @Test
    void the_template_context_is_built_at_most_once_per_evaluation() {
        TemplateEngine templates = new TemplateEngine();
        Condition e1 = new ExpressionCondition("conditions[0]", templates.compileExpression("entity.total > 100"));
        Condition e2 = new ExpressionCondition("conditions[1]", templates.compileExpression("entity.status == 'paid'"));
        AtomicInteger built = new AtomicInteger();

        ConditionOutcome outcome = evaluator.evaluate(List.of(e1, e2), event, () -> {
            built.incrementAndGet();
            return Map.of("entity", event.data());
        });

        assertThat(outcome.passed()).isTrue();
        assertThat(built).hasValue(1);
    }
}
