package io.protoguard.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The blank data workbook of a protocol: sheets, drop-downs from the protocol's tables, formats, README. */
class TemplateWriterTest {
    static ProtocolVersions msc;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() throws Exception {
        msc = new ProtocolLoader(Path.of("rules")).loadVersions(Path.of("decision-tables/msc-septic-shock"));
    }

    private XSSFWorkbook written(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            TemplateWriter.write(msc, out);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> listValues(XSSFWorkbook wb, String key) {
        String formula = wb.getName(TemplateWriter.listName(key)).getRefersToFormula();
        var area = new org.apache.poi.ss.util.AreaReference(formula, wb.getSpreadsheetVersion());
        List<String> out = new ArrayList<>();
        XSSFSheet lists = wb.getSheet("TemplateLists");
        for (var ref : area.getAllReferencedCells()) out.add(lists.getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue());
        return out;
    }

    @Test
    void sheetsHeadersAndDropDownsComeFromTheProtocol() throws Exception {
        try (XSSFWorkbook wb = written(tmp.resolve("t.xlsx"))) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("README", "Subjects", "Criteria", "Assessments", "Doses", "Events", "TemplateLists");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("TemplateLists"))).isTrue();
            Row header = wb.getSheet("Assessments").getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("SubjectId");
            assertThat(header.getCell(1).getStringCellValue()).isEqualTo("Visit");
            assertThat(listValues(wb, "Assessments.Visit")).containsExactly("BASELINE", "D2", "D3", "D7", "D14", "D21", "D28");
            assertThat(listValues(wb, "Assessments.Test")).contains("SOFA", "IL6", "IL10", "PCT", "CRP");
            assertThat(listValues(wb, "Subjects.Arm")).containsExactly("CONTROL", "MSC");
            assertThat(listValues(wb, "Criteria.Criterion")).contains("SEPTIC_SHOCK", "ANC", "PREGNANT", "ONCOHEM_CHEMO_RESISTANT");
            assertThat(listValues(wb, "Doses.Unit")).containsExactly("10^6 cells/kg");
            List<String> validated = new ArrayList<>();
            for (DataValidation v : wb.getSheet("Assessments").getDataValidations()) {
                validated.add(v.getValidationConstraint().getFormula1() + "@" + v.getRegions().getCellRangeAddress(0).formatAsString());
            }
            assertThat(validated).contains("list_Assessments_Visit@B2:B" + (TemplateWriter.ROWS + 1),
                    "list_Assessments_Test@C2:C" + (TemplateWriter.ROWS + 1));
            assertThat(wb.getSheet("Subjects").getColumnStyle(8).getDataFormatString()).isEqualTo("yyyy-mm-dd hh:mm");
            String readme = readme(wb);
            assertThat(readme).contains("msc-septic-shock", "D14 SOFA", "14 d ±2 d (day 12 to 16)", "Subjects.RandomizedAt (required)");
        }
    }

    @Test
    void filledTemplateReadsBackWithoutErrorsOrWarnings() throws Exception {
        Path file = tmp.resolve("filled.xlsx");
        try (XSSFWorkbook wb = written(file)) {
            XSSFSheet s = wb.getSheet("Subjects");
            Row r = s.createRow(1);
            r.createCell(0).setCellValue("M-01");
            r.createCell(2).setCellValue("MSC");
            r.createCell(3).setCellValue("F");
            r.createCell(4).setCellValue(40);
            var rand = r.createCell(8);
            rand.setCellValue(LocalDateTime.of(2026, 1, 10, 8, 30));
            rand.setCellStyle(s.getColumnStyle(8));
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        WorkbookData data = new WorkbookReader(msc.codeBook(), ZoneOffset.UTC).read(file);
        assertThat(data.errors()).isEmpty();
        assertThat(data.warnings()).isEmpty();
        assertThat(data.subjects()).hasSize(1);
        assertThat(data.subjects().get(0).subject().randomizedAt().text()).isEqualTo("2026-01-10T08:30");
    }

    private static String readme(XSSFWorkbook wb) {
        StringBuilder sb = new StringBuilder();
        for (Row row : wb.getSheet("README")) row.forEach(c -> sb.append(c.getStringCellValue()).append(' '));
        return sb.toString();
    }
}
