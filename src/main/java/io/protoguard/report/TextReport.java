package io.protoguard.report;

import io.protoguard.model.Category;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal report: a header line, input errors and warnings, deviations grouped by subject in aligned
 * columns, and a summary. No colours; control characters in data are blanked so a cell cannot drive the
 * terminal.
 */
public final class TextReport implements ReportWriter {

    static final int CITATION_MAX = 100;
    private static final String NL = System.lineSeparator();

    @Override
    public void write(CheckResult r, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(new NonClosingOutputStream(out), StandardCharsets.UTF_8));
        ProtocolInfo p = r.protocol();
        line(w, "protoguard check: " + (p == null ? "(no protocol)" : clean(p.id()) + " " + clean(p.version()))
                + " as of " + (r.asOf() == null ? "-" : r.asOf()) + ": " + r.subjects() + " " + plural(r.subjects(), "subject"));
        errors(w, "Input errors", r.inputErrors());
        errors(w, "Warnings", r.warnings());
        deviations(w, r.deviations());
        summary(w, r);
        w.flush();
        out.flush();
    }

    private static void errors(Writer w, String heading, List<InputError> errors) throws IOException {
        if (errors.isEmpty()) return;
        line(w, "");
        line(w, heading + " (" + errors.size() + "):");
        for (InputError e : errors) line(w, "  " + CellText.oneLine(e.describe(), ""));
    }

    private static void deviations(Writer w, List<Deviation> deviations) throws IOException {
        if (deviations.isEmpty()) {
            line(w, "");
            line(w, "No deviations.");
            return;
        }
        int catWidth = 0, visitWidth = 1, dateWidth = 1, ruleWidth = 1;
        Map<String, List<Deviation>> bySubject = new LinkedHashMap<>();
        for (Deviation d : deviations) {
            bySubject.computeIfAbsent(Tally.subjectKey(d.subjectId()), k -> new ArrayList<>()).add(d);
            catWidth = Math.max(catWidth, category(d).length());
            visitWidth = Math.max(visitWidth, clean(d.visit()).length());
            dateWidth = Math.max(dateWidth, date(d).length());
            ruleWidth = Math.max(ruleWidth, clean(d.ruleId()).length());
        }
        String format = "  %s %-" + catWidth + "s  %-" + visitWidth + "s  %-" + dateWidth + "s  %-" + ruleWidth + "s  %s";
        for (Map.Entry<String, List<Deviation>> e : bySubject.entrySet()) {
            List<Deviation> list = e.getValue();
            line(w, "");
            line(w, "Subject " + CellText.oneLine(e.getKey(), "-") + " (" + list.size() + " "
                    + plural(list.size(), "deviation") + ")");
            for (Deviation d : list) {
                line(w, String.format(format, d.severity() == Severity.NON_IMPORTANT ? "." : "!", category(d),
                        clean(d.visit()), date(d), clean(d.ruleId()), clean(d.message())).stripTrailing());
                line(w, "      expected: " + clean(d.expected()) + " | actual: " + clean(d.actual())
                        + " | source: " + source(d.source()));
                if (d.citation() != null && !d.citation().isBlank()) {
                    String from = d.citationSource() == null ? "" : " (" + d.citationSource() + ")";
                    line(w, "      cite" + from + ": \"" + CellText.truncate(clean(d.citation()), CITATION_MAX) + "\"");
                }
            }
        }
    }

    private static void summary(Writer w, CheckResult r) throws IOException {
        Tally t = new Tally(r.deviations());
        int n = r.deviations().size();
        int errors = r.inputErrors().size();
        StringBuilder s = new StringBuilder()
                .append(n).append(' ').append(plural(n, "deviation"))
                .append(" (").append(t.important()).append(" important, ").append(t.nonImportant()).append(" non-important)")
                .append(" in ").append(t.bySubject.size()).append(" of ").append(r.subjects()).append(' ')
                .append(plural(r.subjects(), "subject"))
                .append("; ").append(errors).append(' ').append(plural(errors, "input error"));
        if (!r.warnings().isEmpty()) {
            s.append("; ").append(r.warnings().size()).append(' ').append(plural(r.warnings().size(), "warning"));
        }
        line(w, "");
        line(w, s.toString());
        List<String> parts = new ArrayList<>();
        for (Category c : Category.values()) {
            int count = Tally.sum(t.byCategory.get(c));
            if (count > 0) parts.add(c.name() + " " + count);
        }
        if (!parts.isEmpty()) line(w, "by category: " + String.join(", ", parts));
    }

    private static String category(Deviation d) {
        return d.category() == null ? "-" : d.category().name();
    }

    private static String date(Deviation d) {
        return d.occurredOn() == null ? "-" : d.occurredOn().toString();
    }

    private static String source(SourceRef s) {
        if (s == null) return "-";
        if (s.domain() != null) return s.toString(); // SDTM: "sv.xpt SV record 12 (SVSEQ 3)"
        return clean(s.file()) + " " + clean(s.sheet()) + " row " + s.row();
    }

    private static String clean(String s) {
        return CellText.oneLine(s, "-");
    }

    private static String plural(int n, String word) {
        return n == 1 ? word : word + "s";
    }

    private static void line(Writer w, String s) throws IOException {
        w.write(s);
        w.write(NL);
    }
}
