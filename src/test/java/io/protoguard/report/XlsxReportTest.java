package io.protoguard.report;

import io.protoguard.model.Category;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class XlsxReportTest {

    private static XSSFWorkbook open(CheckResult r) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(Fixtures.render(new XlsxReport(), r)));
    }

    private static List<String> rowText(Row row) {
        DataFormatter f = new DataFormatter();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < row.getLastCellNum(); i++) values.add(f.formatCellValue(row.getCell(i)));
        return values;
    }

    /** The row whose first cell reads {@code label}, searching from {@code from}. */
    private static Row find(Sheet s, String label, int from) {
        for (int i = from; i <= s.getLastRowNum(); i++) {
            Row r = s.getRow(i);
            if (r != null && r.getCell(0) != null && label.equals(r.getCell(0).getStringCellValue())) return r;
        }
        throw new AssertionError("no row " + label);
    }

    private static List<Integer> numbers(Row r, int from, int count) {
        List<Integer> n = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            assertThat(r.getCell(i).getCellType()).isEqualTo(CellType.NUMERIC);
            n.add((int) r.getCell(i).getNumericCellValue());
        }
        return n;
    }

    @Test
    void sheetsInOrder() throws Exception {
        try (XSSFWorkbook wb = open(Fixtures.sample())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("Deviations", "Summary", "Outcomes", "Input errors", "Warnings");
        }
    }

    @Test
    void deviationsSheetIsAFilterableTable() throws Exception {
        try (XSSFWorkbook wb = open(Fixtures.sample())) {
            XSSFSheet s = wb.getSheet("Deviations");
            assertThat(rowText(s.getRow(0))).containsExactlyElementsOf(CsvReport.COLUMNS);
            assertThat(wb.getFontAt(s.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            PaneInformation pane = s.getPaneInformation();
            assertThat(pane).isNotNull();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
            assertThat(s.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:Q4");
            assertThat(s.getLastRowNum()).isEqualTo(3);
            // message column wider than the default and not absurdly wide
            assertThat(s.getColumnWidth(6)).isGreaterThan(30 * 256).isLessThanOrEqualTo(60 * 256);
        }
    }

    @Test
    void occurredOnIsADateCellAndSourceRowANumber() throws Exception {
        try (XSSFWorkbook wb = open(Fixtures.sample())) {
            Row r = wb.getSheet("Deviations").getRow(2);
            Cell date = r.getCell(5);
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 5));
            assertThat(r.getCell(12).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(r.getCell(12).getNumericCellValue()).isEqualTo(7.0);
            assertThat(r.getCell(9).getStringCellValue()).isEqualTo("NIHSS at 48 h \u00b1 12 h");
            assertThat(r.getCell(14).getStringCellValue()).as("CitationSource").isEqualTo("PROTOCOL");
            // no source: the source cells are left empty
            Row noSource = wb.getSheet("Deviations").getRow(3);
            assertThat(noSource.getCell(12)).isNull();
            // a workbook source has no domain or --SEQ: those cells stay empty
            assertThat(r.getCell(15)).isNull();
            assertThat(r.getCell(16)).isNull();
        }
    }

    @Test
    void anSdtmSourceCarriesItsDomainAndSeqAsTheLastColumns() throws Exception {
        var d = Fixtures.dev("01-701-1015", Category.VISIT_WINDOW, Severity.NON_IMPORTANT, "SCHED-WEEK16", "WEEK 16",
                LocalDate.of(2014, 5, 1), "WEEK 16 late", null, null, null, SourceRef.sdtm("sv.xpt", "SV", 12, 9L));
        try (XSSFWorkbook wb = open(Fixtures.withDeviations(List.of(d)))) {
            Row r = wb.getSheet("Deviations").getRow(1);
            assertThat(r.getCell(10).getStringCellValue()).isEqualTo("sv.xpt");
            assertThat(r.getCell(12).getNumericCellValue()).isEqualTo(12.0);
            assertThat(r.getCell(15).getStringCellValue()).as("SourceDomain").isEqualTo("SV");
            assertThat(r.getCell(16).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(r.getCell(16).getNumericCellValue()).as("SourceSeq").isEqualTo(9.0);
        }
    }

    @Test
    void textCellsKeepTheTextAsWrittenAndAreNeverFormulas() throws Exception {
        var d = Fixtures.dev("=HYPERLINK(\"http://evil\",\"x\")", Category.DOSING, Severity.IMPORTANT, "DOSE-RATE",
                null, LocalDate.of(2026, 2, 1), "-5 mg/kg/day below the rate", null, null,
                "x".repeat(40_000), new SourceRef("d.xlsx", "Doses", 3));
        try (XSSFWorkbook wb = open(Fixtures.withDeviations(List.of(d)))) {
            Row r = wb.getSheet("Deviations").getRow(1);
            assertThat(r.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            // SPEC 8: the XLSX report stores text as written; a string cell is never evaluated, so no quote prefix
            assertThat(r.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\",\"x\")");
            assertThat(r.getCell(6).getStringCellValue()).isEqualTo("-5 mg/kg/day below the rate");
            // over Excel's cell limit: cut, not a failure
            assertThat(r.getCell(9).getStringCellValue()).hasSize(32_767).endsWith("\u2026");
        }
    }

    @Test
    void summaryCountsByCategorySeverityAndSubject() throws Exception {
        try (XSSFWorkbook wb = open(Fixtures.sample())) {
            Sheet s = wb.getSheet("Summary");
            assertThat(find(s, "Protocol", 0).getCell(1).getStringCellValue()).isEqualTo("sivelestat-evt");
            assertThat(find(s, "Title", 0).getCell(1).getStringCellValue()).isEqualTo("Sivelestat with EVT");
            assertThat(find(s, "Version", 0).getCell(1).getStringCellValue()).isEqualTo("2.0");
            assertThat(find(s, "As of", 0).getCell(1).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(Fixtures.AS_OF);
            assertThat(numbers(find(s, "Subjects", 0), 1, 1)).containsExactly(5);
            assertThat(numbers(find(s, "Input errors", 0), 1, 1)).containsExactly(1);
            assertThat(numbers(find(s, "Deviations", 0), 1, 1)).containsExactly(3);

            Row header = find(s, "Category", 0);
            assertThat(rowText(header)).containsExactly("Category", "IMPORTANT", "NON_IMPORTANT", "Total");
            int first = header.getRowNum() + 1;
            List<String> categories = new ArrayList<>();
            for (int i = 0; i < Category.values().length; i++) {
                categories.add(s.getRow(first + i).getCell(0).getStringCellValue());
            }
            assertThat(categories).containsExactly("ELIGIBILITY", "CONSENT", "DOSING", "VISIT_WINDOW",
                    "MISSED_ASSESSMENT", "SAFETY", "DATA_QUALITY");
            assertThat(numbers(find(s, "ELIGIBILITY", first), 1, 3)).containsExactly(2, 0, 2);
            assertThat(numbers(find(s, "VISIT_WINDOW", first), 1, 3)).containsExactly(0, 1, 1);
            assertThat(numbers(find(s, "CONSENT", first), 1, 3)).containsExactly(0, 0, 0);
            assertThat(numbers(find(s, "Total", first), 1, 3)).containsExactly(2, 1, 3);

            Row subjects = find(s, "SubjectId", 0);
            assertThat(rowText(subjects)).containsExactly("SubjectId", "IMPORTANT", "NON_IMPORTANT", "Total");
            assertThat(numbers(find(s, "S-001", subjects.getRowNum()), 1, 3)).containsExactly(1, 1, 2);
            assertThat(numbers(find(s, "S-003", subjects.getRowNum()), 1, 3)).containsExactly(1, 0, 1);
            assertThat(s.getLastRowNum()).isEqualTo(subjects.getRowNum() + 2);
        }
    }

    @Test
    void outcomesOneRowEach() throws Exception {
        try (XSSFWorkbook wb = open(Fixtures.sample())) {
            Sheet s = wb.getSheet("Outcomes");
            assertThat(rowText(s.getRow(0))).containsExactly("SubjectId", "Outcome", "Value", "Basis");
            assertThat(s.getLastRowNum()).isEqualTo(2);
            assertThat(rowText(s.getRow(1))).containsExactly("S-001", "MRS_0_2", "Y", "mRS 2 at D90");
            assertThat(s.getRow(2).getCell(1).getStringCellValue()).isEqualTo("DEATH_D90");
            assertThat(s.getRow(2).getCell(3)).isNull();
        }
    }

    @Test
    void inputErrorsAndWarningsSheets() throws Exception {
        try (XSSFWorkbook wb = open(Fixtures.sample())) {
            Sheet e = wb.getSheet("Input errors");
            assertThat(rowText(e.getRow(0))).containsExactly("File", "Sheet", "Cell", "Row", "Column", "Message");
            assertThat(e.getLastRowNum()).isEqualTo(1);
            Row r = e.getRow(1);
            assertThat(r.getCell(2).getStringCellValue()).isEqualTo("D14");
            assertThat(r.getCell(3).getNumericCellValue()).isEqualTo(14.0);
            assertThat(r.getCell(5).getStringCellValue()).isEqualTo("\"2026-13-01\" is not a date-time");
            Sheet w = wb.getSheet("Warnings");
            assertThat(w.getLastRowNum()).isEqualTo(1);
            assertThat(w.getRow(1).getCell(3)).isNull();
        }
    }

    @Test
    void emptyResultStillHasEverySheetWithHeaders() throws Exception {
        try (XSSFWorkbook wb = open(Fixtures.empty())) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(5);
            for (String name : List.of("Deviations", "Outcomes", "Input errors", "Warnings")) {
                assertThat(wb.getSheet(name).getLastRowNum()).as(name).isZero();
                assertThat(wb.getSheet(name).getRow(0).getCell(0)).as(name).isNotNull();
            }
            assertThat(wb.getSheet("Deviations").getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A1:Q1");
            Sheet s = wb.getSheet("Summary");
            int first = find(s, "Category", 0).getRowNum() + 1;
            assertThat(numbers(find(s, "DATA_QUALITY", first), 1, 3)).containsExactly(0, 0, 0);
            assertThat(numbers(find(s, "Total", first), 1, 3)).containsExactly(0, 0, 0);
        }
    }
}
