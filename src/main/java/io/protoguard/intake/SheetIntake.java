package io.protoguard.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One sheet of the data being read (SPEC section 3): its header, then its data rows, which it checks as they
 * come and hands on by SubjectId, to the spool or, for a file already in that order, straight to the merge.
 * A sheet is fed on one thread; several sheets may be fed at once.
 */
final class SheetIntake implements RowSink.SheetRows {
    /** Rows a sheet hands to the shared spool at once (sheets may be read on several threads). */
    private static final int SPOOL_BATCH = 1024;

    private final Faults faults;
    private final RowSpool spool;
    private final WhenParser whenParser;
    /** The Subjects sheet cannot be read (a required column is missing): set once its header or end is read. */
    private volatile boolean unreadable;

    /** The file name as shown to the user, and which sheet it holds. */
    final String file;
    final SheetKind kind;
    private final int order;
    private final Map<String, Integer> columnIndexByName = new LinkedHashMap<>();
    private List<SheetKind.Column> missing;
    private int dataRows;
    private int headerRow = 1;
    /** Columns whose header cell is blank (or past the header), mapped to {first row, count} of their values. */
    private final Map<Integer, int[]> valuesWithoutHeader = new TreeMap<>();
    private final java.util.Set<Integer> headed = new java.util.HashSet<>();
    /** Data rows not yet in the spool: at most {@link #SPOOL_BATCH}. */
    private final List<SpooledRow> pending = new ArrayList<>();
    /** Where rows go instead of the spool when the file is in SubjectId order; null otherwise. */
    private SheetStream stream;

    /** From now on this sheet's rows go to the returned stream, to be merged as they are read, not to the spool. */
    SheetStream streamToMerge() {
        stream = new SheetStream();
        return stream;
    }

    SheetIntake(String file, SheetKind kind, int order, Faults faults, RowSpool spool, WhenParser whenParser) {
        this.faults = faults;
        this.spool = spool;
        this.whenParser = whenParser;
        this.file = file;
        this.kind = kind;
        this.order = order;
    }

    @Override
    public void row(int rowNumber, SortedMap<Integer, String> cells) {
        boolean blank = cells.values().stream().allMatch(v -> RowCells.trim(v).isEmpty());
        if (missing == null) {
            // The header is the first row that holds anything: blank rows above it are a layout, not data.
            if (blank) return;
            headerRow = rowNumber;
            header(cells);
            return;
        }
        if (blank) return;
        dataRows++;
        cells.forEach((index, value) -> {
            if (!headed.contains(index) && !RowCells.trim(value).isEmpty()) {
                valuesWithoutHeader.computeIfAbsent(index, k -> new int[]{rowNumber, 0})[1]++;
            }
        });
        if (missing.isEmpty()) {
            pending.add(new SpooledRow(subjectKey(cells), order, rowNumber, dense(cells)));
            if (pending.size() >= SPOOL_BATCH) flushRows();
        }
    }

    /** Hands the rows read so far on: to the spool, which sheets read on other threads share, or the merge. */
    void flushRows() {
        if (pending.isEmpty()) return;
        if (stream != null) stream.put(pending);
        else spool.addAll(pending);
        pending.clear();
    }

    @Override
    public void readingDone() {
        flushRows();
        if (stream != null) stream.finish();
    }

    @Override
    public void unreadableRow(int rowNumber, String message) {
        if (missing == null) header(new TreeMap<>());
        dataRows++;
        faults.error(file, kind.sheetName(), rowNumber, -1, null, message);
    }

    @Override
    public void end() {
        flushRows();
        if (missing == null) {
            // An optional sheet without any row simply holds no data; Subjects cannot be empty.
            if (kind == SheetKind.SUBJECTS) {
                faults.error(file, kind.sheetName(), null, -1, null, "the Subjects sheet is empty: no subject can be read");
            }
            return;
        }
        if (columnIndexByName.isEmpty() && !missing.isEmpty()) {
            // No known column at all: the header row is something else (a title, a garbled line), one error says so.
            faults.error(file, kind.sheetName(), headerRow, -1, null, "row " + headerRow + " is not a header of the "
                    + kind.sheetName() + " sheet: none of its columns is there (required: "
                    + String.join(", ", missing.stream().map(SheetKind.Column::name).toList()) + "); " + dataRows
                    + (dataRows == 1 ? " data row" : " data rows") + " of this sheet could not be read");
            missing = List.of(missing.get(0)); // still unreadable, reported once
            if (kind == SheetKind.SUBJECTS) unreadable = true;
            reportValuesWithoutHeader();
            return;
        }
        for (SheetKind.Column column : missing) {
            faults.error(file, kind.sheetName(), headerRow, -1, column.name(), "missing required column " + column.name()
                    + ": " + dataRows + (dataRows == 1 ? " data row" : " data rows") + " of this sheet could not be read");
        }
        if (kind == SheetKind.SUBJECTS && !missing.isEmpty()) unreadable = true;
        reportValuesWithoutHeader();
    }

    /** A value under a blank or merged header cell belongs to no column: said once per column, not dropped silently. */
    private void reportValuesWithoutHeader() {
        valuesWithoutHeader.forEach((index, firstAndCount) -> faults.warning(file, kind.sheetName(), firstAndCount[0],
                index, null, firstAndCount[1] + (firstAndCount[1] == 1 ? " value" : " values") + " in column "
                        + Faults.columnLetters(index) + ", whose header cell (" + Faults.columnLetters(index) + headerRow
                        + ") is empty, " + (firstAndCount[1] == 1 ? "is" : "are") + " not read (the first here): "
                        + "give the column a header, or unmerge the header cells"));
    }

    private void header(SortedMap<Integer, String> cells) {
        cells.forEach((index, text) -> {
            String name = RowCells.trim(text);
            if (name.isEmpty()) return;
            headed.add(index);
            SheetKind.Column column = kind.column(name).orElse(null);
            if (column == null) {
                faults.warning(file, kind.sheetName(), headerRow, index, RowCells.shortened(name), "unknown column "
                        + RowCells.quoted(name) + " is ignored (columns of " + kind.sheetName() + ": "
                        + String.join(", ", kind.columns().stream().map(SheetKind.Column::name).toList()) + ")");
            } else if (columnIndexByName.containsKey(column.name())) {
                faults.error(file, kind.sheetName(), headerRow, index, column.name(), "column " + column.name()
                        + " appears twice (columns " + Faults.columnLetters(columnIndexByName.get(column.name()))
                        + " and " + Faults.columnLetters(index) + "); only the first is read");
            } else {
                columnIndexByName.put(column.name(), index);
            }
        });
        missing = kind.columns().stream()
                .filter(c -> c.required() && !columnIndexByName.containsKey(c.name())).toList();
    }

    /** Where each column of this row sits ("Age" -> "Subjects!F5"). */
    Map<String, String> cellsOfRow(RowCells r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String column : columnIndexByName.keySet()) out.put(column, r.cellOf(column));
        return out;
    }

    /** The trimmed SubjectId, or "" when blank (such a row is still read, to report its other faults). */
    private String subjectKey(SortedMap<Integer, String> cells) {
        String id = cells.get(columnIndexByName.get("SubjectId"));
        return id == null ? "" : RowCells.trim(id);
    }

    RowCells cells(SpooledRow row) {
        return new RowCells(file, kind, row.row(), columnIndexByName, row.cells(), whenParser, faults);
    }

    /** The Subjects sheet could not be read; its rows were not spooled. */
    boolean unreadable() {
        return unreadable;
    }

    private static String[] dense(SortedMap<Integer, String> cells) {
        String[] out = new String[cells.isEmpty() ? 0 : cells.lastKey() + 1];
        cells.forEach((i, v) -> out[i] = v);
        return out;
    }
}
