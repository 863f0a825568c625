package io.protoguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's first command: the bundled example workbook and the deviations it was built to contain. */
class ExampleWorkbookTest {

    @Test
    void exampleWorkbookHasTheDeviationsItWasBuiltWith() throws Exception {
        CliRun run = CliRun.of("check", "--protocol", "sivelestat-evt", "--as-of", "2026-08-01", "--format", "json",
                "examples/sivelestat-evt-site-XW01.xlsx");
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("subjects").asInt()).isEqualTo(20);
        assertThat(json.get("inputErrors")).isEmpty();
        List<String> found = new ArrayList<>();
        for (JsonNode d : json.get("deviations")) {
            found.add(d.get("subjectId").asText() + " " + d.get("category").asText() + " " + d.get("ruleId").asText());
        }
        assertThat(found).containsExactly(
                "XW-003 VISIT_WINDOW SCH-H48-NIHSS",          // H48 NIHSS at 61:10 h
                "XW-005 MISSED_ASSESSMENT SCH-D90-BARTHEL",   // lost to follow-up at D90
                "XW-005 MISSED_ASSESSMENT SCH-D90-EQ5D5L",
                "XW-005 MISSED_ASSESSMENT SCH-D90-MRS",
                "XW-009 ELIGIBILITY ELIG-ONSET-24H",          // randomized 25:45 h after onset
                "XW-010 CONSENT CONSENT-BEFORE-RAND",         // consent 20 min after randomization
                "XW-011 ELIGIBILITY ELIG-EVT",                // EVT not recorded
                "XW-013 DOSING DOSE-RATE",                    // 2600 mg over 5 days at 92 kg
                "XW-013 DOSING DOSE-START-2H",                // started 2:50 h after randomization
                "XW-014 DOSING DOSE-COURSE-5D",               // stopped after 96 h
                "XW-016 SAFETY SICH-SAE-24H",                 // sICH reported 30:30 h after detection
                "XW-016 SAFETY SICH-SITE-CLASS",              // NIHSS +5 but site said not symptomatic
                "XW-018 DATA_QUALITY RNG-BARTHEL",            // Barthel 87 is not a step of 5
                "XW-018 VISIT_WINDOW SCH-D90-BARTHEL",        // D90 on day 99
                "XW-018 VISIT_WINDOW SCH-D90-EQ5D5L",
                "XW-018 VISIT_WINDOW SCH-D90-MRS",
                "XW-019 DATA_QUALITY SCH-H48-NIHSS",          // H48 with a date only
                "XW-020 VISIT_WINDOW SCH-IMG48");             // imaging at 50:10 h
        // clean subjects: the dead (XW-007), the withdrawn (XW-015) and the early discharge (XW-012) among them
        assertThat(json.get("deviations").findValuesAsText("subjectId"))
                .doesNotContain("XW-001", "XW-002", "XW-004", "XW-006", "XW-007", "XW-008", "XW-012", "XW-015", "XW-017");
        JsonNode outcomes = json.get("outcomes");
        assertThat(outcomes.toString()).contains("MRS 6 (died 2026-02-20T04:10)");
    }
}
