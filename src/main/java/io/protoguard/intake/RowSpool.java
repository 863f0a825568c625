package io.protoguard.intake;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of every sheet as sorted runs (an external sort): rows are buffered up to a limit, then sorted by
 * subject and written to a temp file, so memory holds at most one buffer whatever the size of the input. A
 * small input never touches the disk; input already sorted by SubjectId costs one sequential write per run.
 */
final class RowSpool implements AutoCloseable {

    /** A sorted run: rows ascending by {@link SpooledRow#ORDER}. */
    interface Run extends Iterator<SpooledRow>, AutoCloseable {
        @Override
        void close();
    }

    private final int bufferLimit;
    private final List<SpooledRow> buffer = new ArrayList<>();
    private final List<Path> runFiles = new ArrayList<>();
    private Path dir;

    RowSpool(int bufferLimit) {
        this.bufferLimit = bufferLimit;
    }

    void add(SpooledRow row) {
        addAll(List.of(row));
    }

    /** Called by the threads reading sheets, a batch at a time so they seldom wait for each other. */
    synchronized void addAll(List<SpooledRow> rows) {
        for (SpooledRow row : rows) {
            buffer.add(row);
            if (buffer.size() >= bufferLimit) spill();
        }
    }

    synchronized int spilledRuns() {
        return runFiles.size();
    }

    /** Every run, the rows still in memory last; call once all rows are added. */
    synchronized List<Run> runs() {
        buffer.sort(SpooledRow.ORDER);
        List<Run> runs = new ArrayList<>();
        for (Path f : runFiles) runs.add(new FileRun(f));
        List<SpooledRow> rest = List.copyOf(buffer);
        buffer.clear();
        Iterator<SpooledRow> it = rest.iterator();
        runs.add(new Run() {
            public boolean hasNext() { return it.hasNext(); }
            public SpooledRow next() { return it.next(); }
            public void close() {}
        });
        return runs;
    }

    private void spill() {
        buffer.sort(SpooledRow.ORDER); // stable and linear on rows that arrive sorted
        try {
            if (dir == null) dir = Files.createTempDirectory("protoguard-spool");
            Path file = dir.resolve("run-" + runFiles.size());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
                for (SpooledRow r : buffer) r.writeTo(out);
            }
            runFiles.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the intake spool: " + e.getMessage(), e);
        }
        buffer.clear();
    }

    @Override
    public void close() {
        buffer.clear();
        try {
            for (Path f : runFiles) Files.deleteIfExists(f);
            if (dir != null) Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // temp files the OS cleans up; the check's result does not depend on them
        }
    }

    private static final class FileRun implements Run {
        private final DataInputStream in;
        private SpooledRow next;

        FileRun(Path file) {
            try {
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
                next = SpooledRow.readFrom(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the intake spool: " + e.getMessage(), e);
            }
        }

        public boolean hasNext() {
            return next != null;
        }

        public SpooledRow next() {
            if (next == null) throw new NoSuchElementException();
            SpooledRow r = next;
            try {
                next = SpooledRow.readFrom(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the intake spool: " + e.getMessage(), e);
            }
            return r;
        }

        public void close() {
            try {
                in.close();
            } catch (IOException ignored) {
                // read-only temp file
            }
        }
    }
}
