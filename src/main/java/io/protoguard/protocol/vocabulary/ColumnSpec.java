package io.protoguard.protocol.vocabulary;

/**
 * One ACTION column a table kind allows: its title (row 9), the exact code template of row 8 (the builder call,
 * {@code $param} standing for the cell) and the type of its cells. {@code required}: every row fills it.
 */
public record ColumnSpec(String title, String template, ParamType type, boolean required) {

    /** The template quotes its parameter ({@code "$param"}): the value goes in as a string literal. */
    public boolean quoted() {
        return template.contains("\"$param\"");
    }

    static ColumnSpec required(String title, String template, ParamType type) {
        return new ColumnSpec(title, template, type, true);
    }

    static ColumnSpec optional(String title, String template, ParamType type) {
        return new ColumnSpec(title, template, type, false);
    }
}
