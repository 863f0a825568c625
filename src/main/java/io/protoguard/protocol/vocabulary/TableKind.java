package io.protoguard.protocol.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * One kind of decision table the engine ships: the builder its rows call, the ACTION columns it allows (the first
 * starts the builder, the last inserts the rule), and checks that span columns of one row. A kind that is not
 * {@code compiled} is read as data only (the Codes table): no code template, nothing reaches Drools.
 */
public record TableKind(String name, String builder, boolean compiled, List<ColumnSpec> columns, List<RowCheck> rowChecks) {

    /** A fault in one row that involves several cells; {@code column} is the title of the cell at fault. */
    public record Fault(String column, String message) {}

    /** Looks at a row's canonical values by column title (absent when the cell is empty); null when fine. */
    @FunctionalInterface
    public interface RowCheck {
        Fault check(Map<String, String> values);
    }

    public ColumnSpec byTemplate(String template) {
        return columns.stream().filter(c -> c.template().equals(template)).findFirst().orElse(null);
    }

    public ColumnSpec byTitle(String title) {
        return columns.stream().filter(c -> c.title().equalsIgnoreCase(title)).findFirst().orElse(null);
    }

    public ColumnSpec first() {
        return columns.get(0);
    }

    public ColumnSpec last() {
        return columns.get(columns.size() - 1);
    }
}
