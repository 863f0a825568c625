package io.protoguard.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.Outcome;
import io.protoguard.model.ProtocolInfo;
import io.protoguard.model.SourceRef;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

/**
 * The machine-readable report (SPEC section 7): exactly one JSON object, keys in a fixed order, null
 * values written as {@code null}, deviations in the order given, then a newline.
 */
public final class JsonReport implements ReportWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final ReviewNote.Lookup reviews;

    public JsonReport() {
        this(null);
    }

    /** With each deviation's review as a {@code review} member; null for none. */
    public JsonReport(ReviewNote.Lookup reviews) {
        this.reviews = reviews;
    }

    @Override
    public void write(CheckResult r, OutputStream out) throws IOException {
        write(r, r.deviations(), r.outcomes(), out);
    }

    @Override
    public void write(CheckResult r, Iterable<Deviation> deviations, Iterable<Outcome> outcomes, OutputStream out)
            throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(new NonClosingOutputStream(out), JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            protocol(g, r.protocol());
            g.writeStringField("asOf", date(r.asOf()));
            g.writeNumberField("subjects", r.subjects());
            inputErrors(g, "inputErrors", r.inputErrors());
            inputErrors(g, "warnings", r.warnings());
            g.writeArrayFieldStart("deviations");
            for (Deviation d : deviations) deviation(g, d, reviews);
            g.writeEndArray();
            g.writeArrayFieldStart("outcomes");
            for (Outcome o : outcomes) {
                g.writeStartObject();
                g.writeStringField("subjectId", o.subjectId());
                g.writeStringField("name", o.name());
                g.writeStringField("value", o.value());
                g.writeStringField("basis", o.basis());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeRaw('\n');
        }
        out.flush();
    }

    private static void protocol(JsonGenerator g, ProtocolInfo p) throws IOException {
        if (p == null) {
            g.writeNullField("protocol");
            return;
        }
        g.writeObjectFieldStart("protocol");
        g.writeStringField("id", p.id());
        g.writeStringField("version", p.version());
        g.writeEndObject();
    }

    private static void inputErrors(JsonGenerator g, String key, List<InputError> errors) throws IOException {
        g.writeArrayFieldStart(key);
        for (InputError e : errors) {
            g.writeStartObject();
            g.writeStringField("file", e.file());
            g.writeStringField("sheet", e.sheet());
            writeInteger(g, "row", e.row());
            g.writeStringField("column", e.column());
            g.writeStringField("cell", e.cell());
            g.writeStringField("message", e.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void deviation(JsonGenerator g, Deviation d, ReviewNote.Lookup reviews) throws IOException {
        g.writeStartObject();
        g.writeStringField("subjectId", d.subjectId());
        g.writeStringField("category", d.category() == null ? null : d.category().name());
        g.writeStringField("severity", d.severity() == null ? null : d.severity().name());
        g.writeStringField("ruleId", d.ruleId());
        g.writeStringField("visit", d.visit());
        g.writeStringField("occurredOn", date(d.occurredOn()));
        g.writeStringField("message", d.message());
        g.writeStringField("expected", d.expected());
        g.writeStringField("actual", d.actual());
        g.writeStringField("citation", d.citation());
        g.writeStringField("citationSource", d.citationSource());
        SourceRef s = d.source();
        if (s == null) {
            g.writeNullField("source");
        } else {
            g.writeObjectFieldStart("source");
            g.writeStringField("file", s.file());
            g.writeStringField("sheet", s.sheet());
            if (s.domain() != null) g.writeStringField("domain", s.domain());
            g.writeNumberField("row", s.row());
            if (s.seq() != null) g.writeNumberField("seq", s.seq());
            g.writeEndObject();
        }
        g.writeStringField("protocolVersion", d.protocolVersion());
        if (reviews != null) {
            ReviewNote n = reviews.apply(d);
            g.writeObjectFieldStart("review");
            g.writeStringField("status", n.status());
            g.writeStringField("reason", n.reason());
            g.writeStringField("comment", n.comment());
            g.writeStringField("by", n.by());
            g.writeStringField("at", n.at());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void writeInteger(JsonGenerator g, String key, Integer value) throws IOException {
        if (value == null) g.writeNullField(key);
        else g.writeNumberField(key, value);
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
