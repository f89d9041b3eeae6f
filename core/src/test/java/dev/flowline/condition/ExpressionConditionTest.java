package dev.flowline.condition;

import dev.flowline.event.EntityEvent;
import dev.flowline.template.TemplateEngine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.flowline.condition.Fixtures.create;
import static dev.flowline.condition.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpressionConditionTest {

    private static final ExpressionCondition BIG_EU_ORDER = new ExpressionCondition("conditions[3]",
            new TemplateEngine().compileExpression("entity.total > 100 and entity.country in ['DE','FR']"));
    private static final ConditionEvaluator EVALUATOR = new ConditionEvaluator(null);

    private static boolean holds(Map<String, Object> entity) {
        EntityEvent event = create(entity);
        return EVALUATOR.test(BIG_EU_ORDER, event, () -> Map.of("entity", event.data()));
    }

    @Test
    void expression_holds_when_it_evaluates_to_true() {
        assertThat(holds(map("total", 150L, "country", "DE"))).isTrue();
        assertThat(holds(map("total", 100.5, "country", "FR"))).isTrue();
    }

    @Test
    void expression_fails_when_one_side_of_and_is_false() {
        assertThat(holds(map("total", 150L, "country", "US"))).isFalse();
        assertThat(holds(map("total", 100L, "country", "DE"))).isFalse();
    }

    @Test
    void describe_shows_the_expression_as_written() {
        assertThat(BIG_EU_ORDER.describe())
                .isEqualTo("expression entity.total > 100 and entity.country in ['DE','FR']");
    }

    @Test
    void an_expression_that_cannot_be_evaluated_names_the_condition() {
        EntityEvent event = create(map("total", 150L));
        assertThatThrownBy(() -> EVALUATOR.test(BIG_EU_ORDER, event, () -> Map.of("entity", event.data())))
                .isInstanceOf(ConditionException.class)
                .hasMessageStartingWith("conditions[3]: expression failed")
                .extracting(ex -> ((ConditionException) ex).conditionPath()).isEqualTo("conditions[3]");
    }

    @Test
    void evaluate_records_an_expression_error_without_throwing() {
        EntityEvent event = create(map("total", 150L));
        ConditionOutcome outcome = EVALUATOR.evaluate(List.of(BIG_EU_ORDER), event, () -> Map.of("entity", event.data()));
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.error()).startsWith("conditions[3]: expression failed");
    }
}
