package io.protoguard.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.TestProtocols;
import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.LoadedProtocol;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An EDC listing export (mappings/edc-listing-example.yaml: other sheet and column names, dates as
 * 01-MAR-2026 14:30, Y/N as 1/0) gives the same facts and the same deviations as the data workbook it was
 * made from: every CSV scenario of sivelestat-evt, rewritten in the EDC's layout.
 */
class EdcLayoutTest {
    private static final DateTimeFormatter EDC_MINUTES = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EDC_SECONDS = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter EDC_DAY = DateTimeFormatter.ofPattern("dd-MMM-yyyy", Locale.ENGLISH);

    private static WorkbookLayout edc(Path tmp) throws Exception {
        Path file = tmp.resolve("edc.yaml");
        try (InputStream in = EdcLayoutTest.class.getResourceAsStream("/mappings/edc-listing-example.yaml")) {
            Files.copy(in, file);
        }
        return WorkbookLayout.load(file);
    }

    @Test
    void everySivelestatScenarioGivesTheSameFactsAndDeviationsInTheEdcLayout(@TempDir Path tmp) throws Exception {
        WorkbookLayout layout = edc(tmp);
        LoadedProtocol protocol = TestProtocols.sivelestat();
        List<Path> scenarios;
        try (Stream<Path> s = Files.list(Path.of("test-scenarios/sivelestat-evt"))) {
            scenarios = s.filter(p -> Files.exists(p.resolve("Subjects.csv"))).sorted().toList();
        }
        assertThat(scenarios).hasSizeGreaterThan(5);
        int compared = 0;
        for (Path scenario : scenarios) {
            Properties props = new Properties();
            try (Reader r = Files.newBufferedReader(scenario.resolve("scenario.properties"))) {
                props.load(r);
            }
            ZoneId zone = ZoneId.of(props.getProperty("timeZone", "UTC"));
            LocalDate asOf = LocalDate.parse(props.getProperty("asOf"));
            Path export = Files.createDirectories(tmp.resolve(scenario.getFileName()));
            toEdc(scenario, export, layout);
            WorkbookData original = new WorkbookReader(protocol.codeBook(), zone).read(scenario);
            WorkbookData mapped = new WorkbookReader(protocol.codeBook(), zone, layout).read(export);
            String name = scenario.getFileName().toString();
            assertThat(facts(mapped, layout)).as(name).isEqualTo(facts(original, layout));
            assertThat(errors(mapped)).as(name).isEqualTo(errors(original));
            CheckResult a = new Evaluator(protocol).check(original, asOf, zone), b = new Evaluator(protocol).check(mapped, asOf, zone);
            assertThat(deviations(b)).as(name).isEqualTo(deviations(a));
            compared += a.deviations().size();
        }
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    void errorsNameTheExportsOwnSheetsAndColumns(@TempDir Path tmp) throws Exception {
        WorkbookLayout layout = edc(tmp);
        Path export = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(export.resolve("DEMOG.csv"), "SUBJ_NO,AGE_YRS,RAND_DTTM\nS-1,70,32-MAR-2026 10:00\nS-2,70,01-MAR-2026 10:00\n");
        WorkbookData data = new WorkbookReader(TestProtocols.sivelestat().codeBook(), ZoneId.of("UTC"), layout).read(export);
        assertThat(data.subjects()).hasSize(1);
        assertThat(data.subjects().get(0).subject().randomizedAt().toString()).isEqualTo("2026-03-01T10:00");
        assertThat(data.errors()).extracting(InputError::describe)
                .anyMatch(m -> m.startsWith("DEMOG.csv: DEMOG!C2 RAND_DTTM: ") && m.contains("32-MAR-2026 10:00"));
    }

    /** Rewrites a workbook CSV folder in the EDC layout: file and column names, dates, Y/N as 1/0. */
    private static void toEdc(Path from, Path to, WorkbookLayout layout) throws Exception {
        for (WorkbookLayout.Sheet sheet : layout.sheets()) {
            Path csv = from.resolve(sheet.sheet() + ".csv");
            if (!Files.exists(csv)) continue;
            List<String> lines = Files.readAllLines(csv);
            String[] header = lines.get(0).split(",", -1);
            List<String> out = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (String h : header) names.add(sheet.columns().getOrDefault(h.trim(), h));
            out.add(String.join(",", names));
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                for (int i = 0; i < cells.length && i < header.length; i++) cells[i] = edcValue(header[i].trim(), cells[i]);
                out.add(String.join(",", cells));
            }
            Files.write(to.resolve(sheet.from() + ".csv"), out);
        }
    }

    private static String edcValue(String column, String v) {
        String t = v.trim();
        if (WorkbookLayout.DATE_COLUMNS.contains(column)) {
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) return LocalDate.parse(t).format(EDC_DAY).toUpperCase();
            if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}")) return LocalDateTime.parse(t).format(EDC_MINUTES).toUpperCase();
            if (t.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) return LocalDateTime.parse(t).format(EDC_SECONDS).toUpperCase();
            return v; // with a UTC offset: the EDC writes it as ISO 8601, which is always understood
        }
        if (column.equals("Value") || column.equals("AlternativeExplanation") || column.equals("SiteReportedSymptomatic")) {
            if (t.equals("Y")) return "1";
            if (t.equals("N")) return "0";
        }
        return v;
    }

    /** The facts with each file named as the workbook names it, so only layout-free content is compared. */
    private static String facts(WorkbookData data, WorkbookLayout layout) {
        String s = data.subjects().toString();
        for (WorkbookLayout.Sheet sheet : layout.sheets()) s = s.replace(sheet.from() + ".csv", sheet.sheet() + ".csv");
        return s;
    }

    /** Input errors by row and cell (sorted: the sheets' names, hence their order, differ). */
    private static List<String> errors(WorkbookData data) {
        return data.errors().stream().map(e -> e.row() + "|" + e.cell()).sorted().toList();
    }


    private static List<String> deviations(CheckResult r) {
        return r.deviations().stream().map(d -> String.join("|", d.subjectId(), d.category().name(), d.severity().name(), d.ruleId(),
                String.valueOf(d.visit()), String.valueOf(d.occurredOn()), d.message(), d.expected(), d.actual(), d.citation(),
                d.source() == null ? "-" : d.source().sheet() + ":" + d.source().row())).toList();
    }
}
