package dev.flowline.value;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ValuesTest {

    @Test
    void numbers_are_equal_whatever_their_form() {
        assertThat(Values.equal(100L, 100.0)).isTrue();
        assertThat(Values.equal(100, 100L)).isTrue();
        assertThat(Values.equal((short) 100, new BigDecimal("100.000"))).isTrue();
        assertThat(Values.equal(BigInteger.valueOf(100), 100.0f)).isTrue();
        assertThat(Values.equal(new BigDecimal("0.5"), 0.5)).isTrue();
    }

    @Test
    void number_never_equals_its_string() {
        assertThat(Values.equal(100L, "100")).isFalse();
        assertThat(Values.equal("100", 100L)).isFalse();
        assertThat(Values.compare(100L, "100")).isNull();
    }

    @Test
    void null_equals_only_null() {
        assertThat(Values.equal(null, null)).isTrue();
        assertThat(Values.equal(null, 0L)).isFalse();
        assertThat(Values.equal("", null)).isFalse();
    }

    @Test
    void lists_and_maps_are_equal_element_by_element_numerically() {
        assertThat(Values.equal(List.of(1L, 2.5), List.of(1.0, new BigDecimal("2.50")))).isTrue();
        assertThat(Values.equal(List.of(1L, 2L), List.of(2L, 1L))).isFalse();
        assertThat(Values.equal(Map.of("a", 1L), Map.of("a", 1.0))).isTrue();
        assertThat(Values.equal(Map.of("a", 1L), Map.of("b", 1L))).isFalse();
        assertThat(Values.equal(Arrays.asList(1L, null), Arrays.asList(1L, null))).isTrue();
    }

    @Test
    void character_equals_its_one_letter_string() {
        assertThat(Values.equal('a', "a")).isTrue();
        assertThat(Values.indexKey('a')).isEqualTo(Values.indexKey("a"));
    }

    @Test
    void long_beyond_double_precision_is_compared_exactly() {
        long big = (1L << 53) + 1; // not representable as a double
        assertThat(Values.compare(big, (double) (1L << 53))).isPositive();
        assertThat(Values.equal(big, (double) (1L << 53))).isFalse();
    }

    @Test
    void largest_long_is_not_equal_to_two_to_the_63_as_a_double() {
        // (double) Long.MAX_VALUE rounds up to 2^63, one more than Long.MAX_VALUE
        assertThat(Values.equal(Long.MAX_VALUE, 0x1p63)).isFalse();
        assertThat(Values.compare(Long.MAX_VALUE, 0x1p63)).isNegative();
        assertThat(Values.compare(0x1p63, Long.MAX_VALUE)).isPositive();
    }

    @Test
    void two_to_the_63_is_equal_whether_big_integer_or_double() {
        BigInteger twoTo63 = BigInteger.ONE.shiftLeft(63);
        assertThat(Values.equal(twoTo63, 0x1p63)).isTrue();
        assertThat(Values.indexKey(twoTo63)).isEqualTo(Values.indexKey(0x1p63));
    }

    @Test
    void decimal_fraction_has_the_same_index_key_as_the_equal_double() {
        assertThat(Values.equal(new BigDecimal("0.50"), 0.5)).isTrue();
        assertThat(Values.indexKey(new BigDecimal("0.50"))).isEqualTo(Values.indexKey(0.5));
    }

    @Test
    void decimal_that_no_double_represents_is_not_equal_to_the_nearest_double() {
        assertThat(Values.equal(new BigDecimal("0.1"), 0.1)).isFalse();
        assertThat(Values.indexKey(new BigDecimal("0.1"))).isNotEqualTo(Values.indexKey(0.1));
    }

    @Test
    void infinite_double_compares_with_big_numbers_without_failing() {
        BigInteger huge = BigInteger.TEN.pow(400);
        assertThat(Values.compare(Double.POSITIVE_INFINITY, huge)).isPositive();
        assertThat(Values.compare(Double.NEGATIVE_INFINITY, new BigDecimal("-1e400"))).isNegative();
        assertThat(Values.equal(Double.POSITIVE_INFINITY, huge)).isFalse();
    }

    @Test
    void strings_compare_by_code_point_not_utf16_unit() {
        String grinning = "\uD83D\uDE00"; // U+1F600
        String halfwidth = "\uFF61";        // U+FF61
        assertThat(grinning.compareTo(halfwidth)).as("UTF-16 order").isNegative();
        assertThat(Values.compareCodePoints(grinning, halfwidth)).isPositive();
        assertThat(Values.compare("a", "ab")).isNegative();
        assertThat(Values.compare("ab", "ab")).isZero();
    }

    @Test
    void contains_tests_substrings_and_list_members() {
        assertThat(Values.contains("warehouse", "house")).isTrue();
        assertThat(Values.contains("warehouse", 1L)).isFalse();
        assertThat(Values.contains(List.of(1L, 2L), 2.0)).isTrue();
        assertThat(Values.contains(List.of("1"), 1L)).isFalse();
        assertThat(Values.contains(Map.of("a", 1L), "a")).isFalse();
    }

    @Test
    void index_key_is_null_for_non_scalars() {
        assertThat(Values.indexKey(null)).isNull();
        assertThat(Values.indexKey(List.of(1L))).isNull();
        assertThat(Values.indexKey(Map.of())).isNull();
    }

    @Test
    void index_key_of_an_integral_double_is_the_long() {
        assertThat(Values.indexKey(100.0)).isEqualTo(100L);
        assertThat(Values.indexKey(-0.0)).isEqualTo(0L);
        assertThat(Values.indexKey(new BigDecimal("1E+2"))).isEqualTo(100L);
    }

    @Test
    void field_path_reads_nested_maps_and_list_indexes() {
        Map<String, Object> data = Map.of("lines", List.of(Map.of("sku", "S1")), "c", Map.of("vip", true));
        assertThat(FieldPath.of("lines.0.sku").read(data)).isEqualTo("S1");
        assertThat(FieldPath.of("c.vip").read(data)).isEqualTo(true);
        assertThat(FieldPath.of("lines.1.sku").read(data)).isSameAs(FieldPath.ABSENT);
        assertThat(FieldPath.of("lines.x").read(data)).isSameAs(FieldPath.ABSENT);
        assertThat(FieldPath.of("lines.-1").read(data)).isSameAs(FieldPath.ABSENT);
        assertThat(FieldPath.of("c.vip.deeper").read(data)).isSameAs(FieldPath.ABSENT);
    }
}
