package dev.flowline.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract every {@link Store} keeps, run against each database by a subclass: workflows, events with group
 * commit, the execution journal, notifications with their digests, and the e-mail outbox (in the contract
 * interfaces this class joins).
 */
abstract class StoreContractTest implements WorkflowContract, EventContract, JournalContract, ExecutionListContract,
        NotificationContract, NotificationBatchContract, EmailOutboxContract {

    private JdbcStore store;

    /** A store on an empty (or emptied) database. */
    protected abstract JdbcStore openStore();

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    public JdbcStore store() {
        return store;
    }

    @Test
    void a_store_on_a_live_database_answers_ping() {
        assertThat(store.ping()).isTrue();
    }

    @Test
    void closing_twice_is_harmless_and_a_closed_store_no_longer_answers_ping() {
        store.close();
        store.close();
        assertThat(store.ping()).isFalse();
    }
}
