package io.protoguard.report;

import io.protoguard.model.Category;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.Outcome;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/** CheckResult values for the report tests. */
final class Fixtures {

    static final ProtocolInfo PROTOCOL =
            new ProtocolInfo("sivelestat-evt", "Sivelestat with EVT", "2.0", LocalDate.of(2025, 6, 1));
    static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);

    private Fixtures() {}

    static Deviation dev(String subject, Category c, Severity s, String rule, String visit, LocalDate on,
                         String message, String expected, String actual, String citation, SourceRef src) {
        return new Deviation(subject, c, s, rule, visit, on, message, expected, actual, citation,
                citation == null ? null : "PROTOCOL", src, "2.0");
    }

    /** Three deviations over two of five subjects, one input error, one warning, two outcomes. */
    static CheckResult sample() {
        return new CheckResult(PROTOCOL, AS_OF, 5,
                List.of(new InputError("data.xlsx", "Assessments", 14, "PerformedAt", "D14",
                        "\"2026-13-01\" is not a date-time")),
                List.of(new InputError("data.xlsx", "Subjects", null, "Colour", null, "unknown column, ignored")),
                List.of(
                        dev("S-001", Category.ELIGIBILITY, Severity.IMPORTANT, "ELIG-LVO", null,
                                LocalDate.of(2026, 1, 2), "LVO criterion not met", "Y", "N",
                                "Large vessel occlusion confirmed by CTA/MRA", new SourceRef("data.xlsx", "Criteria", 4)),
                        dev("S-001", Category.VISIT_WINDOW, Severity.NON_IMPORTANT, "SCHED-H48", "H48",
                                LocalDate.of(2026, 1, 5), "NIHSS at H48 done 70 h after randomization",
                                "36 h to 60 h", "70 h", "NIHSS at 48 h \u00b1 12 h", new SourceRef("data.xlsx", "Assessments", 7)),
                        dev("S-003", Category.ELIGIBILITY, Severity.IMPORTANT, "ELIG-EVT", null,
                                LocalDate.of(2026, 1, 9), "EVT criterion not recorded", "Y", null, null, null)),
                List.of(new Outcome("S-001", "MRS_0_2", "Y", "mRS 2 at D90"),
                        new Outcome("S-003", "DEATH_D90", "N", null)));
    }

    static CheckResult empty() {
        return new CheckResult(PROTOCOL, AS_OF, 4, List.of(), List.of(), List.of(), List.of());
    }

    static CheckResult withDeviations(List<Deviation> deviations) {
        return new CheckResult(PROTOCOL, AS_OF, 3, List.of(), List.of(), deviations, List.of());
    }

    static byte[] render(ReportWriter w, CheckResult r) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        w.write(r, out);
        return out.toByteArray();
    }

    /** Records whether close() was called, as System.out must never be closed by a writer. */
    static final class CloseRecorder extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean closed;
        boolean flushed;

        @Override
        public void write(int b) {
            if (closed) throw new IllegalStateException("written after close");
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (closed) throw new IllegalStateException("written after close");
            bytes.write(b, off, len);
        }

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
