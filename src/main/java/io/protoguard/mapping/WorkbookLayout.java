package io.protoguard.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A workbook-style layout (one sheet or CSV file per kind of fact) mapped onto the data workbook of SPEC
 * section 3: which sheet holds each of Subjects, Criteria, Assessments, Doses, Events, which column holds each
 * of their columns, and how its dates are written. The shipped {@code mappings/workbook.yaml} is the identity;
 * {@code mappings/edc-listing-example.yaml} an EDC listing export. docs/mapping.md explains the keys.
 *
 * @param dateTimeFormats java.time patterns tried in order on every date column ("dd-MMM-yyyy HH:mm"); a value
 *                        none of them reads is passed on as written (ISO 8601 is always understood)
 */
public record WorkbookLayout(String name, String kind, List<String> dateTimeFormats, List<Sheet> sheets) {

    /** {@code sheet}: the SPEC's sheet name; {@code from}: the name in the data; {@code columns}: SPEC column -> data column. */
    public record Sheet(String sheet, String from, Map<String, String> columns) {}

    /** The SPEC's date columns, the ones {@code dateTimeFormats} apply to. */
    public static final List<String> DATE_COLUMNS = List.of("ConsentAt", "OnsetAt", "RandomizedAt", "DischargedAt", "DiedAt",
            "WithdrawnAt", "PerformedAt", "StartAt", "EndAt", "DetectedAt", "ReportedSaeAt");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static WorkbookLayout load(Path file) throws SdtmMapping.MappingException {
        try (InputStream in = Files.newInputStream(file)) {
            WorkbookLayout l = YAML.readValue(in, WorkbookLayout.class);
            if (l.sheets() == null || l.sheets().isEmpty()) throw new SdtmMapping.MappingException(file.getFileName() + ": no sheets");
            for (DateTimeFormatter ignored : l.formatters()) { /* a bad pattern fails here, not while reading data */ }
            return l;
        } catch (UnrecognizedPropertyException e) {
            throw new SdtmMapping.MappingException(file.getFileName() + ", line " + e.getLocation().getLineNr() + ": unknown key \""
                    + e.getPropertyName() + "\" (known: " + e.getKnownPropertyIds() + ")");
        } catch (IllegalArgumentException e) {
            throw new SdtmMapping.MappingException(file.getFileName() + ": dateTimeFormats: " + e.getMessage());
        } catch (IOException e) {
            throw new SdtmMapping.MappingException(file.getFileName() + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
        }
    }

    /** Case-insensitive month names (01-MAR-2026), as EDC exports write them. */
    public List<DateTimeFormatter> formatters() {
        List<DateTimeFormatter> out = new ArrayList<>();
        if (dateTimeFormats != null) {
            for (String p : dateTimeFormats) {
                out.add(new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH));
            }
        }
        return out;
    }

    public Sheet byData(String dataSheet) {
        for (Sheet s : sheets) if (s.from() != null && s.from().equalsIgnoreCase(dataSheet.trim())) return s;
        return null;
    }

    public Sheet bySpec(String specSheet) {
        for (Sheet s : sheets) if (s.sheet().equalsIgnoreCase(specSheet)) return s;
        return null;
    }

    /** What kind a mapping file is: "workbook" (this class) or "sdtm" (the default). */
    public static boolean isWorkbookLayout(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).anyMatch(l -> l.matches("kind:\\s*workbook\\s*(#.*)?"));
    }
}
