package dev.flowline.store;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Durability for real: a separate JVM accepts events into an H2 store and prints every acknowledged id; it is killed
 * with SIGKILL mid-stream, and every id it acknowledged must be in the store when it is opened again.
 */
class H2CrashTest {

    private static final int ACKS_BEFORE_KILL = 300;
    private static final Pattern ACK = Pattern.compile("ack:(.+);");

    @TempDir
    Path dir;

    @RepeatedTest(3)
    void every_event_acknowledged_before_a_kill_9_is_in_the_store_after_a_restart() throws Exception {
        Path data = dir.resolve("data");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
                "-cp", System.getProperty("java.class.path"), AcceptLoop.class.getName(), data.toString())
                .redirectError(stderr.toFile())
                .start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            read(out, acknowledged, ACKS_BEFORE_KILL, stderr);
            // SIGKILL through the handle: Process.destroyForcibly would also close our end of its output
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the killed process ended").isTrue();
            // what it printed before dying was acknowledged too
            read(out, acknowledged, Integer.MAX_VALUE, stderr);
        } finally {
            process.destroyForcibly();
        }

        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        try (JdbcStore reopened = JdbcStore.h2(data)) {
            List<String> lost = acknowledged.stream().filter(id -> reopened.event(id).isEmpty()).toList();
            assertThat(lost).as("acknowledged events missing after kill -9, of %d", acknowledged.size()).isEmpty();
        }
    }

    /** Reads whole ack lines until {@code count} ids are collected or the output ends. */
    private static void read(BufferedReader out, List<String> ids, int count, Path stderr) throws IOException {
        int wanted = ids.size() + Math.min(count, Integer.MAX_VALUE - ids.size());
        String line;
        while (ids.size() < wanted && (line = out.readLine()) != null) {
            Matcher m = ACK.matcher(line);
            if (m.matches()) { // a line cut by the kill is not an acknowledgement
                ids.add(m.group(1));
            }
        }
        if (count != Integer.MAX_VALUE && ids.size() < wanted) {
            throw new AssertionError("the accepting process stopped early: " + Files.readString(stderr));
        }
    }
}
