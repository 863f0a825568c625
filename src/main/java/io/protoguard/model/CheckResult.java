package io.protoguard.model;

import java.time.LocalDate;
import java.util.List;

/** Everything one check produced: what reports write and what the exit status is computed from. */
public record CheckResult(ProtocolInfo protocol, LocalDate asOf, int subjects, List<InputError> inputErrors,
                          List<InputError> warnings, List<Deviation> deviations, List<Outcome> outcomes) {

    public CheckResult {
        inputErrors = List.copyOf(inputErrors);
        warnings = List.copyOf(warnings);
        deviations = List.copyOf(deviations);
        outcomes = List.copyOf(outcomes);
    }
}
