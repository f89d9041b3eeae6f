package dev.flowline.jdbc;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NamedSqlTest {

    @Test
    void named_parameters_become_placeholders_in_order() {
        NamedSql sql = NamedSql.parse("select * from t where a = :first and b > :second_one");
        assertThat(sql.jdbc()).isEqualTo("select * from t where a = ? and b > ?");
        assertThat(sql.positions()).containsExactly("first", "second_one");
        assertThat(sql.original()).isEqualTo("select * from t where a = :first and b > :second_one");
    }

    @Test
    void repeated_name_gets_a_placeholder_at_each_use() {
        NamedSql sql = NamedSql.parse("select :id, :other where x = :id");
        assertThat(sql.jdbc()).isEqualTo("select ?, ? where x = ?");
        assertThat(sql.positions()).containsExactly("id", "other", "id");
        assertThat(sql.names()).containsExactly("id", "other");
    }

    @Test
    void parameter_at_the_very_end_and_next_to_punctuation_is_found() {
        NamedSql sql = NamedSql.parse("select f(:a,:b)=:c");
        assertThat(sql.jdbc()).isEqualTo("select f(?,?)=?");
        assertThat(sql.positions()).containsExactly("a", "b", "c");
    }

    @Test
    void colons_inside_string_literals_are_left_alone() {
        NamedSql sql = NamedSql.parse("select ':not_a_param', 'it''s :still_not' where a = :yes");
        assertThat(sql.jdbc()).isEqualTo("select ':not_a_param', 'it''s :still_not' where a = ?");
        assertThat(sql.positions()).containsExactly("yes");
    }

    @Test
    void colons_inside_quoted_identifiers_are_left_alone() {
        NamedSql sql = NamedSql.parse("select \"odd:name\", \"a\"\":b\" from t where id = :id");
        assertThat(sql.jdbc()).isEqualTo("select \"odd:name\", \"a\"\":b\" from t where id = ?");
        assertThat(sql.positions()).containsExactly("id");
    }

    @Test
    void colons_inside_comments_are_left_alone() {
        NamedSql sql = NamedSql.parse("select 1 -- :line_comment\n/* :block\n comment */ where a = :a");
        assertThat(sql.jdbc()).isEqualTo("select 1 -- :line_comment\n/* :block\n comment */ where a = ?");
        assertThat(sql.positions()).containsExactly("a");
    }

    @Test
    void postgres_casts_are_left_alone() {
        NamedSql sql = NamedSql.parse("select :amount::numeric, created::date from t where id = :id::int");
        assertThat(sql.jdbc()).isEqualTo("select ?::numeric, created::date from t where id = ?::int");
        assertThat(sql.positions()).containsExactly("amount", "id");
    }

    @Test
    void colon_not_followed_by_a_name_is_left_alone() {
        NamedSql sql = NamedSql.parse("select arr[1:2], ': ', x from t where a = : b");
        assertThat(sql.jdbc()).isEqualTo("select arr[1:2], ': ', x from t where a = : b");
        assertThat(sql.positions()).isEmpty();
    }

    @Test
    void unterminated_quote_runs_to_the_end_without_finding_parameters() {
        NamedSql sql = NamedSql.parse("select 'open :p");
        assertThat(sql.jdbc()).isEqualTo("select 'open :p");
        assertThat(sql.positions()).isEmpty();
    }

    @Test
    void bind_orders_values_by_placeholder_and_repeats_them() {
        NamedSql sql = NamedSql.parse("select :b, :a, :b");
        assertThat(SqlParameters.bind(sql, Map.of("a", 1L, "b", "x"))).containsExactly("x", 1L, "x");
    }

    @Test
    void bind_names_a_missing_parameter() {
        NamedSql sql = NamedSql.parse("select :a, :missing");
        assertThatThrownBy(() -> SqlParameters.bind(sql, Map.of("a", 1L)))
                .hasMessageContaining(":missing");
    }
}
