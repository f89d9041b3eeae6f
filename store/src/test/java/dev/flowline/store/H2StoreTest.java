package dev.flowline.store;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The store contract on an embedded H2 file database, a new one for every test. */
class H2StoreTest extends StoreContractTest {

    @TempDir
    Path dataDir;

    @Override
    protected JdbcStore openStore() {
        return JdbcStore.h2(dataDir);
    }
}
