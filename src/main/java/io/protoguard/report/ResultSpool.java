package io.protoguard.report;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Outcome;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Deviations and outcomes kept on disk as they come, so a run over a million subjects holds none of them in
 * memory; a report writer reads them back, in the order added, once the run's totals are known.
 */
public final class ResultSpool implements AutoCloseable {

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private final Path dir;
    private final Path deviationFile;
    private final Path outcomeFile;
    private final DataOutputStream deviationsOut;
    private final DataOutputStream outcomesOut;
    private long deviations;

    public ResultSpool() throws IOException {
        dir = Files.createTempDirectory("protoguard-results");
        deviationFile = dir.resolve("deviations");
        outcomeFile = dir.resolve("outcomes");
        deviationsOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(deviationFile), 1 << 16));
        outcomesOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(outcomeFile), 1 << 16));
    }

    public void add(Deviation d) {
        try {
            DataOutputStream o = deviationsOut;
            string(o, d.subjectId());
            string(o, d.category() == null ? null : d.category().name());
            string(o, d.severity() == null ? null : d.severity().name());
            string(o, d.ruleId());
            string(o, d.visit());
            string(o, d.occurredOn() == null ? null : d.occurredOn().toString());
            string(o, d.message());
            string(o, d.expected());
            string(o, d.actual());
            string(o, d.citation());
            o.writeBoolean(d.source() != null);
            if (d.source() != null) {
                string(o, d.source().file());
                string(o, d.source().sheet());
                o.writeInt(d.source().row());
                string(o, d.source().domain()); // SDTM only (null for workbook rows)
                string(o, d.source().seq() == null ? null : d.source().seq().toString());
            }
            string(o, d.protocolVersion());
            string(o, d.citationSource());
            deviations++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result spool: " + e.getMessage(), e);
        }
    }

    public void add(Outcome o) {
        try {
            string(outcomesOut, o.subjectId());
            string(outcomesOut, o.name());
            string(outcomesOut, o.value());
            string(outcomesOut, o.basis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the result spool: " + e.getMessage(), e);
        }
    }

    public long deviationCount() {
        return deviations;
    }

    /** Readable once adding is over; each iteration reads the file afresh. */
    public Iterable<Deviation> deviations() {
        flush();
        return () -> new FileIterator<>(deviationFile, in -> {
            // Arguments are evaluated left to right, in the order add() wrote the fields.
            Deviation d = new Deviation(string(in), category(string(in)), severity(string(in)), string(in), string(in),
                    date(string(in)), string(in), string(in), string(in), string(in),
                    in.readBoolean() ? source(in) : null, string(in));
            String citationSource = string(in);
            return new Deviation(d.subjectId(), d.category(), d.severity(), d.ruleId(), d.visit(), d.occurredOn(),
                    d.message(), d.expected(), d.actual(), d.citation(), citationSource, d.source(), d.protocolVersion());
        });
    }

    private static SourceRef source(DataInputStream in) throws IOException {
        String file = string(in), sheet = string(in);
        int row = in.readInt();
        String domain = string(in), seq = string(in);
        return new SourceRef(file, sheet, row, domain, seq == null ? null : Long.valueOf(seq));
    }

    public Iterable<Outcome> outcomes() {
        flush();
        return () -> new FileIterator<>(outcomeFile, in -> new Outcome(string(in), string(in), string(in), string(in)));
    }

    private void flush() {
        try {
            deviationsOut.flush();
            outcomesOut.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        deviationsOut.close();
        outcomesOut.close();
        Files.deleteIfExists(deviationFile);
        Files.deleteIfExists(outcomeFile);
        Files.deleteIfExists(dir);
    }

    private static Category category(String s) {
        return s == null ? null : Category.valueOf(s);
    }

    private static Severity severity(String s) {
        return s == null ? null : Severity.valueOf(s);
    }

    private static LocalDate date(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s == null) return;
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        if (!in.readBoolean()) return null;
        byte[] b = in.readNBytes(in.readInt());
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Reads records until the end of the file, closing it there. */
    private static final class FileIterator<T> implements Iterator<T> {
        private final DataInputStream in;
        private final Reader<T> reader;
        private T next;

        FileIterator(Path file, Reader<T> reader) {
            this.reader = reader;
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            advance();
        }

        private void advance() {
            try {
                next = reader.read(in);
            } catch (EOFException end) {
                next = null;
                try {
                    in.close();
                } catch (IOException ignored) {
                    // a temp file being read
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public boolean hasNext() {
            return next != null;
        }

        public T next() {
            if (next == null) throw new NoSuchElementException();
            T r = next;
            advance();
            return r;
        }
    }
}
