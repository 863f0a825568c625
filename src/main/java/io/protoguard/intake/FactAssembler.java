package io.protoguard.intake;

import io.protoguard.model.Assessment;
import io.protoguard.model.ClinicalEvent;
import io.protoguard.model.CodeBook;
import io.protoguard.model.Criterion;
import io.protoguard.model.Dose;
import io.protoguard.model.SourceRef;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns the rows of any format into subjects' facts. Sheets may come in any order, so rows of the other
 * sheets are kept until the end and only then matched to the Subjects sheet.
 */
final class FactAssembler implements RowSink {

    /** The first Subjects row of an id; subject is null when that row could not be read. */
    private record SubjectEntry(Subject subject, int row) {}

    /** A row of a sheet other than Subjects; fact is null when the row had faults (already reported). */
    private record Linked(String subjectId, int subjectIdColumn, SourceRef source, Object fact) {}

    private final Faults faults;
    private final WhenParser whenParser;
    private final FactRows factRows;
    private final Map<SheetKind, String> fileOfSheet = new EnumMap<>(SheetKind.class);
    private final Map<String, SubjectEntry> subjects = new HashMap<>();
    private final List<Linked> linked = new ArrayList<>();
    private boolean subjectsSheetUnreadable;

    FactAssembler(CodeBook codes, ZoneId studyZone, Faults faults) {
        this.faults = faults;
        this.whenParser = new WhenParser(studyZone);
        this.factRows = new FactRows(codes);
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
        return new SheetIntake(file, kind);
    }

    @Override
    public void fileError(String file, String sheet, String message) {
        faults.error(file, sheet, null, -1, null, message);
    }

    @Override
    public void fileWarning(String file, String message) {
        faults.warning(file, null, null, -1, null, message);
    }

    /** @param subjectsFile where the Subjects sheet was expected, named in the error when it is absent */
    WorkbookData result(String subjectsFile) {
        if (!fileOfSheet.containsKey(SheetKind.SUBJECTS)) {
            faults.error(subjectsFile, SheetKind.SUBJECTS.sheetName(), null, -1, null,
                    "no Subjects sheet (required): no subject can be read");
        }
        Map<String, Facts> bySubject = new TreeMap<>();
        subjects.forEach((id, entry) -> {
            if (entry.subject() != null) bySubject.put(id, new Facts(entry.subject()));
        });
        for (Linked row : linked) {
            if (row.subjectId() == null) continue; // its missing SubjectId is already an error
            Facts facts = bySubject.get(row.subjectId());
            if (facts == null) {
                String id = RowCells.quoted(row.subjectId());
                boolean listed = subjects.containsKey(row.subjectId()) || subjectsSheetUnreadable;
                faults.error(row.source().file(), row.source().sheet(), row.source().row(), row.subjectIdColumn(),
                        "SubjectId", listed
                                ? "SubjectId " + id + " could not be read from the Subjects sheet (see its errors)"
                                : "SubjectId " + id + " is not in the Subjects sheet");
            } else if (row.fact() != null) {
                facts.add(row.fact());
            }
        }
        List<SubjectData> data = bySubject.values().stream().map(Facts::toSubjectData).toList();
        return new WorkbookData(data, faults.errors(), faults.warnings());
    }

    /** One sheet: its header, then its data rows. */
    private final class SheetIntake implements SheetRows {
        private final String file;
        private final SheetKind kind;
        private final Map<String, Integer> columnIndexByName = new LinkedHashMap<>();
        private List<SheetKind.Column> missing;
        private int dataRows;

        SheetIntake(String file, SheetKind kind) {
            this.file = file;
            this.kind = kind;
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
            if (missing.isEmpty()) dataRow(new RowCells(file, kind, rowNumber, columnIndexByName, cells, whenParser, faults));
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

        private void dataRow(RowCells r) {
            if (kind == SheetKind.SUBJECTS) {
                subjectRow(r);
                return;
            }
            Object fact = switch (kind) {
                case CRITERIA -> factRows.criterion(r);
                case ASSESSMENTS -> factRows.assessment(r);
                case DOSES -> factRows.dose(r);
                case EVENTS -> factRows.event(r);
                case SUBJECTS -> throw new IllegalStateException();
            };
            linked.add(new Linked(r.peek("SubjectId"), columnIndexByName.get("SubjectId"), r.source(), fact));
        }

        private void subjectRow(RowCells r) {
            String id = r.peek("SubjectId");
            SubjectEntry first = id == null ? null : subjects.get(id);
            if (first != null) {
                r.error("SubjectId", "duplicate SubjectId " + RowCells.quoted(id) + " (first at row " + first.row() + ")");
            }
            Subject subject = factRows.subject(r);
            if (id != null && first == null) subjects.put(id, new SubjectEntry(subject, r.row()));
        }
    }

    /** The facts of one subject in file order. */
    private static final class Facts {
        private final Subject subject;
        private final List<Criterion> criteria = new ArrayList<>();
        private final List<Assessment> assessments = new ArrayList<>();
        private final List<Dose> doses = new ArrayList<>();
        private final List<ClinicalEvent> events = new ArrayList<>();

        Facts(Subject subject) {
            this.subject = subject;
        }

        void add(Object fact) {
            if (fact instanceof Criterion c) criteria.add(c);
            else if (fact instanceof Assessment a) assessments.add(a);
            else if (fact instanceof Dose d) doses.add(d);
            else if (fact instanceof ClinicalEvent e) events.add(e);
        }

        SubjectData toSubjectData() {
            return new SubjectData(subject, criteria, assessments, doses, events);
        }
    }
}
