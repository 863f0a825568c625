package io.protoguard.intake;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The rows of one sheet on their way from the thread reading its file to the merge, when the file is already
 * in SubjectId order ({@link SortedCsvScan}): a sorted run that is read as it is written, in batches, through a
 * small bounded queue, so memory holds a few batches per sheet and the merge starts with the first rows.
 */
final class SheetStream implements RowSpool.Run {
    /** The end mark, told apart by identity. */
    private static final List<SpooledRow> END = new java.util.ArrayList<>(0);
    private final BlockingQueue<List<SpooledRow>> queue = new ArrayBlockingQueue<>(8);
    private Iterator<SpooledRow> batch = END.iterator();
    private boolean ended;

    /** Reading side: a batch of rows in file order (copied: the caller reuses its list). */
    void put(List<SpooledRow> rows) {
        if (rows.isEmpty()) return;
        try {
            queue.put(List.copyOf(rows));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to the merge", e);
        }
    }

    /** Reading side: no more rows (after the last batch, or after the read failed). */
    void finish() {
        try {
            queue.put(END);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the merge has stopped: nobody waits for the end
        }
    }

    @Override
    public boolean hasNext() {
        while (!batch.hasNext() && !ended) {
            try {
                List<SpooledRow> next = queue.take();
                if (next == END) ended = true;
                else batch = next.iterator();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while merging the sheets", e);
            }
        }
        return batch.hasNext();
    }

    @Override
    public SpooledRow next() {
        if (!hasNext()) throw new NoSuchElementException();
        return batch.next();
    }

    @Override
    public void close() {
        queue.clear(); // lets a reader blocked on a full queue finish
    }
}
