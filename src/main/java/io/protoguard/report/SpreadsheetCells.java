package io.protoguard.report;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The report's cell rules for other exports (the PD log): one CSV record with OWASP's leading-character guard
 * (SPEC section 8), and XLSX text as written, cut only at Excel's cell limit.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {}

    /** One RFC 4180 record, CRLF-terminated, every field neutralised against formula injection. */
    public static void csvRecord(Writer w, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) w.write(',');
            CsvReport.field(w, CellText.neutralise(fields.get(i)));
        }
        w.write("\r\n");
    }

    /** XLSX text as written (no quote prefix), shortened only past Excel's 32,767 characters. */
    public static String xlsxText(String s) {
        return CellText.truncate(s, CellText.XLSX_MAX);
    }
}
