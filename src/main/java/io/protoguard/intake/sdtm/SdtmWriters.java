package io.protoguard.intake.sdtm;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes SDTM domains as SAS XPORT v5, Dataset-JSON 1.1 or CSV: to hand the same study to each reader (the
 * format-equivalence test, the benchmarks' generated studies). Variables are given with their type and length.
 */
public final class SdtmWriters {
    private SdtmWriters() {}

    /** A variable; {@code length} is the byte length in XPT (8 for numbers unless shortened). */
    public record Variable(String name, boolean numeric, int length) {}

    /** One domain: its name (the member name, at most 8 characters), label, variables and rows (Double/null or String). */
    public record Domain(String name, String label, List<Variable> variables, List<List<Object>> rows) {}

    private static final Charset TEXT = Charset.forName("windows-1252");

    public static void xpt(List<Domain> members, OutputStream out) throws IOException {
        String stamp = "01JAN15:00:00:00";
        record80(out, "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000");
        record80(out, pad("SAS", 8) + pad("SAS", 8) + pad("SASLIB", 8) + pad("9.4", 8) + pad("X64_7PRO", 8) + pad("", 24) + stamp);
        record80(out, stamp);
        for (Domain d : members) {
            record80(out, "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140");
            record80(out, "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000");
            record80(out, pad("SAS", 8) + pad(d.name(), 8) + pad("SASDATA", 8) + pad("9.4", 8) + pad("X64_7PRO", 8) + pad("", 24) + stamp);
            record80(out, stamp + pad("", 16) + pad(d.label(), 40) + pad("", 8));
            record80(out, "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000" + String.format("%04d", d.variables().size()) + "00000000000000000000");
            byte[] namestrs = new byte[d.variables().size() * 140];
            int position = 0;
            for (int i = 0; i < d.variables().size(); i++) {
                Variable v = d.variables().get(i);
                int o = i * 140;
                short16(namestrs, o, v.numeric() ? 1 : 2);
                short16(namestrs, o + 4, v.length());
                short16(namestrs, o + 6, i + 1);
                put(namestrs, o + 8, pad(v.name(), 8));
                put(namestrs, o + 16, pad(v.name(), 40));
                put(namestrs, o + 24 + 32, pad("", 8));
                int32(namestrs, o + 84, position);
                position += v.length();
            }
            out.write(namestrs);
            padTo80(out, namestrs.length);
            record80(out, "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000");
            long written = 0;
            byte[] obs = new byte[position];
            for (List<Object> row : d.rows()) {
                int p = 0;
                for (int i = 0; i < d.variables().size(); i++) {
                    Variable v = d.variables().get(i);
                    Object value = row.get(i);
                    if (v.numeric()) {
                        System.arraycopy(IbmFloat.encode(value == null ? null : ((Number) value).doubleValue()), 0, obs, p, v.length());
                    } else {
                        byte[] text = (value == null ? "" : value.toString()).getBytes(TEXT);
                        Arrays.fill(obs, p, p + v.length(), (byte) ' ');
                        System.arraycopy(text, 0, obs, p, Math.min(text.length, v.length()));
                    }
                    p += v.length();
                }
                out.write(obs);
                written += obs.length;
            }
            padTo80(out, written);
        }
    }

    public static void datasetJson(Domain d, OutputStream out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeStringField("datasetJSONCreationDateTime", "2015-01-01T00:00:00");
            g.writeStringField("datasetJSONVersion", "1.1.0");
            g.writeStringField("itemGroupOID", "IG." + d.name());
            g.writeNumberField("records", d.rows().size());
            g.writeStringField("name", d.name());
            g.writeStringField("label", d.label());
            g.writeArrayFieldStart("columns");
            for (Variable v : d.variables()) {
                g.writeStartObject();
                g.writeStringField("itemOID", "IT." + d.name() + "." + v.name());
                g.writeStringField("name", v.name());
                g.writeStringField("label", v.name());
                g.writeStringField("dataType", v.numeric() ? "double" : "string");
                if (!v.numeric()) g.writeNumberField("length", v.length());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("rows");
            for (List<Object> row : d.rows()) {
                g.writeStartArray();
                for (int i = 0; i < row.size(); i++) {
                    Object value = row.get(i);
                    if (value == null) g.writeNull();
                    else if (d.variables().get(i).numeric()) g.writeNumber(((Number) value).doubleValue());
                    else g.writeString(value.toString());
                }
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    public static void csv(Domain d, Writer out) throws IOException {
        out.write(String.join(",", d.variables().stream().map(Variable::name).toList()));
        out.write('\n');
        for (List<Object> row : d.rows()) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) line.append(',');
                Object value = row.get(i);
                String text = value == null ? "" : value instanceof Double n ? number(n) : value.toString();
                if (text.contains(",") || text.contains("\"") || text.contains("\n")) text = '"' + text.replace("\"", "\"\"") + '"';
                line.append(text);
            }
            out.write(line.append('\n').toString());
        }
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static void record80(OutputStream out, String text) throws IOException {
        out.write(pad(text, 80).getBytes(StandardCharsets.US_ASCII));
    }

    private static void padTo80(OutputStream out, long written) throws IOException {
        int rest = (int) ((80 - written % 80) % 80);
        byte[] blanks = new byte[rest];
        Arrays.fill(blanks, (byte) ' ');
        out.write(blanks);
    }

    private static String pad(String s, int n) {
        String t = s == null ? "" : s;
        return t.length() >= n ? t.substring(0, n) : t + " ".repeat(n - t.length());
    }

    private static void put(byte[] b, int o, String s) {
        byte[] t = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, b, o, t.length);
    }

    private static void short16(byte[] b, int o, int v) {
        b[o] = (byte) (v >> 8);
        b[o + 1] = (byte) v;
    }

    private static void int32(byte[] b, int o, int v) {
        b[o] = (byte) (v >> 24);
        b[o + 1] = (byte) (v >> 16);
        b[o + 2] = (byte) (v >> 8);
        b[o + 3] = (byte) v;
    }
}
