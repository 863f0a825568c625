package io.protoguard.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tells, from the bytes alone, whether a CSV file's data rows are already in SubjectId order, so that intake
 * can merge the files as it reads them instead of sorting them on disk first. Only a plain file qualifies:
 * ASCII, no quote character, no lone CR, a SubjectId column in the header, and every key free of white space
 * and control characters (so the key as intake trims it is the bytes as written, and byte order is String
 * order). Anything else, or any doubt, answers false, and the file takes the general path (RowSpool).
 */
final class SortedCsvScan {
    private SortedCsvScan() {}

    static boolean isSorted(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new SortedCsvScan.Scanner(in).sorted();
        } catch (IOException e) {
            return false; // the read proper will report it
        }
    }

    private static final class Scanner {
        private final InputStream in;
        private final byte[] buf = new byte[1 << 16];
        private int pos, filled;
        private byte[] line = new byte[256];
        private int length;
        private char delimiter;
        private int keyColumn = -1;
        private long bytesBeforeHeader;
        private byte[] previousKey = new byte[0];

        Scanner(InputStream in) {
            this.in = in;
        }

        boolean sorted() throws IOException {
            while (true) {
                int end = readLine();
                if (end == -2) return false; // a byte the scan does not vouch for
                if (end == -1 && length == 0) return keyColumn >= 0;
                if (!accept()) return false;
                if (end == -1) return keyColumn >= 0;
            }
        }

        /** Reads one line into {@link #line}; -1 at the end of the input, -2 on a byte that rules the file out. */
        private int readLine() throws IOException {
            length = 0;
            while (true) {
                if (pos == filled) {
                    filled = in.read(buf);
                    pos = 0;
                    if (filled <= 0) {
                        filled = 0;
                        return length > 0 && line[length - 1] == '\r' ? -2 : -1;
                    }
                }
                byte b = buf[pos++];
                if (b == '\n') {
                    if (length > 0 && line[length - 1] == '\r') length--;
                    return 0;
                }
                if (b < 0 || b == '"' || (length > 0 && line[length - 1] == '\r')) return -2;
                if (length == line.length) line = Arrays.copyOf(line, length * 2);
                line[length++] = b;
            }
        }

        private boolean accept() {
            if (keyColumn < 0) {
                // Before the header: a blank line is skipped; one of separators only is left to the general path.
                boolean blank = blankBut((byte) 0, (byte) 0);
                bytesBeforeHeader += length + 1;
                if (blank) return true;
                // The reader picks the delimiter from the first 32 KB; a header further down is left to it.
                return bytesBeforeHeader < 16_384 && !blankBut((byte) ',', (byte) ';') && header();
            }
            if (blankBut((byte) delimiter, (byte) delimiter)) return true;
            int start = 0, field = 0;
            for (int i = 0; i <= length; i++) {
                if (i == length || line[i] == delimiter) {
                    if (field == keyColumn) return key(start, i);
                    field++;
                    start = i + 1;
                }
            }
            return false; // no key cell: left to the general path
        }

        private boolean key(int from, int to) {
            if (from == to) return false;
            for (int i = from; i < to; i++) if (line[i] <= ' ' || line[i] == 0x7F) return false;
            byte[] key = Arrays.copyOfRange(line, from, to);
            if (Arrays.compare(key, previousKey) < 0) return false;
            previousKey = key;
            return true;
        }

        private boolean header() {
            String text = new String(line, 0, length, StandardCharsets.US_ASCII);
            delimiter = CsvParser.detectDelimiter(text);
            String[] names = text.split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1);
            for (int i = 0; i < names.length; i++) {
                String name = RowCells.trim(names[i]);
                if (name.endsWith("*")) name = RowCells.trim(name.substring(0, name.length() - 1));
                if (name.equalsIgnoreCase("SubjectId")) {
                    keyColumn = i;
                    return true;
                }
            }
            return false;
        }

        /** Nothing but spaces, control characters and the two given separators: a row intake skips as blank. */
        private boolean blankBut(byte separator, byte other) {
            for (int i = 0; i < length; i++) {
                byte b = line[i];
                if (b > ' ' && b != 0x7F && (b != separator || b == 0) && (b != other || b == 0)) return false;
            }
            return true;
        }
    }
}
