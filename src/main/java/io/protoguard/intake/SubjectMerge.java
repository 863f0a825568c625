package io.protoguard.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/** A k-way merge of sorted runs that hands over the rows of one subject at a time, in file order. */
final class SubjectMerge {
    private SubjectMerge() {}

    private record Head(SpooledRow row, RowSpool.Run run) {}

    static void groups(List<RowSpool.Run> runs, Consumer<List<SpooledRow>> group) {
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, runs.size()),
                (a, b) -> SpooledRow.ORDER.compare(a.row(), b.row()));
        try {
            for (RowSpool.Run r : runs) if (r.hasNext()) heads.add(new Head(r.next(), r));
            List<SpooledRow> rows = new ArrayList<>();
            while (!heads.isEmpty()) {
                Head h = heads.poll();
                if (!rows.isEmpty() && !rows.get(0).subjectKey().equals(h.row().subjectKey())) {
                    group.accept(rows);
                    rows = new ArrayList<>();
                }
                rows.add(h.row());
                if (h.run().hasNext()) heads.add(new Head(h.run().next(), h.run()));
            }
            if (!rows.isEmpty()) group.accept(rows);
        } finally {
            for (RowSpool.Run r : runs) r.close();
        }
    }
}
