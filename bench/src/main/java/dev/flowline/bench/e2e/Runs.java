package dev.flowline.bench.e2e;

import dev.flowline.bench.Report;

import java.nio.file.Path;

/**
 * Opens fresh pipelines for the phases of one benchmark run: Flowline's settings or the naive baseline's, each on a
 * new store and application database. Not thread-safe.
 *
 * @param smtpPort  the SMTP receiver's port
 * @param producers threads sending events flat out
 * @param batch     events per intake call flat out
 */
record Runs(StoreChoice store, Path dir, String sinkUrl, int smtpPort, HeapSampler heap, Report report, int producers, int batch) {

    Pipeline open(boolean naive, String name) {
        String unique = name + "-" + Long.toString(System.nanoTime(), 36);
        var opened = store.open(dir, unique, Pipeline.storeOptions(naive));
        if (!store.postgres()) {
            Integer seqCache = Integer.getInteger("bench.seqCache");
            if (seqCache != null) {
                // A/B switch for docs/benchmarks.md: the event sequence's block size before migration 1.1 was 32
                onH2Store(unique, "ALTER TABLE event ALTER COLUMN seq SET CACHE " + seqCache);
            }
            String drop = System.getProperty("bench.dropIndexes");
            if (drop != null) {
                // experiment switch: what the API's secondary indexes cost the journal
                for (String index : drop.split(",")) {
                    onH2Store(unique, "DROP INDEX " + index);
                }
            }
        }
        return new Pipeline(naive, opened, dir.resolve(unique + "-app"), sinkUrl, smtpPort);
    }

    /** Runs one statement on the H2 store just opened under {@code unique} (for the benchmark's A/B switches). */
    private void onH2Store(String unique, String sql) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:h2:file:" + dir.resolve(unique).toAbsolutePath()
                .resolve("flowline") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "sa", "");
             var s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
