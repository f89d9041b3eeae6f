package dev.flowline.server.metrics;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The health time series keeps the latest samples in a bounded ring, oldest first, as aligned columns. */
class HealthSeriesTest {

    private static HealthSample sample(long t, Double p95) {
        return new HealthSample(t, 1.5, 2.0, t, 0, null, p95, null, 0.25, null, 100, 512, 0.1, null);
    }

    @Test
    void only_the_latest_samples_are_kept_oldest_first() {
        HealthSeries series = new HealthSeries(3);
        assertThat(series.latest()).isNull();
        for (long t = 1; t <= 5; t++) {
            series.add(sample(t, null));
        }
        assertThat(series.samples()).extracting(HealthSample::epochSeconds).containsExactly(3L, 4L, 5L);
        assertThat(series.latest().epochSeconds()).isEqualTo(5);
    }

    @Test
    void columns_are_aligned_and_keep_gaps_as_nulls() {
        HealthSeries series = new HealthSeries(10);
        series.add(sample(1, null));
        series.add(sample(2, 12.0));
        Map<String, Object> columns = series.columns();
        assertThat(columns.get("t")).isEqualTo(List.of(1L, 2L));
        assertThat(columns.get("p95_ms")).isEqualTo(java.util.Arrays.asList(null, 12.0));
        assertThat(columns.get("queue_depth")).isEqualTo(List.of(1L, 2L));
        columns.values().forEach(c -> assertThat((List<?>) c).hasSize(2));
    }

    @Test
    void a_ring_needs_room_for_a_line() {
        assertThatThrownBy(() -> new HealthSeries(1)).hasMessageContaining("capacity");
    }

    @Test
    void latency_percentiles_cover_one_interval_and_a_busy_interval_stays_bounded() {
        LatencyWindow window = new LatencyWindow(100);
        assertThat(window.drain()).isEqualTo(new LatencyWindow.Percentiles(null, null, null, 0));
        for (int i = 1; i <= 100; i++) {
            window.record(i);
        }
        assertThat(window.drain()).isEqualTo(new LatencyWindow.Percentiles(50.0, 95.0, 99.0, 100));
        for (int i = 0; i < 10_000; i++) {
            window.record(7);
        }
        assertThat(window.drain()).isEqualTo(new LatencyWindow.Percentiles(7.0, 7.0, 7.0, 10_000));
    }
}
