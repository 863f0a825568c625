package io.protoguard.intake.sdtm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one SDTM domain as CSV: a header row of SDTM variable names, one record per row (RFC 4180 quoting, a
 * field may span lines). The domain is the file's name without ".csv" (dm.csv = DM). UTF-8, BOM or not; a file
 * that is not UTF-8 is read as Windows-1252. All values are text; numbers are read where the mapping needs them.
 */
public final class SdtmCsvReader {
    /** Returned for a CSV file without STUDYID, DOMAIN or USUBJID: not an SDTM dataset (e.g. a scenario's expected.csv). */
    public static final int NOT_SDTM = -1;

    private SdtmCsvReader() {}

    public static int read(String file, InputStream input, Consumer<SdtmRecord> sink) throws SdtmInputException {
        String text;
        try {
            text = decode(input.readAllBytes());
        } catch (IOException e) {
            throw new SdtmInputException(file, null, file + ": cannot be read (" + e.getMessage() + ")");
        }
        String domain = file.replaceAll("(?i)\\.csv$", "").replaceAll(".*[/\\\\]", "").toUpperCase();
        try (Reader r = new BufferedReader(new java.io.StringReader(text))) {
            List<String> header = next(r, file, 0);
            if (header == null) throw new SdtmInputException(file, null, file + ": is empty (a header row of SDTM variable names is expected)");
            List<String> names = header.stream().map(h -> h.trim().toUpperCase()).toList();
            if (!names.contains("STUDYID") && !names.contains("DOMAIN") && !names.contains("USUBJID")) return NOT_SDTM;
            int row = 0;
            for (List<String> fields = next(r, file, 1); fields != null; fields = next(r, file, row + 1)) {
                if (fields.size() == 1 && fields.get(0).isBlank()) continue; // an empty line
                row++;
                if (fields.size() > names.size())
                    throw new SdtmInputException(file, row, file + ": record " + row + " has " + fields.size() + " fields for " + names.size() + " columns");
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 0; i < names.size(); i++) values.put(names.get(i), i < fields.size() ? fields.get(i).strip() : "");
                sink.accept(new SdtmRecord(file, domain, row, values));
            }
            return row;
        } catch (IOException e) {
            throw new SdtmInputException(file, null, file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** The next record's fields, or null at the end; a quote left open to the end of the file is an error. */
    private static List<String> next(Reader r, String file, int record) throws IOException, SdtmInputException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false;
        int c;
        while ((c = r.read()) >= 0) {
            any = true;
            if (quoted) {
                if (c == '"') {
                    r.mark(1);
                    int d = r.read();
                    if (d == '"') field.append('"');
                    else {
                        quoted = false;
                        if (d >= 0) r.reset();
                    }
                } else field.append((char) c);
            } else if (c == '"') quoted = true;
            else if (c == ',') { fields.add(field.toString()); field.setLength(0); }
            else if (c == '\n') break;
            else if (c != '\r') field.append((char) c);
        }
        if (quoted) throw new SdtmInputException(file, record, file + ": record " + record + " opens a quote that never closes");
        if (!any) return null;
        fields.add(field.toString());
        return fields;
    }
}
