package dev.flowline.condition;

import dev.flowline.event.EntityEvent;
import dev.flowline.jdbc.NamedSql;
import dev.flowline.template.TemplateEngine;
import dev.flowline.template.TemplateValue;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.flowline.condition.Fixtures.create;
import static dev.flowline.condition.Fixtures.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Query conditions against a real in-memory H2 database. */
class QueryConditionRunnerTest {

    private final JdbcDataSource db = TestDatabase.withBlockedCustomers("c9", "c10");
    private final QueryConditionRunner runner = new QueryConditionRunner(db, Duration.ofSeconds(5), 1_000);

    @AfterEach
    void closeDatabase() {
        TestDatabase.shutdown(db);
    }

    private static QueryCondition query(String sql, Duration ttl) {
        NamedSql named = NamedSql.parse(sql);
        Map<String, TemplateValue> params = new HashMap<>();
        for (String name : named.names()) {
            params.put(name, new TemplateValue.Literal(null)); // runner tests pass values directly
        }
        return new QueryCondition("conditions[2]", named, params, ttl);
    }

    private boolean test(QueryCondition q, Object cid) {
        return runner.test(q, map("cid", cid));
    }

    @Test
    void boolean_true_result_holds_and_false_fails() {
        QueryCondition notBlocked = query("select count(*) = 0 from blocked_customers where id = :cid", Duration.ZERO);
        assertThat(test(notBlocked, "c1")).isTrue();
        assertThat(test(notBlocked, "c9")).isFalse();
    }

    @Test
    void no_row_fails() {
        QueryCondition blocked = query("select true from blocked_customers where id = :cid", Duration.ZERO);
        assertThat(test(blocked, "c1")).isFalse();
        assertThat(test(blocked, "c9")).isTrue();
    }

    @Test
    void non_zero_number_holds_and_zero_fails() {
        QueryCondition count = query("select count(*) from blocked_customers where id = :cid", Duration.ZERO);
        assertThat(test(count, "c9")).isTrue();
        assertThat(test(count, "c1")).isFalse();
        assertThat(runner.test(query("select 0.5", Duration.ZERO), Map.of())).isTrue();
        assertThat(runner.test(query("select cast(0 as decimal(10,2))", Duration.ZERO), Map.of())).isFalse();
    }

    @Test
    void a_text_result_fails_even_when_it_reads_true() {
        assertThat(test(query("select 'false' where :cid is not null", Duration.ZERO), "c9")).isFalse();
        assertThat(test(query("select 'true' where :cid is not null", Duration.ZERO), "c9")).isFalse();
    }

    @Test
    void sql_null_result_fails() {
        QueryCondition max = query("select max(id) from blocked_customers where id = :cid", Duration.ZERO);
        assertThat(test(max, "c1")).isFalse();
    }

    @Test
    void numeric_parameter_is_bound_as_a_number() {
        QueryCondition q = query("select :cid > 10", Duration.ZERO);
        assertThat(test(q, 11L)).isTrue();
        assertThat(test(q, 9.5)).isFalse();
    }

    @Test
    void injection_attempt_is_bound_as_a_plain_value() {
        QueryCondition blocked = query("select count(*) from blocked_customers where id = :cid", Duration.ZERO);
        assertThat(test(blocked, "x' or '1'='1")).isFalse();
        assertThat(test(blocked, "c9' --")).isFalse();
    }

    @Test
    void repeated_parameter_is_bound_at_each_place() {
        QueryCondition q = query("select count(*) from blocked_customers where id = :cid or id = :cid || '0'",
                Duration.ZERO);
        assertThat(test(q, "c1")).isTrue(); // c1 || '0' = c10
        assertThat(test(q, "c2")).isFalse();
    }

    @Test
    void same_parameters_within_the_ttl_run_the_query_once() {
        QueryCondition blocked = query("select count(*) from blocked_customers where id = :cid", Duration.ofMinutes(1));
        assertThat(test(blocked, "c9")).isTrue();
        TestDatabase.execute(db, "delete from blocked_customers");

        assertThat(test(blocked, "c9")).as("cached result").isTrue();
        assertThat(runner.executedQueries()).isEqualTo(1);
    }

    @Test
    void different_parameters_run_the_query_again() {
        QueryCondition blocked = query("select count(*) from blocked_customers where id = :cid", Duration.ofMinutes(1));
        assertThat(test(blocked, "c9")).isTrue();
        assertThat(test(blocked, "c1")).isFalse();
        assertThat(test(blocked, "c9")).isTrue();
        assertThat(runner.executedQueries()).isEqualTo(2);
    }

    @Test
    void zero_ttl_never_caches() {
        QueryCondition blocked = query("select count(*) from blocked_customers where id = :cid", Duration.ZERO);
        test(blocked, "c9");
        TestDatabase.execute(db, "delete from blocked_customers");

        assertThat(test(blocked, "c9")).isFalse();
        assertThat(runner.executedQueries()).isEqualTo(2);
    }

    @Test
    void null_parameter_value_is_cached_like_any_other() {
        QueryCondition q = query("select :cid is null", Duration.ofMinutes(1));
        assertThat(test(q, null)).isTrue();
        assertThat(test(q, null)).isTrue();
        assertThat(runner.executedQueries()).isEqualTo(1);
    }

    @Test
    void failing_sql_names_the_condition_path() {
        QueryCondition broken = query("select nope from no_such_table where id = :cid", Duration.ofMinutes(1));
        assertThatThrownBy(() -> test(broken, "c1"))
                .isInstanceOf(ConditionException.class)
                .hasMessageStartingWith("conditions[2]: query failed")
                .hasMessageContaining("NO_SUCH_TABLE")
                .extracting(e -> ((ConditionException) e).conditionPath()).isEqualTo("conditions[2]");
    }

    @Test
    void a_failure_is_not_cached() {
        QueryCondition q = query("select count(*) from later where id = :cid", Duration.ofMinutes(1));
        assertThatThrownBy(() -> test(q, "c1")).isInstanceOf(ConditionException.class);
        TestDatabase.execute(db, "create table later (id varchar(10))");

        assertThat(test(q, "c1")).isFalse();
        assertThat(runner.executedQueries()).isEqualTo(2);
    }

    @Test
    void runner_without_a_data_source_says_one_is_needed() {
        QueryConditionRunner none = new QueryConditionRunner(null, Duration.ofSeconds(5), 10);
        QueryCondition q = query("select true", Duration.ZERO);
        assertThatThrownBy(() -> none.test(q, Map.of()))
                .isInstanceOf(ConditionException.class)
                .hasMessageStartingWith("conditions[2]: ")
                .hasMessageContaining("needs an application database");
    }

    @Test
    void evaluator_without_a_runner_says_a_database_is_needed() {
        ConditionEvaluator evaluator = new ConditionEvaluator(null);
        QueryCondition q = query("select true", Duration.ZERO);
        assertThatThrownBy(() -> evaluator.test(q, create(map()), Map::of))
                .isInstanceOf(ConditionException.class)
                .hasMessageStartingWith("conditions[2]: ")
                .hasMessageContaining("needs an application database");
    }

    @Test
    void evaluator_renders_template_params_from_the_context() {
        QueryCondition notBlocked = new QueryCondition("conditions[2]",
                NamedSql.parse("select count(*) = 0 from blocked_customers where id = :cid"),
                Map.of("cid", new TemplateEngine().compileValue("{{ entity.customer.id }}", "conditions[2].params.cid")),
                Duration.ofSeconds(60));
        ConditionEvaluator evaluator = new ConditionEvaluator(runner);
        EntityEvent blocked = create(map("customer", map("id", "c9")));
        EntityEvent fine = create(map("customer", map("id", "c1")));

        assertThat(evaluator.test(notBlocked, blocked, () -> Map.of("entity", blocked.data()))).isFalse();
        assertThat(evaluator.test(notBlocked, fine, () -> Map.of("entity", fine.data()))).isTrue();
        assertThat(runner.executedQueries()).isEqualTo(2);
    }

    @Test
    void params_that_fail_to_render_name_the_condition() {
        QueryCondition q = new QueryCondition("conditions[2]",
                NamedSql.parse("select count(*) from blocked_customers where id = :cid"),
                Map.of("cid", new TemplateEngine().compileValue("{{ entity.customer.id }}", "conditions[2].params.cid")),
                Duration.ZERO);
        ConditionEvaluator evaluator = new ConditionEvaluator(runner);
        ConditionOutcome outcome = evaluator.evaluate(List.of(q), create(map()), () -> Map.of("entity", Map.of()));

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.error()).startsWith("conditions[2]: params failed to render");
        assertThat(runner.executedQueries()).isZero();
    }
}
