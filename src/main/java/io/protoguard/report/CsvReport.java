package io.protoguard.report;

import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.SourceRef;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The deviation list as RFC 4180 CSV (CRLF, quoted where needed), UTF-8 with a byte-order mark so Excel
 * reads accents right; text cells are neutralised against formula injection. Input errors are not in it.
 */
public final class CsvReport implements ReportWriter {

    /**
     * The columns, shared with the XLSX "Deviations" sheet. SourceDomain and SourceSeq (SDTM only, empty for
     * workbook rows) come last so the positions of the older columns stay put for anyone reading them by index.
     */
    static final List<String> COLUMNS = List.of("SubjectId", "Category", "Severity", "RuleId", "Visit",
            "OccurredOn", "Message", "Expected", "Actual", "Citation", "SourceFile", "SourceSheet", "SourceRow",
            "ProtocolVersion", "CitationSource", "SourceDomain", "SourceSeq");

    private final ReviewNote.Lookup reviews;

    public CsvReport() {
        this(null);
    }

    /** With each deviation's review as the last five columns ({@link ReviewNote#COLUMNS}); null for none. */
    public CsvReport(ReviewNote.Lookup reviews) {
        this.reviews = reviews;
    }

    /** The header: the deviation columns, then the review columns when reviews are written. */
    List<String> columns() {
        if (reviews == null) return COLUMNS;
        List<String> all = new java.util.ArrayList<>(COLUMNS);
        all.addAll(ReviewNote.COLUMNS);
        return all;
    }

    @Override
    public void write(CheckResult r, OutputStream out) throws IOException {
        write(r, r.deviations(), r.outcomes(), out);
    }

    @Override
    public void write(CheckResult r, Iterable<Deviation> deviations, Iterable<io.protoguard.model.Outcome> outcomes,
                      OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8));
        w.write('\uFEFF');
        row(w, columns());
        for (Deviation d : deviations) {
            SourceRef s = d.source();
            List<String> fields = new java.util.ArrayList<>(java.util.Arrays.asList(
                    CellText.neutralise(d.subjectId()),
                    d.category() == null ? null : d.category().name(),
                    d.severity() == null ? null : d.severity().name(),
                    CellText.neutralise(d.ruleId()),
                    CellText.neutralise(d.visit()),
                    d.occurredOn() == null ? null : d.occurredOn().toString(),
                    CellText.neutralise(d.message()),
                    CellText.neutralise(d.expected()),
                    CellText.neutralise(d.actual()),
                    CellText.neutralise(d.citation()),
                    s == null ? null : CellText.neutralise(s.file()),
                    s == null ? null : CellText.neutralise(s.sheet()),
                    s == null ? null : Integer.toString(s.row()),
                    CellText.neutralise(d.protocolVersion()),
                    d.citationSource(),
                    s == null ? null : CellText.neutralise(s.domain()),
                    s == null || s.seq() == null ? null : s.seq().toString()));
            if (reviews != null) {
                for (String v : reviews.apply(d).values()) fields.add(CellText.neutralise(v));
            }
            row(w, fields);
        }
        w.flush();
        out.flush();
    }

    private static void row(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            field(w, fields.get(i));
        }
        w.write("\r\n");
    }

    /** RFC 4180: a field holding a comma, quote or line break is quoted, quotes doubled; null is empty. */
    static void field(Writer w, String s) throws IOException {
        if (s == null) return;
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            w.write(s);
            return;
        }
        w.write('"');
        w.write(s.replace("\"", "\"\""));
        w.write('"');
    }
}
