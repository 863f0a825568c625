package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.SourceRef;
import java.time.LocalDate;

/**
 * A judgement a helper function hands back to a rule, which reports it under its table row. With
 * {@code unjudged} set (the column of the value at fault), it is not a deviation of its own: the rule could not
 * judge because of that value, and {@link Findings} reports each such value once.
 */
public record Finding(Category category, String visit, LocalDate occurredOn, String message, String expected,
                      String actual, SourceRef source, String unjudged) {

    public Finding(Category category, String visit, LocalDate occurredOn, String message, String expected,
                   String actual, SourceRef source) {
        this(category, visit, occurredOn, message, expected, actual, source, null);
    }

    /** This finding, as a rule's claim that it cannot judge because of the value in {@code column}. */
    public Finding because(String column) {
        return new Finding(category, visit, occurredOn, message, expected, actual, source, column);
    }
}
