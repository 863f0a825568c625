package io.protoguard.report;

import io.protoguard.model.Category;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Severity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextReportTest {

    private static List<String> lines(CheckResult r) throws Exception {
        return new String(Fixtures.render(new TextReport(), r), StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void headerErrorsAndWarnings() throws Exception {
        List<String> lines = lines(Fixtures.sample());
        assertThat(lines.get(0)).isEqualTo("protoguard check: sivelestat-evt 2.0 as of 2026-03-01: 5 subjects");
        int errors = lines.indexOf("Input errors (1):");
        assertThat(errors).isPositive();
        assertThat(lines.get(errors + 1))
                .isEqualTo("  data.xlsx: Assessments!D14 PerformedAt: \"2026-13-01\" is not a date-time");
        int warnings = lines.indexOf("Warnings (1):");
        assertThat(warnings).isGreaterThan(errors);
        assertThat(lines.get(warnings + 1)).isEqualTo("  data.xlsx: Subjects Colour: unknown column, ignored");
    }

    @Test
    void deviationsGroupedBySubjectWithAlignedColumns() throws Exception {
        List<String> lines = lines(Fixtures.sample());
        int s1 = lines.indexOf("Subject S-001 (2 deviations)");
        int s3 = lines.indexOf("Subject S-003 (1 deviation)");
        assertThat(s1).isPositive();
        assertThat(s3).isGreaterThan(s1);

        String first = lines.get(s1 + 1);
        assertThat(first).startsWith("  ! ELIGIBILITY ").contains("2026-01-02").endsWith("LVO criterion not met");
        assertThat(lines.get(s1 + 2)).isEqualTo("      expected: Y | actual: N | source: data.xlsx Criteria row 4");
        assertThat(lines.get(s1 + 3)).isEqualTo("      cite (PROTOCOL): \"Large vessel occlusion confirmed by CTA/MRA\"");
        String second = lines.get(s1 + 4);
        assertThat(second).startsWith("  . VISIT_WINDOW ").contains(" H48 ");
        // columns line up: the date and rule start at the same offset in every deviation line
        String third = lines.get(s3 + 1);
        assertThat(third).startsWith("  ! ELIGIBILITY ");
        assertThat(first.indexOf("2026-01-02")).isEqualTo(second.indexOf("2026-01-05"))
                .isEqualTo(third.indexOf("2026-01-09"));
        assertThat(first.indexOf("ELIG-LVO")).isEqualTo(second.indexOf("SCHED-H48"));
        // a missing visit shows as -, missing values and source as -, no citation line
        assertThat(third.substring(first.indexOf("2026") - 6, first.indexOf("2026")).trim()).isEqualTo("-");
        assertThat(lines.get(s3 + 2)).isEqualTo("      expected: Y | actual: - | source: -");
        assertThat(lines).hasSize(s3 + 3 + 3); // blank, summary, by category
    }

    @Test
    void summaryLines() throws Exception {
        List<String> lines = lines(Fixtures.sample());
        assertThat(lines.get(lines.size() - 2))
                .isEqualTo("3 deviations (2 important, 1 non-important) in 2 of 5 subjects; 1 input error; 1 warning");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("by category: ELIGIBILITY 2, VISIT_WINDOW 1");
    }

    @Test
    void noDeviations() throws Exception {
        List<String> lines = lines(Fixtures.empty());
        assertThat(lines).contains("No deviations.");
        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("0 deviations (0 important, 0 non-important) in 0 of 4 subjects; 0 input errors");
        assertThat(lines).noneMatch(l -> l.startsWith("by category"));
    }

    @Test
    void longCitationIsCutAndControlCharactersBlanked() throws Exception {
        var d = Fixtures.dev("S-9", Category.SAFETY, Severity.IMPORTANT, "SAFE-SICH", null, LocalDate.of(2026, 1, 1),
                "sICH\nnot reported \u001b[2J as SAE", null, null, "word ".repeat(60), null);
        List<String> lines = lines(Fixtures.withDeviations(List.of(d)));
        int s = lines.indexOf("Subject S-9 (1 deviation)");
        assertThat(lines.get(s + 1)).endsWith("sICH not reported [2J as SAE").doesNotContain("\u001b");
        String cite = lines.get(s + 3);
        assertThat(cite).startsWith("      cite (PROTOCOL): \"word word").endsWith("\u2026\"");
        assertThat(cite.length()).isEqualTo("      cite (PROTOCOL): \"".length() + TextReport.CITATION_MAX + 1);
        assertThat(lines).contains("by category: SAFETY 1");
    }
}
