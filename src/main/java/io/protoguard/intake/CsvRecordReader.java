package io.protoguard.intake;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time from a character stream, so a file of any size is parsed in constant
 * memory. Each record keeps the line it starts on, because a quoted field may span lines and the user finds
 * a row by the line number a text editor shows.
 */
final class CsvRecordReader {
    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos, len;
    private int line = 1;
    private boolean done;

    CsvRecordReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next record, or null at the end of the input. */
    CsvParser.Record next() throws IOException {
        if (done) return null;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int recordLine = line;
        boolean quoted = false;
        boolean pending = false; // something of the current record has been seen
        int c;
        while ((c = read()) >= 0) {
            if (quoted) {
                if (c == '"' && peek() == '"') {
                    field.append('"');
                    read();
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n' || (c == '\r' && peek() != '\n')) line++;
                    field.append((char) c);
                }
            } else if (c == '"' && isBlank(field)) {
                // Tolerates spaces before the opening quote, as some hand-made files have.
                field.setLength(0);
                quoted = true;
                pending = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                pending = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') read();
                fields.add(field.toString());
                line++;
                return new CsvParser.Record(recordLine, List.copyOf(fields), false);
            } else {
                field.append((char) c);
                pending = true;
            }
        }
        done = true;
        if (pending || field.length() > 0 || quoted) {
            fields.add(field.toString());
            return new CsvParser.Record(recordLine, List.copyOf(fields), quoted);
        }
        return null;
    }

    private static boolean isBlank(StringBuilder s) {
        for (int i = 0; i < s.length(); i++) if (!Character.isWhitespace(s.charAt(i))) return false;
        return true;
    }

    private int read() throws IOException {
        if (pos == len && !fill()) return -1;
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == len && !fill()) return -1;
        return buf[pos];
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) return false;
        pos = 0;
        len = n;
        return true;
    }
}
