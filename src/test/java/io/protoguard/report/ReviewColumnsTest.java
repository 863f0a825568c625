package io.protoguard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.model.CheckResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reports written with reviews: the verdict of each deviation in columns after the deviation's own. */
class ReviewColumnsTest {
    private static final ReviewNote.Lookup ONLY_H48 = d -> "SCHED-H48".equals(d.ruleId())
            ? new ReviewNote("NOT_A_DEVIATION", "=clock difference", "checked source", "monica", "2026-03-02T10:00Z")
            : ReviewNote.NONE;

    @Test
    void csvAddsTheReviewColumnsAfterTheOthersAndGuardsTheirText() throws Exception {
        CheckResult r = Fixtures.sample();
        String csv = new String(Fixtures.render(ReportWriters.withReviews("csv", ONLY_H48), r), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).endsWith("SourceSeq,Review,ReviewReason,ReviewComment,ReviewedBy,ReviewedAt");
        String h48 = lines.stream().filter(l -> l.contains("SCHED-H48")).findFirst().orElseThrow();
        assertThat(h48).endsWith(",NOT_A_DEVIATION,'=clock difference,checked source,monica,2026-03-02T10:00Z");
        assertThat(lines.stream().filter(l -> l.contains("ELIG-")).toList()).hasSize(2).allMatch(l -> l.endsWith(",OPEN,,,,"));
        // Without reviews the columns are what they always were.
        String plain = new String(Fixtures.render(new CsvReport(), r), StandardCharsets.UTF_8);
        assertThat(plain.lines().findFirst().orElseThrow()).endsWith("SourceSeq");
    }

    @Test
    void xlsxPutsTheReviewInTheLastColumnsOfTheDeviationsSheet() throws Exception {
        byte[] bytes = Fixtures.render(ReportWriters.withReviews("xlsx", ONLY_H48), Fixtures.sample());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet s = wb.getSheet("Deviations");
            Row head = s.getRow(0);
            int review = CsvReport.COLUMNS.size();
            assertThat(head.getCell(review).getStringCellValue()).isEqualTo("Review");
            assertThat(head.getCell(review + 4).getStringCellValue()).isEqualTo("ReviewedAt");
            boolean found = false;
            for (Row row : s) {
                if (row.getRowNum() == 0 || !"SCHED-H48".equals(row.getCell(3).getStringCellValue())) continue;
                found = true;
                assertThat(row.getCell(review).getStringCellValue()).isEqualTo("NOT_A_DEVIATION");
                assertThat(row.getCell(review + 1).getStringCellValue()).isEqualTo("=clock difference"); // as written
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void jsonGivesEachDeviationAReviewMember() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Fixtures.render(ReportWriters.withReviews("json", ONLY_H48), Fixtures.sample()));
        for (JsonNode d : root.get("deviations")) {
            String expected = "SCHED-H48".equals(d.get("ruleId").asText()) ? "NOT_A_DEVIATION" : "OPEN";
            assertThat(d.get("review").get("status").asText()).isEqualTo(expected);
        }
        assertThat(root.get("deviations")).hasSize(3);
        assertThatThrownBy(() -> ReportWriters.withReviews("text", ONLY_H48)).hasMessageContaining("json, csv, xlsx");
    }
}
