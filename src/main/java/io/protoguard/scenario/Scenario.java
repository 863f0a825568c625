package io.protoguard.scenario;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A scenario folder under {@code test-scenarios/<protocol>/}: its data (CSV files or one .xlsx), the
 * as-of date and time zone ({@code scenario.properties}) and the deviations it must produce
 * ({@code expected.csv}: SubjectId, Category, RuleId, Visit, OccurredOn), nothing more and nothing less.
 */
public record Scenario(String name, Path folder, Path data, String description, LocalDate asOf, ZoneId zone,
                       List<ExpectedDeviation> expected, int expectedInputErrors, boolean versioned) {

    /**
     * The identity of a deviation a scenario pins down; messages may be reworded freely. The protocol
     * version is compared only when expected.csv has a ProtocolVersion column (amendment scenarios).
     */
    public record ExpectedDeviation(String subjectId, String category, String ruleId, String visit, String occurredOn,
                                    String protocolVersion) {
        @Override
        public String toString() {
            return String.join(",", subjectId, category, ruleId, visit == null ? "" : visit,
                    occurredOn == null ? "" : occurredOn) + (protocolVersion == null ? "" : "," + protocolVersion);
        }
    }
}
