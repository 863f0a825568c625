package io.protoguard.sdtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.sdtm.SdtmStudyReader;
import io.protoguard.intake.sdtm.SdtmWriters;
import io.protoguard.intake.sdtm.SdtmWriters.Domain;
import io.protoguard.mapping.SdtmMapping;
import io.protoguard.model.Category;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.report.CsvReport;
import io.protoguard.report.CsvReportTest;
import io.protoguard.report.XlsxReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC 8: a finding's source is {file, sheet, domain, row, seq}. The pilot with one EX dose changed gives a DOSING
 * finding on that EX record, and the CSV and XLSX reports carry its domain and EXSEQ in SourceDomain and SourceSeq.
 */
class SdtmReportSourceTest {

    @Test
    void anExFindingCarriesDomainAndExseqInCsvAndXlsx(@TempDir Path tmp) throws Exception {
        Path study = Files.createDirectories(tmp.resolve("study"));
        for (String name : List.of("dm", "ds", "sv", "ta", "tv", "ti", "ex")) {
            Domain d = SdtmFormatsTest.domain(PilotData.xpt().resolve(name + ".xpt"));
            if (name.equals("ex")) d = withDose(d, 2, 999.0);
            try (Writer out = Files.newBufferedWriter(study.resolve(name + ".csv"), StandardCharsets.UTF_8)) {
                SdtmWriters.csv(d, out);
            }
        }
        SdtmStudyReader.Result read = new SdtmStudyReader(SdtmMapping.standard(), ZoneId.of("UTC")).read(study);
        assertThat(read.data().errors()).isEmpty();
        var protocol = new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables", "cdiscpilot01"));
        CheckResult result = new Evaluator(protocol).check(read.data(), LocalDate.of(2015, 1, 1), ZoneId.of("UTC"));

        List<Deviation> dosing = result.deviations().stream().filter(d -> d.category() == Category.DOSING).toList();
        assertThat(dosing).hasSize(1);
        assertThat(dosing.get(0).source().domain()).isEqualTo("EX");
        assertThat(dosing.get(0).source().row()).isEqualTo(3);
        long exseq = dosing.get(0).source().seq();
        int index = result.deviations().indexOf(dosing.get(0)) + 1;

        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        new CsvReport().write(result, csv);
        List<List<String>> rows = CsvReportTest.parse(csv.toString(StandardCharsets.UTF_8).substring(1));
        List<String> header = rows.get(0);
        List<String> row = rows.get(index);
        assertThat(row.get(header.indexOf("SourceFile"))).isEqualTo("ex.csv");
        assertThat(row.get(header.indexOf("SourceRow"))).isEqualTo("3");
        assertThat(row.get(header.indexOf("SourceDomain"))).isEqualTo("EX");
        assertThat(row.get(header.indexOf("SourceSeq"))).isEqualTo(Long.toString(exseq));
        // the SV findings name their domain and leave SourceSeq empty: SV has no --SEQ
        assertThat(rows.subList(1, rows.size())).anyMatch(r -> r.get(header.indexOf("SourceDomain")).equals("SV")
                && r.get(header.indexOf("SourceSeq")).isEmpty());

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        new XlsxReport().write(result, xlsx);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            Row r = wb.getSheet("Deviations").getRow(index);
            assertThat(r.getCell(header.indexOf("SourceDomain")).getStringCellValue()).isEqualTo("EX");
            assertThat(r.getCell(header.indexOf("SourceSeq")).getNumericCellValue()).isEqualTo((double) exseq);
        }
    }

    /** The domain with the EXDOSE of one record (0-based) replaced. */
    private static Domain withDose(Domain d, int record, double dose) {
        int column = -1;
        for (int i = 0; i < d.variables().size(); i++) if (d.variables().get(i).name().equals("EXDOSE")) column = i;
        List<List<Object>> rows = new ArrayList<>(d.rows());
        List<Object> changed = new ArrayList<>(rows.get(record));
        changed.set(column, dose);
        rows.set(record, changed);
        return new Domain(d.name(), d.label(), d.variables(), rows);
    }
}
