package dev.flowline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the benchmark ran on: cores, memory, JDK. Every report carries it. Stateless, thread-safe. */
public final class Machine {

    private Machine() {
    }

    /** Cores, total memory, JDK and OS, as JSON-ready values. */
    public static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memory_mib", totalMemoryMib());
        m.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return m;
    }

    /** One line for the human-readable report. */
    public static String summary() {
        Map<String, Object> m = describe();
        return m.get("cores") + " cores, " + m.get("memory_mib") + " MiB memory, " + m.get("jdk") + " (max heap "
                + m.get("max_heap_mib") + " MiB), " + m.get("os");
    }

    private static long totalMemoryMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return -1;
    }
}
