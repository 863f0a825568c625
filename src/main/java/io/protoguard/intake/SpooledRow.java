package io.protoguard.intake;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

/**
 * A data row kept between reading a sheet and assembling its subject: the SubjectId it belongs to ("" when
 * blank), the sheet it came from (by reading order), its row number and its cells by column position.
 */
record SpooledRow(String subjectKey, int sheetOrder, int row, String[] cells) {

    /** Subject first (the merge groups by it), then file order: sheet as read, row as numbered. */
    static final Comparator<SpooledRow> ORDER = Comparator.comparing(SpooledRow::subjectKey)
            .thenComparingInt(SpooledRow::sheetOrder).thenComparingInt(SpooledRow::row);

    void writeTo(DataOutputStream out) throws IOException {
        writeString(out, subjectKey);
        out.writeInt(sheetOrder);
        out.writeInt(row);
        out.writeInt(cells.length);
        for (String c : cells) writeString(out, c);
    }

    /** Returns null at the end of the run. */
    static SpooledRow readFrom(DataInputStream in) throws IOException {
        String key;
        try {
            key = readString(in);
        } catch (java.io.EOFException end) {
            return null;
        }
        int sheetOrder = in.readInt();
        int row = in.readInt();
        String[] cells = new String[in.readInt()];
        for (int i = 0; i < cells.length; i++) cells[i] = readString(in);
        return new SpooledRow(key, sheetOrder, row, cells);
    }

    // writeUTF stops at 64 KB; a cell may be longer, so length-prefixed UTF-8 (-1 for an absent cell).
    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) return null;
        byte[] b = in.readNBytes(n);
        if (b.length < n) throw new java.io.EOFException("truncated spool file");
        return new String(b, StandardCharsets.UTF_8);
    }
}
