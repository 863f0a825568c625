package io.protoguard.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.worklist.WorklistItem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The worklist export: title block, columns in the page's order, CSV guarded against formulas, XLSX text as written. */
class WorklistReportTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 9, 1);
    private static final WorklistReportTest.Fixture F = new Fixture();

    record Fixture(WorklistReport.View view) {
        Fixture() {
            this(new WorklistReport.View("S-1", AS_OF, 7, "SITE-02", List.of(
                    new WorklistItem("=1+2", "SITE-02", "D90", "MRS", AS_OF.minusDays(3), AS_OF.plusDays(2), 2, 0, "WIN-D90"),
                    new WorklistItem("P-7", "SITE-02", "D7", "NIHSS, total", AS_OF.plusDays(4), AS_OF.plusDays(9), 9, 4, "WIN-D7"))));
        }
    }

    @Test
    void csvHasTheTitleAndOneGuardedRowPerWindow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorklistReport.csv(F.view(), out);
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFStudy,S-1\r\nSite,SITE-02\r\nAs of,2025-09-01\r\nOpening within (days),7\r\nWindows,2\r\n\r\n"
                + "LastDay,DaysLeft,SubjectId,Site,Visit,Missing,FirstDay,OpensInDays,RuleId\r\n");
        assertThat(csv).contains("2025-09-03,2,'=1+2,SITE-02,D90,MRS,2025-08-29,0,WIN-D90\r\n")
                .endsWith("2025-09-10,9,P-7,SITE-02,D7,\"NIHSS, total\",2025-09-05,4,WIN-D7\r\n");
    }

    @Test
    void xlsxHasTheSameRowsWithTextAsWrittenAndRealDates() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WorklistReport.xlsx(F.view(), out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet s = wb.getSheet("Worklist");
            assertThat(s.getRow(1).getCell(1).getStringCellValue()).isEqualTo("SITE-02");
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("2025-09-01");
            assertThat(s.getRow(6).getCell(5).getStringCellValue()).isEqualTo("Missing");
            assertThat(s.getRow(7).getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 9, 3));
            assertThat(s.getRow(7).getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(s.getRow(7).getCell(2).getStringCellValue()).isEqualTo("=1+2");
            assertThat(s.getRow(8).getCell(7).getNumericCellValue()).isEqualTo(4.0);
            assertThat(s.getLastRowNum()).isEqualTo(8);
        }
    }
}
