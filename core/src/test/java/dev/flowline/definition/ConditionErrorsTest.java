package dev.flowline.definition;

import dev.flowline.json.InputError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.flowline.definition.Definitions.onlyError;
import static dev.flowline.definition.Definitions.valid;
import static dev.flowline.definition.Definitions.withConditions;
import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of condition error is reported at the JSON path of the offending value, in a sentence that helps. */
class ConditionErrorsTest {

    @Test
    void an_unknown_operator_is_reported_at_the_operator_with_the_closest_name() {
        InputError e = onlyError(withConditions("""
                {"type": "field", "field": "code", "operator": "startswith", "value": "A"}"""));

        assertThat(e.path()).isEqualTo("conditions[0].operator");
        assertThat(e.message()).startsWith("unknown operator 'startswith'; did you mean 'starts_with'?")
                .contains("eq, ne, gt, gte, lt, lte, in, not_in");
    }

    @Test
    void an_unknown_operator_like_no_other_lists_the_operators_in_a_sentence() {
        InputError e = onlyError(withConditions("""
                {"field": "total", "operator": "xx", "value": 1}"""));

        assertThat(e.path()).isEqualTo("conditions[0].operator");
        assertThat(e.message()).isEqualTo("unknown operator 'xx'; use one of eq, ne, gt, gte, lt, lte, in, not_in,"
                + " contains, starts_with, ends_with, matches, exists, is_null, between, changed, changed_from,"
                + " changed_to");
    }

    @Test
    void an_unknown_operator_deep_inside_composites_has_the_full_path() {
        InputError e = onlyError(withConditions("""
                {"field": "status", "operator": "exists"},
                {"type": "any", "conditions": [
                  {"field": "total", "operator": "gt", "value": 1},
                  {"type": "not", "condition": {"field": "tags", "operator": "contain", "value": "vip"}}]}"""));

        assertThat(e.path()).isEqualTo("conditions[1].conditions[1].condition.operator");
        assertThat(e.message()).contains("'contain'").contains("did you mean 'contains'?");
    }

    @Test
    void an_unknown_condition_type_is_reported_at_the_type_with_the_closest_name() {
        InputError e = onlyError(withConditions("""
                {"type": "exprssion", "expression": "entity.total > 1"}"""));

        assertThat(e.path()).isEqualTo("conditions[0].type");
        assertThat(e.message()).isEqualTo("unknown condition type 'exprssion'; did you mean 'expression'?"
                + " Condition types: field, all, any, not, expression, query");
    }

    @Test
    void the_guides_placeholder_condition_type_is_not_a_condition_type() {
        InputError e = onlyError(withConditions("""
                { "type": "complex_database_query", "...": "..." }"""));

        assertThat(e.path()).isEqualTo("conditions[0].type");
        assertThat(e.message()).isEqualTo("unknown condition type 'complex_database_query';"
                + " use one of field, all, any, not, expression, query");
    }

    @ParameterizedTest
    @ValueSource(strings = {"in", "not_in"})
    void in_and_not_in_without_a_list_say_so_and_show_the_value(String operator) {
        InputError e = onlyError(withConditions("""
                {"field": "status", "operator": "OP", "value": "paid"}""".replace("OP", operator)));

        assertThat(e.path()).isEqualTo("conditions[0].value");
        assertThat(e.message()).isEqualTo("operator " + operator
                + " needs a list of values such as [\"a\", \"b\"], not \"paid\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "[1, 2, 3]", "[1, \"z\"]", "[true, false]", "5", "\"1..5\""})
    void between_without_two_comparable_values_shows_what_it_got(String value) {
        InputError e = onlyError(withConditions("""
                {"field": "total", "operator": "between", "value": VALUE}""".replace("VALUE", value)));

        assertThat(e.path()).isEqualTo("conditions[0].value");
        assertThat(e.message()).startsWith("operator between needs a list of two numbers or two strings, [low, high],"
                + " not ").endsWith(value.replace(", ", ","));
    }

    @Test
    void between_two_numbers_or_two_strings_is_valid() {
        valid(withConditions("""
                {"field": "total", "operator": "between", "value": [10, 99.5]},
                {"field": "code", "operator": "between", "value": ["A", "M"]}"""));
    }

    @Test
    void an_invalid_regular_expression_for_matches_is_quoted_with_the_reason() {
        InputError e = onlyError(withConditions("""
                {"field": "code", "operator": "matches", "value": "(AB|CD"}"""));

        assertThat(e.path()).isEqualTo("conditions[0].value");
        assertThat(e.message()).isEqualTo("\"(AB|CD\" is not a valid regular expression: Unclosed group near index 6;"
                + " matches needs a Java regex");
    }

    @Test
    void eq_with_null_says_to_use_is_null_rather_than_that_the_value_is_missing() {
        InputError e = onlyError(withConditions("""
                {"field": "shipped_at", "operator": "eq", "value": null}"""));

        assertThat(e.path()).isEqualTo("conditions[0].value");
        assertThat(e.message()).isEqualTo("operator eq cannot compare with null; use the operator is_null"
                + " (true when the field is null or absent) or exists");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ne", "in", "changed_to", "gt"})
    void other_operators_with_null_also_point_to_is_null(String operator) {
        InputError e = onlyError(withConditions("""
                {"field": "shipped_at", "operator": "OP", "value": null}""".replace("OP", operator)));

        assertThat(e.path()).isEqualTo("conditions[0].value");
        assertThat(e.message()).startsWith("operator " + operator + " cannot compare with null").contains("is_null");
    }

    @Test
    void an_operator_that_needs_a_value_without_one_says_it_is_required() {
        InputError e = onlyError(withConditions("""
                {"field": "status", "operator": "eq"}"""));

        assertThat(e.path()).isEqualTo("conditions[0].value");
        assertThat(e.message()).isEqualTo("is required for operator eq");
    }

    @Test
    void an_operator_that_takes_no_value_refuses_one() {
        InputError e = onlyError(withConditions("""
                {"field": "status", "operator": "exists", "value": true}"""));

        assertThat(e.path()).isEqualTo("conditions[0].value");
        assertThat(e.message()).isEqualTo("operator exists takes no value");
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "any"})
    void all_and_any_with_no_conditions_say_what_to_do(String type) {
        InputError e = onlyError(withConditions("""
                {"type": "TYPE", "conditions": []}""".replace("TYPE", type)));

        assertThat(e.path()).isEqualTo("conditions[0].conditions");
        assertThat(e.message()).isEqualTo("'" + type + "' needs a list of at least one condition, not [];"
                + " add the conditions it combines, or remove the '" + type + "'");
    }

    @Test
    void all_with_condition_instead_of_conditions_says_it_needs_conditions_and_suggests_the_name() {
        List<InputError> errors = Definitions.errors(withConditions("""
                {"type": "all", "condition": {"field": "a", "operator": "exists"}}"""));

        assertThat(errors).extracting(InputError::path).containsExactly("conditions[0].conditions",
                "conditions[0].condition");
        assertThat(errors.get(0).message()).isEqualTo("'all' needs a list of at least one condition;"
                + " add the conditions it combines, or remove the 'all'");
        assertThat(errors.get(1).message()).startsWith("unknown field 'condition'; did you mean 'conditions'?");
    }

    @Test
    void a_query_condition_with_an_unbound_parameter_names_it_and_says_to_add_it_to_params() {
        InputError e = onlyError(withConditions("""
                {"type": "query", "sql": "select count(*) = 0 from blocked where id = :cid and region = :region",
                 "params": {"cid": "{{ entity.customer.id }}"}}"""));

        assertThat(e.path()).isEqualTo("conditions[0].sql");
        assertThat(e.message()).isEqualTo("parameter :region is not bound; add \"region\" to params");
    }

    @Test
    void colons_in_casts_and_string_literals_are_not_parameters() {
        valid(withConditions("""
                {"type": "query", "sql": "select count(*) > 0 from t where id = :id::int and note <> 'a:b'",
                 "params": {"id": "{{ entity.id }}"}}"""));
    }

    @Test
    void an_expression_that_does_not_compile_is_reported_at_the_expression_and_quoted() {
        InputError e = onlyError(withConditions("""
                {"type": "expression", "expression": "entity.total >"}"""));

        assertThat(e.path()).isEqualTo("conditions[0].expression");
        assertThat(e.message()).startsWith("expression does not compile").contains("\"entity.total >\"");
    }

    @Test
    void a_condition_template_that_reads_an_action_result_is_refused() {
        InputError e = onlyError(withConditions("""
                {"type": "query", "sql": "select :x > 1", "params": {"x": "{{ data.length }}"}}"""));

        assertThat(e.path()).isEqualTo("conditions[0].params.x");
        assertThat(e.message()).isEqualTo("reads 'data', which conditions cannot see; conditions can read entity,"
                + " event, previous, workflow");
    }
}
