package io.protoguard.intake;

import io.protoguard.model.Assessment;
import io.protoguard.model.BadValue;
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
    private boolean streaming;
    private final List<SheetStream> streams = new ArrayList<>();
    /** Rows not checked because the Subjects sheet could not be read, by sheet: one error each, not one per row. */
    private final Map<SheetIntake, int[]> unreadRowsBySheet = new LinkedHashMap<>();
    /** Rule ids the protocol applies to the rows of each optional sheet, to name what a missing sheet costs. */
    private Map<SheetKind, List<String>> rulesBySheet = Map.of();

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
        SheetIntake intake = new SheetIntake(file, kind, sheets.size(), faults, spool, whenParser);
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
    int emit(String subjectsFile, boolean csv, Consumer<SubjectData> consumer) {
        if (!fileOfSheet.containsKey(SheetKind.SUBJECTS)) {
            faults.error(csv ? "Subjects.csv" : subjectsFile, SheetKind.SUBJECTS.sheetName(), null, -1, null,
                    "no Subjects sheet (required): no subject can be read");
        }
        warnAboutMissingSheets(subjectsFile, csv);
        List<RowSpool.Run> runs = new ArrayList<>();
        if (streaming) {
            runs.addAll(streams);
        } else {
            for (SheetIntake sheet : sheets) sheet.flushRows(); // also the rows of a file whose read failed halfway
            runs = spool.runs();
        }
        int[] count = {0};
        SubjectMerge.groups(runs, rows -> {
            SubjectData data = assemble(rows);
            if (data != null) {
                count[0]++;
                consumer.accept(data);
            }
        });
        unreadRowsBySheet.forEach((sheet, n) -> faults.error(sheet.file, sheet.kind.sheetName(), null, -1, null,
                n[0] + (n[0] == 1 ? " row of this sheet was" : " rows of this sheet were")
                        + " not checked: the Subjects sheet could not be read (see its errors)"));
        return count[0];
    }

    /**
     * Sends every sheet's rows straight to the merge instead of the spool: only for sheets whose files are known
     * to be in SubjectId order ({@link SortedCsvScan}), read on threads of their own while {@link #emit} runs.
     */
    void streamSheets() {
        streaming = true;
        for (SheetIntake sheet : sheets) streams.add(sheet.streamToMerge());
    }

    /** Tells intake which rules read which sheet, so a sheet the workbook lacks is a warning naming them. */
    void expectSheets(Map<SheetKind, List<String>> rulesBySheet) {
        this.rulesBySheet = rulesBySheet;
    }

    /**
     * A sheet the protocol's rules read but the workbook lacks is not an error (a site may have no events),
     * but it must not be silent either: those rules judged nothing.
     */
    private void warnAboutMissingSheets(String workbook, boolean csv) {
        rulesBySheet.forEach((kind, ruleIds) -> {
            if (ruleIds.isEmpty() || fileOfSheet.containsKey(kind) || kind == SheetKind.SUBJECTS) return;
            String where = csv ? "no " + kind.sheetName() + ".csv file" : "no " + kind.sheetName() + " sheet";
            faults.warning(csv ? kind.sheetName() + ".csv" : workbook, kind.sheetName(), null, -1, null,
                    where + ": the rules " + String.join(", ", ruleIds) + " were not applied");
        });
    }

    /** One subject's rows (all with the same SubjectId, in file order) to its facts; null if it has none. */
    private SubjectData assemble(List<SpooledRow> rows) {
        factRows.startSubject();
        String id = rows.get(0).subjectKey().isEmpty() ? null : rows.get(0).subjectKey();
        Subject subject = null;
        Integer firstSubjectRow = null;
        List<BadValue> badValues = List.of();
        Map<String, String> subjectCells = Map.of();
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
                    badValues = r.badOptionalCells();
                    subjectCells = sheet.cellsOfRow(r);
                }
            } else {
                linked.add(fact(sheet, r));
                linkedCells.add(r);
            }
        }
        if (id == null) return null; // each row's missing SubjectId is already an error
        if (subject == null) {
            reportRowsWithoutSubject(id, firstSubjectRow != null, linkedCells);
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
        return new SubjectData(subject, criteria, assessments, doses, events, badValues, subjectCells);
    }

    /**
     * Rows of a subject that has no readable Subjects row: one error per sheet of that subject (at its first
     * row), or one per sheet when the whole Subjects sheet is unreadable, never one per row.
     */
    private void reportRowsWithoutSubject(String id, boolean listed, List<RowCells> rows) {
        if (sheets.stream().anyMatch(SheetIntake::unreadable) && !listed) {
            for (RowCells r : rows) unreadRowsBySheet.computeIfAbsent(sheetOf(r), k -> new int[1])[0]++;
            return;
        }
        Map<String, List<RowCells>> bySheet = new LinkedHashMap<>();
        for (RowCells r : rows) bySheet.computeIfAbsent(r.file() + "\u0000" + r.sheetName(), k -> new ArrayList<>()).add(r);
        for (List<RowCells> same : bySheet.values()) {
            RowCells first = same.get(0);
            String more = same.size() == 1 ? "" : " (" + same.size() + " rows of this sheet, the first here, none checked)";
            faults.error(first.file(), first.sheetName(), first.row(), first.columnIndex("SubjectId"), "SubjectId", (listed
                    ? "SubjectId " + RowCells.quoted(id) + " could not be read from the Subjects sheet (see its errors)"
                    : "SubjectId " + RowCells.quoted(id) + " is not in the Subjects sheet") + more);
        }
    }

    private SheetIntake sheetOf(RowCells r) {
        for (SheetIntake s : sheets) if (s.file.equals(r.file()) && s.kind.sheetName().equals(r.sheetName())) return s;
        throw new IllegalStateException("row of an unknown sheet");
    }

    /** The fact of a row of a sheet other than Subjects; null when the row had faults (already reported). */
    private Object fact(SheetIntake sheet, RowCells r) {
        return switch (sheet.kind) {
            case CRITERIA -> factRows.criterion(r);
            case ASSESSMENTS -> factRows.assessment(r);
            case DOSES -> factRows.dose(r);
            case EVENTS -> factRows.event(r);
            case SUBJECTS -> throw new IllegalStateException();
        };
    }
}
