package io.protoguard.report;

import io.protoguard.model.Category;
import io.protoguard.model.Severity;
import io.protoguard.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class CsvReportTest {

    /** A minimal RFC 4180 reader, strict on CRLF record ends, so the test does not trust the writer. */
    public static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                field.append(c); i++; continue;
            }
            if (c == '"') { quoted = true; i++; continue; }
            if (c == ',') { row.add(field.toString()); field.setLength(0); i++; continue; }
            if (c == '\r') {
                assertThat(text.charAt(i + 1)).as("CR must be followed by LF outside quotes").isEqualTo('\n');
                row.add(field.toString()); field.setLength(0);
                rows.add(row); row = new ArrayList<>();
                i += 2; continue;
            }
            assertThat(c).as("bare LF outside quotes").isNotEqualTo('\n');
            field.append(c); i++;
        }
        assertThat(row).as("last record ends with CRLF").isEmpty();
        return rows;
    }

    private static String render(io.protoguard.model.CheckResult r) throws Exception {
        byte[] bytes = Fixtures.render(new CsvReport(), r);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        return new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    }

    @Test
    void headerAndOneRowPerDeviation() throws Exception {
        List<List<String>> rows = parse(render(Fixtures.sample()));
        assertThat(rows.get(0)).containsExactly("SubjectId", "Category", "Severity", "RuleId", "Visit", "OccurredOn",
                "Message", "Expected", "Actual", "Citation", "SourceFile", "SourceSheet", "SourceRow",
                "ProtocolVersion", "CitationSource", "SourceDomain", "SourceSeq");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(2)).containsExactly("S-001", "VISIT_WINDOW", "NON_IMPORTANT", "SCHED-H48", "H48",
                "2026-01-05", "NIHSS at H48 done 70 h after randomization", "36 h to 60 h", "70 h",
                "NIHSS at 48 h \u00b1 12 h", "data.xlsx", "Assessments", "7", "2.0", "PROTOCOL", "", "");
        // nulls are empty fields, not the word null; input errors are not rows
        assertThat(rows.get(3)).containsExactly("S-003", "ELIGIBILITY", "IMPORTANT", "ELIG-EVT", "", "2026-01-09",
                "EVT criterion not recorded", "Y", "", "", "", "", "", "2.0", "", "", "");
        assertThat(rows).noneMatch(r -> r.contains("\"2026-13-01\" is not a date-time"));
    }

    @Test
    void formulaStartsAreNeutralisedAndQuotesAndNewlinesSurvive() throws Exception {
        var d = Fixtures.dev("=HYPERLINK(\"http://evil\",\"x\")", Category.DOSING, Severity.IMPORTANT, "DOSE-RATE",
                "@D7", LocalDate.of(2026, 2, 1), "-5 mg/kg/day below the rate", "+10 %", "line one\r\nline \"two\"",
                "Dose, as \"per\" protocol\nsection 6", new SourceRef("=cmd|' /C calc'!A0", "Doses", 3));
        List<List<String>> rows = parse(render(Fixtures.withDeviations(List.of(d))));
        List<String> row = rows.get(1);
        assertThat(row.get(0)).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        assertThat(row.get(4)).isEqualTo("'@D7");
        assertThat(row.get(6)).isEqualTo("'-5 mg/kg/day below the rate");
        assertThat(row.get(7)).isEqualTo("'+10 %");
        assertThat(row.get(8)).isEqualTo("line one\r\nline \"two\"");
        assertThat(row.get(9)).isEqualTo("Dose, as \"per\" protocol\nsection 6");
        assertThat(row.get(10)).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(row.get(12)).isEqualTo("3");
    }

    @Test
    void anSdtmSourceCarriesItsDomainAndSeqInTheLastColumns() throws Exception {
        var d = Fixtures.dev("01-701-1015", Category.VISIT_WINDOW, Severity.NON_IMPORTANT, "SCHED-WEEK16", "WEEK 16",
                LocalDate.of(2014, 5, 1), "WEEK 16 late", null, null, null, SourceRef.sdtm("sv.xpt", "SV", 12, 9L));
        List<List<String>> rows = parse(render(Fixtures.withDeviations(List.of(d))));
        List<String> row = rows.get(1);
        assertThat(row.subList(10, 13)).containsExactly("sv.xpt", "SV", "12");
        assertThat(row.subList(15, 17)).containsExactly("SV", "9");
        // a domain without --SEQ leaves SourceSeq empty
        var noSeq = Fixtures.dev("01-701-1015", Category.DOSING, Severity.IMPORTANT, "DOSE", null, null, "m", null, null,
                null, SourceRef.sdtm("ex.xpt", "EX", 3, null));
        assertThat(parse(render(Fixtures.withDeviations(List.of(noSeq)))).get(1).subList(15, 17)).containsExactly("EX", "");
    }

    @Test
    void accentsAreUtf8() throws Exception {
        var d = Fixtures.dev("S-\u00e9", Category.CONSENT, Severity.IMPORTANT, "CONSENT", null, null,
                "Consentement sign\u00e9 apr\u00e8s", null, null, null, null);
        List<List<String>> rows = parse(render(Fixtures.withDeviations(List.of(d))));
        assertThat(rows.get(1).get(0)).isEqualTo("S-\u00e9");
        assertThat(rows.get(1).get(5)).isEmpty();
        assertThat(rows.get(1).get(6)).isEqualTo("Consentement sign\u00e9 apr\u00e8s");
    }

    @Test
    void emptyResultIsJustTheHeader() throws Exception {
        assertThat(parse(render(Fixtures.empty()))).hasSize(1);
    }
}
