package dev.flowline.definition;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The published JSON Schema for definitions, loaded from the classpath, as tests use it. */
final class WorkflowSchema {

    static final String RESOURCE = "/dev/flowline/definition/workflow.schema.json";

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Schema SCHEMA = load();

    private WorkflowSchema() {
    }

    /** What the schema finds wrong with a definition; empty when it accepts it. */
    static List<String> problems(String text, boolean yaml) {
        return SCHEMA.validate(text, yaml ? InputFormat.YAML : InputFormat.JSON).stream()
                .map(com.networknt.schema.Error::toString)
                .toList();
    }

    /** The draft 2020-12 meta-schema, to check the schema itself. */
    static Schema metaSchema() {
        return REGISTRY.getSchema(SchemaLocation.of(SpecificationVersion.DRAFT_2020_12.getDialectId()));
    }

    private static Schema load() {
        try (InputStream in = WorkflowSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return REGISTRY.getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
