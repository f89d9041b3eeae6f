package dev.flowline.cli.functional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code flowline serve} as a separate operating-system process, for crash and restart tests. */
final class ServiceProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("Flowline is ready at (http://\\S+)");

    private final Process process;
    private final String url;
    private final List<String> output = new ArrayList<>();

    ServiceProcess(Path data, Path workflows, String token) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.flowline.cli.FlowlineCommand", "serve", "--port", "0", "--data", data.toString()));
        if (workflows != null) {
            cmd.addAll(List.of("--workflows", workflows.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("FLOWLINE_ADMIN_TOKEN", token);
        process = pb.start();
        BlockingQueue<String> ready = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = READY.matcher(line);
                    if (m.find()) {
                        ready.add(m.group(1));
                    }
                }
            } catch (IOException e) {
                // the process died; callers see it through output()
            }
            ready.add("");
        });
        String found = ready.poll(60, TimeUnit.SECONDS);
        if (found == null || found.isEmpty()) {
            process.destroyForcibly();
            throw new AssertionError("service did not start:\n" + output());
        }
        url = found;
    }

    String url() {
        return url;
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** SIGKILL: no shutdown hook runs. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the graceful shutdown path. */
    int terminate() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("service did not stop within 60 s after SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
