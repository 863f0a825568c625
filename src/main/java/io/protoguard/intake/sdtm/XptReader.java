package io.protoguard.intake.sdtm;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a SAS XPORT version 5 transport file (the FDA's SDTM submission format) record by record, never
 * holding more than one observation. Layout: 80-byte header records (library, member, descriptor, NAMESTR),
 * one 140-byte NAMESTR per variable, then the observations back to back, the last 80-byte record padded
 * with blanks. A file may hold several members (datasets); each one's name is the domain of its records.
 * Faults stop the file with an {@link SdtmInputException} naming the file and the record.
 */
public final class XptReader {
    private static final String LIBRARY = "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!";
    private static final String LIBRARY_V8 = "HEADER RECORD*******LIBV8   HEADER RECORD!!!!!!!";
    private static final String MEMBER = "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!";
    private static final String DESCRIPTOR = "HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!";
    private static final String NAMESTR = "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!";
    private static final String OBS = "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!";
    /** SAS on Windows writes its session encoding; for the ASCII of SDTM files this is the same as Latin-1. */
    private static final Charset TEXT = Charset.forName("windows-1252");

    private record Variable(String name, boolean numeric, int length, int position) {}

    private final String file;
    private final Stream in;

    private XptReader(String file, InputStream input) {
        this.file = file;
        this.in = new Stream(new BufferedInputStream(input, 1 << 16));
    }

    /** Reads every record of every member into {@code sink}; returns the number of records read. */
    public static int read(String file, InputStream input, Consumer<SdtmRecord> sink) throws SdtmInputException {
        try {
            return new XptReader(file, input).readAll(sink);
        } catch (IOException e) {
            throw new SdtmInputException(file, null, file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private int readAll(Consumer<SdtmRecord> sink) throws IOException, SdtmInputException {
        String first = header(1, "the library header");
        if (first.startsWith(LIBRARY_V8))
            throw fault(null, "is a SAS XPORT version 8 file; only version 5 (the FDA's SDTM format) is read");
        if (!first.startsWith(LIBRARY)) throw fault(null, "is not a SAS XPORT version 5 file (header record 1 is not the library header)");
        header(2, "the library header");
        header(3, "the library header");
        String next = header(4, "a member header");
        int total = 0;
        int headerNo = 4;
        while (next != null) {
            if (!next.startsWith(MEMBER)) throw fault(null, "header record " + headerNo + " is not a member header");
            int namestrLength = number(next, 74, 4, headerNo);
            if (namestrLength != 140 && namestrLength != 136) throw fault(null, "header record " + headerNo + " gives a NAMESTR length of " + namestrLength + " (expected 140)");
            if (!header(++headerNo, "a descriptor header").startsWith(DESCRIPTOR)) throw fault(null, "header record " + headerNo + " is not the descriptor header");
            String descriptor = header(++headerNo, "the member descriptor");
            String domain = descriptor.substring(8, 16).trim();
            header(++headerNo, "the member descriptor");
            String namestrHeader = header(++headerNo, "the NAMESTR header");
            if (!namestrHeader.startsWith(NAMESTR)) throw fault(null, "header record " + headerNo + " is not the NAMESTR header");
            int count = number(namestrHeader, 54, 4, headerNo);
            List<Variable> variables = namestrs(count, namestrLength);
            headerNo += (count * namestrLength + 79) / 80;
            String obsHeader = header(++headerNo, "the observation header");
            if (!obsHeader.startsWith(OBS)) throw fault(null, "header record " + headerNo + " is not the observation header");
            int records = observations(domain, variables, sink);
            total += records;
            next = in.atEnd() ? null : header(++headerNo, "a member header");
        }
        return total;
    }

    private List<Variable> namestrs(int count, int length) throws IOException, SdtmInputException {
        byte[] all = new byte[count * length];
        if (in.readFully(all) < all.length) throw fault(null, "ends inside its variable descriptions (NAMESTR records)");
        in.skip((80 - all.length % 80) % 80);
        List<Variable> vars = new ArrayList<>();
        int end = 0;
        for (int i = 0; i < count; i++) {
            int o = i * length;
            int type = short16(all, o);
            int len = short16(all, o + 4);
            String name = new String(all, o + 8, 8, StandardCharsets.US_ASCII).trim();
            int position = int32(all, o + 84);
            if ((type != 1 && type != 2) || len <= 0 || name.isEmpty() || position < 0)
                throw fault(null, "variable description " + (i + 1) + " is corrupted (type " + type + ", length " + len + ", name \"" + name + "\")");
            if (type == 1 && (len < 2 || len > 8)) throw fault(null, "numeric variable " + name + " has length " + len + " (2 to 8 allowed)");
            vars.add(new Variable(name, type == 1, len, position));
            end = Math.max(end, position + len);
        }
        for (Variable v : vars) if (v.position + v.length > end) throw fault(null, "variable " + v.name + " lies outside the record");
        return vars;
    }

    private int observations(String domain, List<Variable> vars, Consumer<SdtmRecord> sink) throws IOException, SdtmInputException {
        int obsLength = vars.stream().mapToInt(v -> v.position + v.length).max().orElse(0);
        if (obsLength == 0) return 0;
        byte[] obs = new byte[obsLength];
        int row = 0;
        while (true) {
            if (in.atEnd()) return row;
            if (in.position() % 80 != 0 && in.restOfRecordBlankThenEndOrMember(MEMBER)) {
                in.skip(80 - in.position() % 80);
                return row;
            }
            if (in.position() % 80 == 0 && in.peekStartsWith(MEMBER)) return row;
            int n = in.readFully(obs);
            if (n < obsLength) {
                if (allBlank(obs, n)) return row; // trailing padding of the last record
                throw fault(row + 1, "is truncated: record " + (row + 1) + " of " + domain + " has " + n + " of its " + obsLength + " bytes");
            }
            row++;
            Map<String, Object> values = new LinkedHashMap<>();
            for (Variable v : vars) {
                values.put(v.name, v.numeric ? IbmFloat.decode(obs, v.position, v.length)
                        : stripEnd(new String(obs, v.position, v.length, TEXT)));
            }
            sink.accept(new SdtmRecord(file, domain, row, values));
        }
    }

    private static boolean allBlank(byte[] b, int n) {
        for (int i = 0; i < n; i++) if (b[i] != ' ') return false;
        return true;
    }

    private static String stripEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) end--;
        return s.substring(0, end);
    }

    private String header(int number, String what) throws IOException, SdtmInputException {
        byte[] b = new byte[80];
        int n = in.readFully(b);
        if (n < 80) throw fault(null, "ends at header record " + number + " (" + what + " expected)");
        return new String(b, StandardCharsets.US_ASCII);
    }

    private int number(String header, int from, int length, int headerNo) throws SdtmInputException {
        String digits = header.substring(from, from + length).trim();
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw fault(null, "header record " + headerNo + " is corrupted (\"" + digits + "\" where a number belongs)");
        }
    }

    private SdtmInputException fault(Integer record, String message) {
        return new SdtmInputException(file, record, file + ": " + message);
    }

    private static int short16(byte[] b, int o) {
        return ((b[o] & 0xFF) << 8) | (b[o + 1] & 0xFF);
    }

    private static int int32(byte[] b, int o) {
        return ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8) | (b[o + 3] & 0xFF);
    }

    /** A byte stream that knows its position and can look ahead, to tell padding from data. */
    private static final class Stream {
        private final BufferedInputStream in;
        private long position;

        Stream(BufferedInputStream in) {
            this.in = in;
        }

        long position() {
            return position;
        }

        int readFully(byte[] b) throws IOException {
            int n = in.readNBytes(b, 0, b.length);
            position += n;
            return n;
        }

        void skip(long n) throws IOException {
            in.skipNBytes(n);
            position += n;
        }

        boolean atEnd() throws IOException {
            in.mark(1);
            int b = in.read();
            in.reset();
            return b < 0;
        }

        boolean peekStartsWith(String prefix) throws IOException {
            byte[] b = new byte[prefix.length()];
            in.mark(b.length);
            int n = in.readNBytes(b, 0, b.length);
            in.reset();
            return n == b.length && new String(b, StandardCharsets.US_ASCII).equals(prefix);
        }

        /** From here to the end of this 80-byte record only blanks, followed by the end of the file or a member header. */
        boolean restOfRecordBlankThenEndOrMember(String member) throws IOException {
            int rest = (int) (80 - position % 80);
            byte[] b = new byte[rest + member.length()];
            in.mark(b.length);
            int n = in.readNBytes(b, 0, b.length);
            in.reset();
            if (n < rest) return false;
            for (int i = 0; i < rest; i++) if (b[i] != ' ') return false;
            return n == rest || (n == b.length && new String(b, rest, member.length(), StandardCharsets.US_ASCII).equals(member));
        }
    }
}
