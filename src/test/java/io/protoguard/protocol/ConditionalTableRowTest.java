package io.protoguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.Deviation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table row may carry a real CONDITION on the subject's facts. Such a row cannot be replaced by the facts
 * the dry run recorded (it does not fire without a subject), so it must still fire in each subject's session.
 */
class ConditionalTableRowTest {
    @TempDir
    Path tmp;

    @Test
    void rowWithAConditionOnTheSubjectFiresPerSubject() throws Exception {
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", tmp, "arm-evt").edit("codes.drl.xlsx", wb -> {
            Sheet s = wb.getSheet("Codes"); // the arm the condition names is declared, as every code is
            Row row = s.createRow(s.getLastRowNum() + 1);
            row.createCell(0).setCellValue("ARM");
            row.createCell(1).setCellValue("SIVELESTAT");
        }).edit("schedule.drl.xlsx", wb -> {
            Sheet s = wb.getSheet("Schedule");
            int col = s.getRow(5).getLastCellNum(); // a new column after Citation: CONDITION Subject(arm == "$param")
            String[] header = {"CONDITION", "Subject", "arm == \"$param\"", "OnlyArm"};
            for (int r = 0; r < header.length; r++) s.getRow(5 + r).createCell(col).setCellValue(header[r]);
            for (int r = 9; r <= s.getLastRowNum(); r++) {
                Row row = s.getRow(r);
                if (row != null && row.getCell(1) != null && "D7".equals(row.getCell(1).getStringCellValue())) {
                    row.createCell(col).setCellValue("SIVELESTAT");
                }
            }
        });
        ProtocolVersions p = new ProtocolLoader(Path.of("rules")).loadVersions(copy.dir);
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("Subjects.csv"), "SubjectId,Arm,Age,WeightKg,ConsentAt,OnsetAt,RandomizedAt\n"
                + "IN-ARM,SIVELESTAT,60,70,2026-03-01T07:00,2026-03-01T02:00,2026-03-01T08:00\n"
                + "NO-ARM,,60,70,2026-03-01T07:00,2026-03-01T02:00,2026-03-01T08:00\n");
        List<Deviation> d = new Evaluator(p).check(new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(data),
                LocalDate.of(2026, 3, 20), ZoneOffset.UTC).deviations();
        assertThat(d).filteredOn(x -> x.ruleId().equals("SCH-D7-NIHSS")).extracting(Deviation::subjectId)
                .containsExactly("IN-ARM");
        assertThat(d).filteredOn(x -> x.ruleId().equals("SCH-H48-NIHSS")).extracting(Deviation::subjectId)
                .containsExactly("IN-ARM", "NO-ARM");
    }
}
