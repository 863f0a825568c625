package io.protoguard.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every CSV scenario of every protocol, read three ways: the CSV files, an .xlsx workbook of text cells, and an
 * .xlsx workbook whose date-times are real date cells (a value with a UTC offset stays text: Excel has none).
 * The three give the same deviations (every field but the file name), outcomes and input errors.
 */
class ScenarioFormatsTest {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LOCAL_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2})?");

    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicContainer> everyScenarioGivesTheSameResultFromCsvXlsxTextAndXlsxDates() throws Exception {
        ProtocolLoader loader = new ProtocolLoader(Path.of("rules"));
        List<DynamicContainer> out = new ArrayList<>();
        for (String id : List.of("sivelestat-evt", "msc-septic-shock")) {
            ProtocolVersions protocol = loader.loadVersions(Path.of("decision-tables", id));
            List<DynamicTest> tests = new ArrayList<>();
            for (Scenario s : ScenarioRunner.find(Path.of("test-scenarios", id))) {
                if (!Files.isDirectory(s.data())) continue; // already a workbook
                tests.add(DynamicTest.dynamicTest(s.name(), () -> {
                    CheckResult csv = ScenarioRunner.run(protocol, s).result();
                    for (boolean dates : new boolean[] {false, true}) {
                        Path xlsx = workbook(s.data(), tmp.resolve(id + "-" + s.name() + (dates ? "-dates" : "-text") + ".xlsx"), dates);
                        Scenario asXlsx = new Scenario(s.name(), s.folder(), xlsx, s.description(), s.asOf(), s.zone(),
                                s.expected(), s.expectedInputErrors(), s.versioned());
                        CheckResult other = ScenarioRunner.run(protocol, asXlsx).result();
                        String how = dates ? "XLSX with date cells" : "XLSX with text cells";
                        assertThat(deviations(other)).as("%s/%s deviations from %s", id, s.name(), how).isEqualTo(deviations(csv));
                        assertThat(other.outcomes()).as("%s/%s outcomes from %s", id, s.name(), how).isEqualTo(csv.outcomes());
                        assertThat(errors(other)).as("%s/%s input errors from %s", id, s.name(), how).isEqualTo(errors(csv));
                    }
                }));
            }
            assertThat(tests).as("CSV scenarios of %s", id).isNotEmpty();
            out.add(DynamicContainer.dynamicContainer(id, tests));
        }
        return out.stream();
    }

    /** Every field of every deviation but the source file's name, which differs by construction. */
    private static List<String> deviations(CheckResult r) {
        return r.deviations().stream().map(d -> String.join("|", d.subjectId(), d.category().name(), d.severity().name(),
                d.ruleId(), String.valueOf(d.visit()), String.valueOf(d.occurredOn()), d.message(), String.valueOf(d.expected()),
                String.valueOf(d.actual()), String.valueOf(d.citation()), String.valueOf(d.citationSource()),
                d.source() == null ? "-" : d.source().sheet() + "!" + d.source().row(), String.valueOf(d.protocolVersion()))).toList();
    }

    private static List<String> errors(CheckResult r) {
        return r.inputErrors().stream().map(e -> e.sheet() + "|" + e.row() + "|" + e.column() + "|" + e.cell() + "|"
                + e.message().replace(".csv", "").replace(".xlsx", "")).toList();
    }

    /** One sheet per CSV file of the folder, cells as text, or with date-times as real date cells. */
    private static Path workbook(Path folder, Path target, boolean dates) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); Stream<Path> files = Files.list(folder)) {
            var help = wb.getCreationHelper();
            CellStyle day = wb.createCellStyle(), minute = wb.createCellStyle(), second = wb.createCellStyle();
            day.setDataFormat(help.createDataFormat().getFormat("yyyy-mm-dd"));
            minute.setDataFormat(help.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            second.setDataFormat(help.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (Path csv : files.filter(f -> f.toString().endsWith(".csv") && !f.getFileName().toString().startsWith("expected")).sorted().toList()) {
                String name = csv.getFileName().toString().replace(".csv", "");
                Sheet sheet = wb.createSheet(name);
                List<List<String>> rows = parseCsv(Files.readString(csv));
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        String v = rows.get(r).get(c);
                        if (v.isEmpty()) continue;
                        Cell cell = row.createCell(c);
                        if (dates && r > 0 && DATE.matcher(v).matches()) {
                            cell.setCellValue(LocalDate.parse(v));
                            cell.setCellStyle(day);
                        } else if (dates && r > 0 && LOCAL_DATE_TIME.matcher(v).matches()) {
                            LocalDateTime t = LocalDateTime.parse(v.replace(' ', 'T'));
                            cell.setCellValue(t);
                            cell.setCellStyle(t.getSecond() == 0 ? minute : second);
                        } else {
                            cell.setCellValue(v);
                        }
                    }
                }
            }
            try (OutputStream o = Files.newOutputStream(target)) {
                wb.write(o);
            }
        }
        return target;
    }

    /** RFC 4180 as the scenario files use it: commas, double-quoted fields with doubled quotes, LF or CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else field.append(ch);
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                row.add(field.toString());
                field.setLength(0);
                if (!(row.size() == 1 && row.get(0).isEmpty())) rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
