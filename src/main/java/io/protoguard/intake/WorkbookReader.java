package io.protoguard.intake;

import io.protoguard.model.CodeBook;
import io.protoguard.model.WorkbookData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Reads a site's data workbook (SPEC section 3): an .xlsx file, or a folder of CSV files named after the
 * sheets. Bad data never throws: every fault comes back as an input error naming file, sheet, row and cell.
 */
public final class WorkbookReader {

    private final CodeBook codes;
    private final ZoneId studyZone;

    /** @param studyZone the zone of date-times written without a UTC offset (SPEC section 4) */
    public WorkbookReader(CodeBook codes, ZoneId studyZone) {
        this.codes = codes;
        this.studyZone = studyZone;
    }

    /** path is an .xlsx file or a folder of CSV files named after the sheets (Subjects.csv, Criteria.csv, ...). */
    public WorkbookData read(Path path) {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        Faults faults = new Faults();
        FactAssembler assembler = new FactAssembler(codes, studyZone, faults);
        if (Files.isDirectory(path)) {
            new CsvFolderSource(path).feed(assembler);
            return assembler.result("Subjects.csv");
        }
        if (!Files.isRegularFile(path)) return unreadable(name, "no such file or folder");
        try {
            new XlsxRowSource(path, name).feed(assembler);
        } catch (XlsxRowSource.UnreadableWorkbook e) {
            // Facts of a half-read workbook would look like missing data to the engine, so none are kept.
            return unreadable(name, e.getMessage());
        }
        return assembler.result(name);
    }

    private static WorkbookData unreadable(String file, String message) {
        Faults faults = new Faults();
        faults.error(file, null, null, -1, null, message);
        return new WorkbookData(List.of(), faults.errors(), List.of());
    }
}
