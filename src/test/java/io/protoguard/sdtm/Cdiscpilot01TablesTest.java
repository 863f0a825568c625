package io.protoguard.sdtm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped tables of cdiscpilot01 are what {@link Cdiscpilot01Tables} builds from the pilot's trial design
 * domains: a TV or TI record edited by hand, or a table edited without the builder, fails here. With
 * -Dcdiscpilot01.write=true it writes them into decision-tables/cdiscpilot01/ instead (the only way this
 * suite writes into the tracked tree, and only when asked).
 */
class Cdiscpilot01TablesTest {
    private static final Path SHIPPED = Path.of("decision-tables/cdiscpilot01");

    @Test
    void shippedTablesAreTheOnesBuiltFromTheTrialDesignDomains(@TempDir Path tmp) throws Exception {
        var tables = Cdiscpilot01Tables.build(PilotData.xpt());
        if (Boolean.getBoolean("cdiscpilot01.write")) Cdiscpilot01Tables.write(SHIPPED, tables);
        Cdiscpilot01Tables.write(tmp, tables);
        for (String file : tables.keySet()) {
            assertThat(cells(SHIPPED.resolve(file))).as(file).isEqualTo(cells(tmp.resolve(file)));
        }
    }

    @Test
    void everyScheduledVisitOfTvHasAWindowAndNoOtherVisitDoes(@TempDir Path tmp) throws Exception {
        List<String> visits = cells(SHIPPED.resolve("visits.drl.xlsx")).stream()
                .filter(r -> r.startsWith("Visits!B") && r.matches("Visits!B(1[0-9]|[2-9][0-9])=.*")).toList();
        assertThat(visits).hasSize(14).contains("Visits!B10=BASELINE", "Visits!B15=WEEK 10 (T)")
                .noneMatch(v -> v.contains("SCREENING") || v.contains("AMBUL") || v.contains("RETRIEVAL") || v.contains("FOLLOW"));
    }

    static List<String> cells(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        DataFormatter f = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(Files.newInputStream(file))) {
            for (Sheet s : wb) {
                for (Row r : s) for (Cell c : r) {
                    String v = f.formatCellValue(c);
                    if (!v.isEmpty()) out.add(s.getSheetName() + "!" + c.getAddress() + "=" + v);
                }
            }
        }
        return out;
    }
}
