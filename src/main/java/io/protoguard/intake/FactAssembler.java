package io.protoguard.intake;

import io.protoguard.model.Assessment;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.CodeBook;
import io.protoguard.model.Criterion;
import io.protoguard.model.Dose;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Turns the rows of any format into subjects' facts, one subject at a time. Reading a sheet checks its header
 * and spools its data rows by SubjectId (sheets may come in any order and need not be sorted); {@link #emit}
 * then merges the spooled rows and builds each subject's facts from its rows alone, so memory holds one
 * subject's facts, not the workbook's.
 */
final class FactAssembler implements RowSink {

    private final Faults faults;
    private final WhenParser whenParser;
    private final FactRows factRows;
    private final RowSpool spool;
    private final Map<SheetKind, String> fileOfSheet = new EnumMap<>(SheetKind.class);
    private final List<SheetIntake> sheets = new ArrayList<>();
    private boolean subjectsSheetUnreadable;

    FactAssembler(CodeBook codes, ZoneId studyZone, Faults faults, RowSpool spool) {
        this.faults = faults;
        this.whenParser = new WhenParser(studyZone);
        this.factRows = new FactRows(codes);
        this.spool = spool;
    }

    @Override
    public SheetRows startSheet(String file, String sheetName) {
        if (SheetKind.isExplanation(sheetName)) return null;
        SheetKind kind = SheetKind.byName(sheetName).orElse(null);
        if (kind == null) {
            faults.warning(file, sheetName, null, -1, null, "unknown sheet " + RowCells.quoted(sheetName)
                    + " is ignored (sheets: " + SheetKind.allNames() + ")");
            return null;
        }
        String earlier = fileOfSheet.putIfAbsent(kind, file);
        if (earlier != null) {
            faults.error(file, kind.sheetName(), null, -1, null, "a second " + kind.sheetName()
                    + " sheet (already read from " + earlier + "); this one is not read");
            return null;
        }
        SheetIntake intake = new SheetIntake(file, kind, sheets.size());
        sheets.add(intake);
        return intake;
    }

    @Override
    public void fileError(String file, String sheet, String message) {
        faults.error(file, sheet, null, -1, null, message);
    }

    @Override
    public void fileWarning(String file, String message) {
        faults.warning(file, null, null, -1, null, message);
    }

    /**
     * Once every sheet is read: hands each readable subject's facts to {@code consumer}, in SubjectId order,
     * and returns how many there were. Rows that name no readable subject are reported here.
     *
     * @param subjectsFile where the Subjects sheet was expected, named in the error when it is absent
     */
    int emit(String subjectsFile, Consumer<SubjectData> consumer) {
        if (!fileOfSheet.containsKey(SheetKind.SUBJECTS)) {
            faults.error(subjectsFile, SheetKind.SUBJECTS.sheetName(), null, -1, null,
                    "no Subjects sheet (required): no subject can be read");
        }
        int[] count = {0};
        SubjectMerge.groups(spool.runs(), rows -> {
            SubjectData data = assemble(rows);
            if (data != null) {
                count[0]++;
                consumer.accept(data);
            }
        });
        return count[0];
    }

    /** One subject's rows (all with the same SubjectId, in file order) to its facts; null if it has none. */
    private SubjectData assemble(List<SpooledRow> rows) {
        factRows.startSubject();
        String id = rows.get(0).subjectKey().isEmpty() ? null : rows.get(0).subjectKey();
        Subject subject = null;
        Integer firstSubjectRow = null;
        List<Object> linked = new ArrayList<>();
        List<RowCells> linkedCells = new ArrayList<>();
        for (SpooledRow row : rows) {
            SheetIntake sheet = sheets.get(row.sheetOrder());
            RowCells r = sheet.cells(row);
            if (sheet.kind == SheetKind.SUBJECTS) {
                if (id != null && firstSubjectRow != null) {
                    r.error("SubjectId", "duplicate SubjectId " + RowCells.quoted(id) + " (first at row " + firstSubjectRow + ")");
                }
                Subject s = factRows.subject(r);
                if (id != null && firstSubjectRow == null) {
                    firstSubjectRow = r.row();
                    subject = s;
                }
            } else {
                linked.add(sheet.fact(r));
                linkedCells.add(r);
            }
        }
        if (id == null) return null; // each row's missing SubjectId is already an error
        if (subject == null) {
            boolean listed = firstSubjectRow != null || subjectsSheetUnreadable;
            for (RowCells r : linkedCells) {
                faults.error(r.file(), r.sheetName(), r.row(), r.columnIndex("SubjectId"), "SubjectId", listed
                        ? "SubjectId " + RowCells.quoted(id) + " could not be read from the Subjects sheet (see its errors)"
                        : "SubjectId " + RowCells.quoted(id) + " is not in the Subjects sheet");
            }
            return null;
        }
        List<Criterion> criteria = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>();
        List<Dose> doses = new ArrayList<>();
        List<ClinicalEvent> events = new ArrayList<>();
        for (Object fact : linked) {
            if (fact instanceof Criterion c) criteria.add(c);
            else if (fact instanceof Assessment a) assessments.add(a);
            else if (fact instanceof Dose d) doses.add(d);
            else if (fact instanceof ClinicalEvent e) events.add(e);
        }
        return new SubjectData(subject, criteria, assessments, doses, events);
    }

    /** One sheet: its header, then its data rows. */
    private final class SheetIntake implements SheetRows {
        private final String file;
        private final SheetKind kind;
        private final int order;
        private final Map<String, Integer> columnIndexByName = new LinkedHashMap<>();
        private List<SheetKind.Column> missing;
        private int dataRows;

        SheetIntake(String file, SheetKind kind, int order) {
            this.file = file;
            this.kind = kind;
            this.order = order;
        }

        @Override
        public void row(int rowNumber, SortedMap<Integer, String> cells) {
            if (missing == null) {
                // The header is row 1; a sheet whose row 1 is empty has no header, so no columns.
                header(rowNumber == 1 ? cells : new TreeMap<>());
                if (rowNumber == 1) return;
            }
            if (cells.values().stream().allMatch(String::isBlank)) return;
            dataRows++;
            if (missing.isEmpty()) spool.add(new SpooledRow(subjectKey(cells), order, rowNumber, dense(cells)));
        }

        @Override
        public void unreadableRow(int rowNumber, String message) {
            if (missing == null) header(new TreeMap<>());
            dataRows++;
            faults.error(file, kind.sheetName(), rowNumber, -1, null, message);
        }

        @Override
        public void end() {
            if (missing == null) {
                // An optional sheet without any row simply holds no data; Subjects cannot be empty.
                if (kind == SheetKind.SUBJECTS) {
                    faults.error(file, kind.sheetName(), null, -1, null, "the Subjects sheet is empty: no subject can be read");
                }
                return;
            }
            for (SheetKind.Column column : missing) {
                faults.error(file, kind.sheetName(), 1, -1, column.name(), "missing required column " + column.name()
                        + ": " + dataRows + (dataRows == 1 ? " data row" : " data rows") + " of this sheet could not be read");
            }
            if (kind == SheetKind.SUBJECTS && !missing.isEmpty()) subjectsSheetUnreadable = true;
        }

        private void header(SortedMap<Integer, String> cells) {
            cells.forEach((index, text) -> {
                if (text.isBlank()) return;
                String name = text.trim();
                SheetKind.Column column = kind.column(name).orElse(null);
                if (column == null) {
                    faults.warning(file, kind.sheetName(), 1, index, name, "unknown column " + RowCells.quoted(name)
                            + " is ignored (columns of " + kind.sheetName() + ": "
                            + String.join(", ", kind.columns().stream().map(SheetKind.Column::name).toList()) + ")");
                } else if (columnIndexByName.containsKey(column.name())) {
                    faults.error(file, kind.sheetName(), 1, index, column.name(), "column " + column.name()
                            + " appears twice (columns " + Faults.columnLetters(columnIndexByName.get(column.name()))
                            + " and " + Faults.columnLetters(index) + "); only the first is read");
                } else {
                    columnIndexByName.put(column.name(), index);
                }
            });
            missing = kind.columns().stream()
                    .filter(c -> c.required() && !columnIndexByName.containsKey(c.name())).toList();
        }

        /** The trimmed SubjectId, or "" when blank (such a row is still read, to report its other faults). */
        private String subjectKey(SortedMap<Integer, String> cells) {
            String id = cells.get(columnIndexByName.get("SubjectId"));
            return id == null || id.isBlank() ? "" : id.trim();
        }

        RowCells cells(SpooledRow row) {
            return new RowCells(file, kind, row.row(), columnIndexByName, row.cells(), whenParser, faults);
        }

        /** The fact of a row of a sheet other than Subjects; null when the row had faults (already reported). */
        Object fact(RowCells r) {
            return switch (kind) {
                case CRITERIA -> factRows.criterion(r);
                case ASSESSMENTS -> factRows.assessment(r);
                case DOSES -> factRows.dose(r);
                case EVENTS -> factRows.event(r);
                case SUBJECTS -> throw new IllegalStateException();
            };
        }
    }

    private static String[] dense(SortedMap<Integer, String> cells) {
        String[] out = new String[cells.isEmpty() ? 0 : cells.lastKey() + 1];
        cells.forEach((i, v) -> out[i] = v);
        return out;
    }
}
