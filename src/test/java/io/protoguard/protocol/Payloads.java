package io.protoguard.protocol;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The payloads of issue 10 planted into a copy of a shipped protocol. Each one, were it compiled, would write
 * {@code sentinel}; the tests assert the protocol is refused with the cell named and that the file never appears.
 */
public final class Payloads {
    private Payloads() {}

    /** Java that writes the sentinel file. */
    public static String code(Path sentinel) {
        return "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + sentinel.toAbsolutePath().toString().replace("\\", "/")
                + "\"), \"x\");";
    }

    /** Code after the builder call in DateOrder!A8 of data-quality.drl.xlsx (issue 10's upload). */
    public static ProtocolCopy inDateOrderTemplate(ProtocolCopy c, Path sentinel) throws IOException {
        return c.set("data-quality.drl.xlsx", "DateOrder", "A8",
                "DateOrderRule.Builder r = DateOrderRule.rule(\"$param\"); " + code(sentinel));
    }

    /** Code after the builder call in Schedule!B8 of schedule.drl.xlsx (issue 10's protocol check). */
    public static ProtocolCopy inScheduleTemplate(ProtocolCopy c, Path sentinel) throws IOException {
        return c.set("schedule.drl.xlsx", "Schedule", "B8", "r.visit(\"$param\"); " + code(sentinel));
    }

    /** A Functions block in the RuleSet header of the Schedule sheet. */
    public static ProtocolCopy functionsInHeader(ProtocolCopy c, Path sentinel) throws IOException {
        return c.set("schedule.drl.xlsx", "Schedule", "A4", "Functions")
                .set("schedule.drl.xlsx", "Schedule", "B4", "function void pwn() { " + code(sentinel) + " }");
    }

    /** A CONDITION column whose constraint is eval(...) running the code. */
    public static ProtocolCopy evalInCondition(ProtocolCopy c, Path sentinel) throws IOException {
        return c.edit("schedule.drl.xlsx", wb -> {
            Sheet s = wb.getSheet("Schedule");
            int col = s.getRow(5).getLastCellNum();
            String[] header = {"CONDITION", "Subject", "eval(" + code(sentinel).replace(";", "") + " != null)", "Check"};
            for (int r = 0; r < header.length; r++) s.getRow(5 + r).createCell(col).setCellValue(header[r]);
            Row row = s.getRow(9);
            row.createCell(col).setCellValue("x");
        });
    }
}
