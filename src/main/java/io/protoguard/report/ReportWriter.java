package io.protoguard.report;

import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.Outcome;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one {@link CheckResult} in one format. Implementations flush {@code out} but never close it, so
 * {@code System.out} can be passed.
 */
public interface ReportWriter {
    void write(CheckResult result, OutputStream out) throws IOException;

    /**
     * Writes a result whose deviations and outcomes arrive as a stream (already in report order); {@code head}
     * carries everything else. Formats that can write rows as they come override this to keep memory flat;
     * the others (text, xlsx) gather the lists first, since their output holds them whole anyway.
     */
    default void write(CheckResult head, Iterable<Deviation> deviations, Iterable<Outcome> outcomes, OutputStream out)
            throws IOException {
        List<Deviation> d = new ArrayList<>();
        deviations.forEach(d::add);
        List<Outcome> o = new ArrayList<>();
        outcomes.forEach(o::add);
        write(new CheckResult(head.protocol(), head.asOf(), head.subjects(), head.inputErrors(), head.warnings(), d, o), out);
    }
}
