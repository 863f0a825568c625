package io.protoguard.pdlog;

import io.protoguard.report.SpreadsheetCells;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The PD log as CSV: UTF-8 with a byte-order mark (Excel reads accents right), RFC 4180, formula-guarded cells. */
public final class PdLogCsv {
    private PdLogCsv() {}

    /** Writes the rows; flushes {@code out} and leaves it open for the caller to close. */
    public static void write(List<PdLogRow> rows, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        w.write('\uFEFF');
        SpreadsheetCells.csvRecord(w, PdLogRow.COLUMNS);
        for (PdLogRow r : rows) SpreadsheetCells.csvRecord(w, r.cells());
        w.flush();
        out.flush();
    }
}
