package dev.flowline.store;

import dev.flowline.store.Store.Accepted;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link H2CrashTest} kills: opens the H2 store in {@code args[0]} and, on four threads, accepts events
 * (two per call) in a loop, printing {@code ack:<event id>;} for each event as soon as its call is acknowledged. It
 * exits by itself after two minutes, should nobody kill it.
 */
public final class AcceptLoop {

    private static final int PRODUCERS = 4;

    private AcceptLoop() {
    }

    public static void main(String[] args) throws InterruptedException {
        JdbcStore store = JdbcStore.h2(Path.of(args[0]));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            Thread.ofPlatform().daemon().start(() -> {
                for (long i = 0; ; i++) {
                    String id = "p" + producer + "-" + i;
                    List<Accepted> acks = store.accept(List.of(Fixtures.event(id + "a", id), Fixtures.event(id + "b",
                            id))).join();
                    synchronized (out) {
                        acks.forEach(a -> out.print("ack:" + a.eventId() + ";\n"));
                        out.flush();
                    }
                }
            });
        }
        Thread.sleep(120_000);
        System.exit(2);
    }
}
