package dev.flowline.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrentRenderingTest {

    private static final int THREADS = 8;
    private static final int RENDERS_PER_THREAD = 500;

    private final TemplateEngine engine = new TemplateEngine();

    @Test
    void eight_threads_rendering_one_template_each_get_their_own_results() throws Exception {
        CompiledTemplate text = engine.compile(
                "{% set n = entity.items.length %}{{ entity.id }}:{% for i in entity.items %}{{ i }}{% endfor %}:{{ n }}");
        CompiledTemplate typed = engine.compile("{{ entity.items.length * 10 + entity.thread }}");
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<List<String>>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(() -> {
                start.await();
                List<String> problems = new ArrayList<>();
                for (int r = 0; r < RENDERS_PER_THREAD; r++) {
                    List<Long> items = java.util.Collections.nCopies(thread + 1, (long) thread);
                    Map<String, Object> context = Map.of("entity",
                            Map.of("id", "t" + thread + "-" + r, "items", items, "thread", (long) thread));
                    String expected = "t" + thread + "-" + r + ":" + String.valueOf(thread).repeat(thread + 1)
                            + ":" + (thread + 1);
                    Object rendered = text.render(context);
                    Object value = typed.render(context);
                    if (!expected.equals(rendered)) {
                        problems.add(expected + " != " + rendered);
                    }
                    if (!Long.valueOf((thread + 1) * 10L + thread).equals(value)) {
                        problems.add("typed " + value);
                    }
                }
                return problems;
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (Callable<List<String>> worker : workers) {
                results.add(pool.submit(worker));
            }
            start.countDown();
            for (Future<List<String>> result : results) {
                assertThat(result.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
