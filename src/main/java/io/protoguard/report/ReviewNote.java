package io.protoguard.report;

import io.protoguard.model.Deviation;
import java.util.List;
import java.util.function.Function;

/**
 * A monitor's verdict on one deviation as a report shows it beside the deviation: status (OPEN, ACKNOWLEDGED,
 * NOT_A_DEVIATION), reason, comment, who and when (ISO date-time). A report written with reviews has these as
 * extra columns after the others, so readers that go by column position keep working.
 */
public record ReviewNote(String status, String reason, String comment, String by, String at) {
    static final List<String> COLUMNS = List.of("Review", "ReviewReason", "ReviewComment", "ReviewedBy", "ReviewedAt");

    /** A deviation nobody has reviewed yet. */
    public static final ReviewNote NONE = new ReviewNote("OPEN", null, null, null, null);

    /** Looks up each deviation's verdict; never null (a deviation without one gets {@link #NONE}). */
    public interface Lookup extends Function<Deviation, ReviewNote> {}

    List<String> values() {
        return java.util.Arrays.asList(status, reason, comment, by, at);
    }
}
