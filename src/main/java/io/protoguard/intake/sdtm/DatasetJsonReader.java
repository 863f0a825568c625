package io.protoguard.intake.sdtm;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a CDISC Dataset-JSON 1.1 file with Jackson's streaming parser, one row at a time, checked against the
 * shipped schema (dataset.schema.json): its required members and their types, the columns' required members and
 * data types, each row's length and each value's type, and that {@code records} equals the rows read.
 * Rows that come before {@code columns} (allowed by JSON, unusual) are held until the columns are known.
 */
public final class DatasetJsonReader {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper TREES = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("^1\\.1(\\.(0|([1-9][0-9]*)))?$");
    private static final Pattern DATE_TIME = Pattern.compile(
            "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d)(\\.\\d+)?(([+-]([01]\\d|2[0-3]):[0-5]\\d)|Z)?$");
    private static final List<String> REQUIRED = List.of("datasetJSONCreationDateTime", "datasetJSONVersion", "itemGroupOID",
            "records", "name", "label", "columns");
    private static final Set<String> STRING_MEMBERS = Set.of("datasetJSONCreationDateTime", "datasetJSONVersion",
            "dbLastModifiedDateTime", "fileOID", "itemGroupOID", "label", "metaDataRef", "metaDataVersionOID", "name",
            "originator", "studyOID");
    private static final Set<String> DATA_TYPES = Set.of("string", "integer", "decimal", "float", "double", "boolean",
            "datetime", "date", "time", "URI");
    private static final Set<String> NUMERIC = Set.of("integer", "decimal", "float", "double");

    private record Column(String name, String dataType) {}

    private final String file;
    private final Map<String, Object> members = new LinkedHashMap<>();
    private List<Column> columns;
    private int rows;

    private DatasetJsonReader(String file) {
        this.file = file;
    }

    /** Reads every row into {@code sink}; returns the number of rows. */
    public static int read(String file, InputStream input, Consumer<SdtmRecord> sink) throws SdtmInputException {
        DatasetJsonReader r = new DatasetJsonReader(file);
        try (JsonParser p = FACTORY.createParser(input)) {
            return r.readAll(p, sink);
        } catch (JsonParseException e) {
            String where = "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            String why = e.getOriginalMessage();
            if (why.contains("end-of-input")) {
                throw r.fault(r.rows + 1, "is truncated: it ends at " + where + (r.columns == null ? "" : ", after " + r.rows + " rows"));
            }
            int cut = why.indexOf(" (start marker");
            if (cut < 0) cut = why.indexOf('\n');
            throw r.fault(r.rows == 0 ? null : r.rows + 1, "is not valid JSON at " + where + ": " + (cut < 0 ? why : why.substring(0, cut)));
        } catch (IOException e) {
            throw r.fault(null, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private int readAll(JsonParser p, Consumer<SdtmRecord> sink) throws IOException, SdtmInputException {
        if (p.nextToken() != JsonToken.START_OBJECT) throw fault(null, "is not a Dataset-JSON file (it does not start with a JSON object)");
        JsonNode earlyRows = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String member = p.currentName();
            JsonToken t = p.nextToken();
            if (member.equals("rows")) {
                if (t != JsonToken.START_ARRAY) throw fault(null, "member \"rows\" must be an array");
                if (columns == null) earlyRows = TREES.readTree(p);
                else streamRows(p, sink);
                members.put("rows", Boolean.TRUE);
            } else if (member.equals("columns")) {
                if (t != JsonToken.START_ARRAY) throw fault(null, "member \"columns\" must be an array");
                columns = columns(TREES.readTree(p));
                members.put("columns", Boolean.TRUE);
            } else if (member.equals("records")) {
                if (t != JsonToken.VALUE_NUMBER_INT || p.getLongValue() < 0) throw fault(null, "member \"records\" must be a non-negative integer");
                members.put(member, p.getLongValue());
            } else if (member.equals("sourceSystem")) {
                JsonNode n = TREES.readTree(p);
                if (!n.isObject() || !n.path("name").isTextual() || !n.path("version").isTextual())
                    throw fault(null, "member \"sourceSystem\" must be an object with text members \"name\" and \"version\"");
            } else if (STRING_MEMBERS.contains(member)) {
                if (t != JsonToken.VALUE_STRING) throw fault(null, "member \"" + member + "\" must be a string");
                members.put(member, p.getText());
            } else {
                throw fault(null, "has a member \"" + member + "\" that Dataset-JSON 1.1 does not define");
            }
        }
        for (String m : REQUIRED) if (!members.containsKey(m)) throw fault(null, "lacks the required member \"" + m + "\"");
        String version = (String) members.get("datasetJSONVersion");
        if (!VERSION.matcher(version).matches()) throw fault(null, "datasetJSONVersion \"" + version + "\" is not 1.1 (only Dataset-JSON 1.1 is read)");
        String created = (String) members.get("datasetJSONCreationDateTime");
        if (!DATE_TIME.matcher(created).matches()) throw fault(null, "datasetJSONCreationDateTime \"" + created + "\" is not an ISO 8601 date-time");
        if (earlyRows != null) {
            for (JsonNode row : earlyRows) record(TREES.treeAsTokens(row), sink, true);
        }
        long declared = (Long) members.get("records");
        if (declared != rows) throw fault(null, "declares " + declared + " records but holds " + rows + " rows");
        return rows;
    }

    private List<Column> columns(JsonNode array) throws SdtmInputException {
        List<Column> out = new ArrayList<>();
        int i = 0;
        for (JsonNode c : array) {
            i++;
            for (String m : List.of("itemOID", "name", "label", "dataType")) {
                if (!c.path(m).isTextual()) throw fault(null, "column " + i + " lacks the text member \"" + m + "\"");
            }
            String type = c.get("dataType").asText();
            if (!DATA_TYPES.contains(type)) throw fault(null, "column " + i + " (" + c.get("name").asText() + ") has dataType \"" + type + "\", not one of " + DATA_TYPES);
            out.add(new Column(c.get("name").asText(), type));
        }
        if (out.isEmpty()) throw fault(null, "has no columns");
        return out;
    }

    private void streamRows(JsonParser p, Consumer<SdtmRecord> sink) throws IOException, SdtmInputException {
        while (true) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) return;
            if (t == null) throw fault(rows + 1, "ends inside its rows");
            record(p, sink, false);
        }
    }

    /** One row: {@code p} is at the row's START_ARRAY (or, from a tree, before it). */
    private void record(JsonParser p, Consumer<SdtmRecord> sink, boolean fromTree) throws IOException, SdtmInputException {
        JsonToken t = fromTree ? p.nextToken() : p.currentToken();
        int row = rows + 1;
        if (t != JsonToken.START_ARRAY) throw fault(row, "row " + row + " is not an array of values");
        Map<String, Object> values = new LinkedHashMap<>();
        int i = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) throw fault(row, "ends inside row " + row);
            if (i >= columns.size()) throw fault(row, "row " + row + " has more values than the " + columns.size() + " columns");
            Column c = columns.get(i++);
            values.put(c.name, value(p, t, c, row));
        }
        if (i < columns.size()) throw fault(row, "row " + row + " has " + i + " values for " + columns.size() + " columns");
        rows = row;
        String domain = (String) members.getOrDefault("name", "");
        sink.accept(new SdtmRecord(file, domain.toUpperCase(), row, values));
    }

    private Object value(JsonParser p, JsonToken t, Column c, int row) throws IOException, SdtmInputException {
        if (t == JsonToken.VALUE_NULL) return NUMERIC.contains(c.dataType) ? null : "";
        if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) throw wrongType(c, row, "a nested " + (t == JsonToken.START_ARRAY ? "array" : "object"));
        switch (c.dataType) {
            case "integer" -> {
                if (t != JsonToken.VALUE_NUMBER_INT) throw wrongType(c, row, p.getText());
                return p.getDoubleValue();
            }
            case "float", "double" -> {
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) throw wrongType(c, row, p.getText());
                return p.getDoubleValue();
            }
            case "decimal" -> { // written as a string in 1.1, to keep its exact digits; a number is accepted
                if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
                if (t != JsonToken.VALUE_STRING) throw wrongType(c, row, p.getText());
                if (p.getText().isBlank()) return null;
                try {
                    return Double.parseDouble(p.getText().trim());
                } catch (NumberFormatException e) {
                    throw wrongType(c, row, "\"" + p.getText() + "\"");
                }
            }
            case "boolean" -> {
                if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) throw wrongType(c, row, p.getText());
                return t == JsonToken.VALUE_TRUE ? "Y" : "N";
            }
            default -> {
                if (t != JsonToken.VALUE_STRING) throw wrongType(c, row, p.getText());
                return p.getText().stripTrailing();
            }
        }
    }

    private SdtmInputException wrongType(Column c, int row, String found) {
        return fault(row, "row " + row + ", column " + c.name + ": " + found + " is not a value of dataType " + c.dataType);
    }

    private SdtmInputException fault(Integer record, String message) {
        return new SdtmInputException(file, record, file + ": " + message);
    }
}
