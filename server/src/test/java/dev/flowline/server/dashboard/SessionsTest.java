package dev.flowline.server.dashboard;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Dashboard sessions: random opaque ids, idle expiry, sign-out, a bounded number, and the anti-forgery token. */
class SessionsTest {

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-26T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final MovableClock clock = new MovableClock();
    private final Sessions sessions = new Sessions(clock, Duration.ofHours(1), 3);

    @Test
    void every_session_gets_its_own_random_id_and_anti_forgery_token() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            Session s = sessions.create();
            assertThat(s.id()).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(s.csrfToken()).hasSize(43).isNotEqualTo(s.id());
            assertThat(seen.add(s.id())).isTrue();
            assertThat(seen.add(s.csrfToken())).isTrue();
        }
        assertThat(sessions.size()).isEqualTo(3);
    }

    @Test
    void a_session_is_found_by_its_id_until_it_has_been_idle_too_long() {
        Session s = sessions.create();
        clock.advance(Duration.ofMinutes(59));
        assertThat(sessions.find(s.id())).contains(s);
        clock.advance(Duration.ofMinutes(59));
        assertThat(sessions.find(s.id())).as("each use restarts the idle time").contains(s);
        clock.advance(Duration.ofHours(1));
        assertThat(sessions.find(s.id())).isEmpty();
        assertThat(sessions.size()).isZero();
    }

    @Test
    void unknown_and_ended_sessions_are_not_found() {
        Session s = sessions.create();
        assertThat(sessions.find(null)).isEmpty();
        assertThat(sessions.find("made-up")).isEmpty();
        sessions.end(s.id());
        assertThat(sessions.find(s.id())).isEmpty();
        sessions.end(null);
        sessions.end("made-up");
    }

    @Test
    void beyond_the_limit_the_least_recently_used_session_is_dropped() {
        Session a = sessions.create();
        clock.advance(Duration.ofSeconds(1));
        Session b = sessions.create();
        clock.advance(Duration.ofSeconds(1));
        Session c = sessions.create();
        clock.advance(Duration.ofSeconds(1));
        sessions.find(a.id());
        clock.advance(Duration.ofSeconds(1));
        Session d = sessions.create();

        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.find(b.id())).isEmpty();
        assertThat(sessions.find(a.id())).isPresent();
        assertThat(sessions.find(c.id())).isPresent();
        assertThat(sessions.find(d.id())).isPresent();
    }

    @Test
    void the_anti_forgery_token_matches_only_itself() {
        Session s = sessions.create();
        assertThat(s.csrfMatches(s.csrfToken())).isTrue();
        assertThat(s.csrfMatches(null)).isFalse();
        assertThat(s.csrfMatches("")).isFalse();
        assertThat(s.csrfMatches(s.id())).isFalse();
        assertThat(s.csrfMatches(s.csrfToken() + "x")).isFalse();
        assertThat(s.csrfMatches(sessions.create().csrfToken())).isFalse();
    }

    @Test
    void a_session_never_prints_its_secrets() {
        Session s = sessions.create();
        assertThat(s.toString()).doesNotContain(s.id()).doesNotContain(s.csrfToken());
    }

    @Test
    void settings_out_of_range_are_refused_with_their_name() {
        assertThatThrownBy(() -> new Sessions(clock, Duration.ZERO, 1)).hasMessageContaining("idleTimeout");
        assertThatThrownBy(() -> new Sessions(clock, Duration.ofHours(1), 0)).hasMessageContaining("maxSessions");
    }
}
