package dev.flowline.bench.e2e;

import dev.flowline.bench.Report;

import java.nio.file.Path;

/**
 * Opens fresh pipelines for the phases of one benchmark run: Flowline's settings or the naive baseline's, each on a
 * new store and application database. Not thread-safe.
 *
 * @param producers threads sending events flat out
 * @param batch     events per intake call flat out
 */
record Runs(StoreChoice store, Path dir, String sinkUrl, HeapSampler heap, Report report, int producers, int batch) {

    Pipeline open(boolean naive, String name) {
        String unique = name + "-" + Long.toString(System.nanoTime(), 36);
        return new Pipeline(naive, store.open(dir, unique, Pipeline.storeOptions(naive)), dir.resolve(unique + "-app"),
                sinkUrl);
    }
}
