package io.protoguard.cli;

import io.protoguard.model.CheckResult;
import io.protoguard.model.InputError;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.report.JsonReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

/**
 * The one JSON object of SPEC section 8 for a check that ends before a report: {@code protocol} null when it
 * could not be loaded, the reasons as {@code inputErrors}, no subjects and no deviations.
 */
final class JsonErrors {
    private JsonErrors() {}

    static void print(ProtocolInfo protocol, LocalDate asOf, List<InputError> errors) {
        try {
            new JsonReport().write(new CheckResult(protocol, asOf, 0, errors, List.of(), List.of(), List.of()), System.out);
            System.out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
