package io.protoguard.protocol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * A copy of sivelestat-evt whose D7 schedule row carries a CONDITION on the subject (arm SIVELESTAT only), and two
 * subjects, one in that arm and one in none: a table row that must fire per subject, never from the dry run alone.
 */
public final class ArmConditionedSchedule {
    private ArmConditionedSchedule() {
    }

    /** The protocol copy, in {@code parent}/arm-evt. */
    public static ProtocolVersions load(Path parent) throws IOException, ProtocolLoadException {
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", parent, "arm-evt").edit("codes.drl.xlsx", wb -> {
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
        return new ProtocolLoader(Path.of("rules")).loadVersions(copy.dir);
    }

    /** A CSV folder {@code parent}/data: IN-ARM (arm SIVELESTAT) and NO-ARM (no arm), in that order. */
    public static Path twoSubjects(Path parent) throws IOException {
        Path data = Files.createDirectories(parent.resolve("data"));
        Files.writeString(data.resolve("Subjects.csv"), "SubjectId,Arm,Age,WeightKg,ConsentAt,OnsetAt,RandomizedAt\n"
                + "IN-ARM,SIVELESTAT,60,70,2026-03-01T07:00,2026-03-01T02:00,2026-03-01T08:00\n"
                + "NO-ARM,,60,70,2026-03-01T07:00,2026-03-01T02:00,2026-03-01T08:00\n");
        return data;
    }
}
