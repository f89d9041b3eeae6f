package dev.flowline.action;

import dev.flowline.definition.DefinitionParser;
import dev.flowline.definition.WorkflowDefinition;
import dev.flowline.event.EntityEvent;
import dev.flowline.event.Operation;
import dev.flowline.execution.ActionStatus;
import dev.flowline.execution.Engine;
import dev.flowline.execution.ExecutionRecord;
import dev.flowline.template.TemplateEngine;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseActionTest {

    private final JdbcDataSource app = new JdbcDataSource();
    private Connection keepAlive;
    private Engine engine;

    @BeforeEach
    void database() throws Exception {
        app.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keepAlive = app.getConnection();
        try (Statement st = keepAlive.createStatement()) {
            st.execute("create table order_lines (order_id varchar(10), sku varchar(10), qty int)");
            st.execute("insert into order_lines values ('o1', 'A', 2), ('o1', 'B', 1), ('o2', 'C', 5)");
            st.execute("create table audit (order_id varchar(10), line_count int, note varchar(100))");
        }
    }

    @AfterEach
    void close() throws Exception {
        if (engine != null) {
            engine.close();
        }
        keepAlive.close();
    }

    private ExecutionRecord run(String actionsJson, Map<String, Object> data) {
        String json = ("{'id': 'db', 'entity_type': 'order', 'operations': ['create'], 'actions': [" + actionsJson + "]}")
                .replace('\'', '"');
        WorkflowDefinition w = new DefinitionParser(new TemplateEngine(), Set.of()).parse(json, false, "x").orThrow();
        engine = Engine.builder().workflows(List.of(w)).applicationDataSource(app).build();
        return engine.process(EntityEvent.builder().entityType("order").entityId("1").operation(Operation.CREATE)
                .data(data).build()).getFirst();
    }

    @Test
    void a_query_outputs_its_rows_and_feeds_a_later_insert() throws Exception {
        ExecutionRecord r = run("""
                {'id': 'lines', 'type': 'database', 'operation': 'query',
                 'sql': 'select sku, qty from order_lines where order_id = :id order by sku limit 10',
                 'params': {'id': '{{ entity.id }}'}, 'result_variable': 'lines'},
                {'id': 'audit', 'type': 'database', 'operation': 'insert', 'dependencies': ['lines'],
                 'sql': 'insert into audit (order_id, line_count, note) values (:id, :n, :note)',
                 'params': {'id': '{{ entity.id }}', 'n': '{{ lines.length }}', 'note': '{{ entity.note }}'}}""",
                Map.of("id", "o1", "note", "x'); drop table audit; --"));
        assertThat(r.actions().get(0).output()).isEqualTo(List.of(Map.of("sku", "A", "qty", 2L), Map.of("sku", "B", "qty", 1L)));
        assertThat(r.actions().get(1).output()).isEqualTo(Map.of("rows_affected", 1L));
        try (Statement st = keepAlive.createStatement();
             ResultSet rs = st.executeQuery("select order_id, line_count, note from audit")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("o1");
            assertThat(rs.getInt(2)).isEqualTo(2);
            // The would-be injection is stored as plain text: parameters are bound, never spliced into SQL.
            assertThat(rs.getString(3)).isEqualTo("x'); drop table audit; --");
        }
    }

    @Test
    void a_failing_statement_fails_the_action_with_the_database_message() {
        ExecutionRecord r = run("{'id': 'bad', 'type': 'database', 'operation': 'update', 'sql': 'update nowhere set x = 1'}",
                Map.of("id", "o1"));
        assertThat(r.actions().getFirst().status()).isEqualTo(ActionStatus.FAILED);
        assertThat(r.actions().getFirst().error()).contains("NOWHERE");
    }

    @Test
    void for_each_inserts_every_item_in_one_batch_and_one_transaction() throws Exception {
        ExecutionRecord r = run("""
                {'id': 'lines', 'type': 'database', 'operation': 'insert', 'for_each': '{{ entity.lines }}',
                 'sql': 'insert into order_lines (order_id, sku, qty) values (:id, :sku, :qty)',
                 'params': {'id': '{{ entity.id }}', 'sku': '{{ item.sku }}', 'qty': '{{ item.qty }}'}}""",
                Map.of("id", "o9", "lines", List.of(Map.of("sku", "X", "qty", 1L), Map.of("sku", "Y", "qty", 4L))));
        assertThat(r.actions().getFirst().output()).isEqualTo(Map.of("items", 2L, "rows_affected", 2L));
        try (Statement st = keepAlive.createStatement();
             ResultSet rs = st.executeQuery("select count(*), sum(qty) from order_lines where order_id = 'o9'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getInt(2)).isEqualTo(5);
        }
    }

    @Test
    void a_failing_item_rolls_back_the_whole_for_each_batch() throws Exception {
        try (Statement st = keepAlive.createStatement()) {
            st.execute("create table unique_skus (sku varchar(10) primary key)");
        }
        ExecutionRecord r = run("""
                {'id': 'skus', 'type': 'database', 'operation': 'insert', 'for_each': '{{ entity.skus }}',
                 'sql': 'insert into unique_skus (sku) values (:sku)', 'params': {'sku': '{{ item }}'}}""",
                Map.of("id", "o1", "skus", List.of("A", "B", "A")));
        assertThat(r.actions().getFirst().status()).isEqualTo(ActionStatus.FAILED);
        assertThat(r.actions().getFirst().error()).contains("nothing was written");
        try (Statement st = keepAlive.createStatement(); ResultSet rs = st.executeQuery("select count(*) from unique_skus")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
