package io.protoguard.intake;

import io.protoguard.model.CodeBook;
import io.protoguard.model.InputError;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;

import io.protoguard.model.rules.ProtocolRule;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads a site's data workbook (SPEC section 3): an .xlsx file, or a folder of CSV files named after the
 * sheets. Bad data never throws: every fault comes back as an input error naming file, sheet, row and cell.
 */
public final class WorkbookReader {

    /** Rows held in memory before intake spills a sorted run to disk: bounds memory for any input size. */
    static final int DEFAULT_SPOOL_ROWS = 200_000;

    /** What a streamed read found besides the subjects: their number and every fault, sorted by place. */
    public record Summary(int subjects, List<InputError> errors, List<InputError> warnings) {}

    private final CodeBook codes;
    private final ZoneId studyZone;
    private final int spoolRows;
    private final Charset csvEncoding;
    private final Map<SheetKind, List<String>> rulesBySheet;
    /** Another layout read as the workbook (a mapping file, docs/mapping.md); null for the workbook itself. */
    private final io.protoguard.mapping.WorkbookLayout layout;

    /** @param studyZone the zone of date-times written without a UTC offset (SPEC section 4) */
    public WorkbookReader(CodeBook codes, ZoneId studyZone) {
        this(codes, studyZone, DEFAULT_SPOOL_ROWS, null, Map.of(), null);
    }

    WorkbookReader(CodeBook codes, ZoneId studyZone, int spoolRows) {
        this(codes, studyZone, spoolRows, null, Map.of(), null);
    }

    /** Reads data written in another layout, renamed and converted as {@code layout} says. */
    public WorkbookReader(CodeBook codes, ZoneId studyZone, io.protoguard.mapping.WorkbookLayout layout) {
        this(codes, studyZone, DEFAULT_SPOOL_ROWS, null, Map.of(), layout);
    }

    private WorkbookReader(CodeBook codes, ZoneId studyZone, int spoolRows, Charset csvEncoding,
                           Map<SheetKind, List<String>> rulesBySheet, io.protoguard.mapping.WorkbookLayout layout) {
        this.codes = codes;
        this.studyZone = studyZone;
        this.spoolRows = spoolRows;
        this.csvEncoding = csvEncoding;
        this.rulesBySheet = rulesBySheet;
        this.layout = layout;
    }

    /**
     * The same reader with CSV files read in {@code encoding} (the user's {@code --encoding}); null detects
     * UTF-8, falling back to Windows-1252 with a warning.
     */
    public WorkbookReader withCsvEncoding(Charset encoding) {
        return new WorkbookReader(codes, studyZone, spoolRows, encoding, rulesBySheet, layout);
    }

    /**
     * The same reader told which rules read which sheet, so that a sheet the workbook lacks is a warning naming
     * the rules it leaves unapplied ("no Events sheet: the rules SICH-... were not applied").
     */
    public WorkbookReader withRules(List<? extends ProtocolRule> rules) {
        return new WorkbookReader(codes, studyZone, spoolRows, csvEncoding, SheetRules.of(rules), layout);
    }

    /** path is an .xlsx file or a folder of CSV files named after the sheets (Subjects.csv, Criteria.csv, ...). */
    public WorkbookData read(Path path) {
        List<SubjectData> subjects = new ArrayList<>();
        Summary s = stream(path, subjects::add);
        return new WorkbookData(subjects, s.errors(), s.warnings());
    }

    /**
     * Reads like {@link #read} but hands each subject to {@code consumer} as soon as its rows are merged, in
     * SubjectId order, so memory holds one subject at a time (plus a bounded sort buffer). Files need not be
     * sorted: unsorted rows are sorted on disk. A workbook that cannot be opened yields no subject at all.
     */
    public Summary stream(Path path, Consumer<SubjectData> consumer) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        Faults faults = new Faults();
        try (RowSpool spool = new RowSpool(spoolRows)) {
            FactAssembler assembler = new FactAssembler(codes, studyZone, faults, spool);
            assembler.expectSheets(rulesBySheet);
            RowSink sink = layout == null ? assembler : new MappedRowSink(assembler, layout);
            String subjectsFile;
            boolean csv = Files.isDirectory(path);
            int[] merged = {-1};
            if (csv) {
                subjectsFile = "Subjects.csv";
                // Files already in SubjectId order are merged as they are read (not for a mapped layout, whose
                // SubjectId column goes by another name).
                new CsvFolderSource(path, csvEncoding).feed(sink, layout != null ? null : new CsvFolderSource.MergeWhileReading() {
                    public void prepare() {
                        assembler.streamSheets();
                    }

                    public void run() {
                        merged[0] = assembler.emit(subjectsFile, true, consumer);
                    }
                });
            } else if (!Files.isRegularFile(path)) {
                return unreadable(name, "no such file or folder");
            } else {
                try {
                    new XlsxRowSource(path, name).feed(sink);
                } catch (XlsxRowSource.UnreadableWorkbook e) {
                    // Facts of a half-read workbook would look like missing data to the engine, so none are kept.
                    return unreadable(name, e.getMessage());
                }
                subjectsFile = name;
            }
            int subjects = merged[0] >= 0 ? merged[0] : assembler.emit(layout == null || layout.bySpec("Subjects") == null || layout.bySpec("Subjects").from() == null
                    ? subjectsFile : csv ? layout.bySpec("Subjects").from() + ".csv" : name, csv, consumer);
            if (layout == null) return new Summary(subjects, faults.errors(), faults.warnings());
            return new Summary(subjects, faults.errors().stream().map(e -> MappedRowSink.inDataTerms(e, layout)).toList(),
                    faults.warnings().stream().map(e -> MappedRowSink.inDataTerms(e, layout)).toList());
        }
    }

    private static Summary unreadable(String file, String message) {
        Faults faults = new Faults();
        faults.error(file, null, null, -1, null, message);
        return new Summary(0, faults.errors(), List.of());
    }
}
