package io.protoguard.protocol.vocabulary;

/**
 * A constraint a CONDITION column may put on a fact: the fact type of row 7 ({@code Subject}), the exact
 * constraint template of row 8 ({@code arm == "$param"}) and the type of its cells.
 */
public record ConstraintSpec(String factType, String factClass, String template, ParamType type) {

    public boolean quoted() {
        return template.contains("\"$param\"");
    }
}
