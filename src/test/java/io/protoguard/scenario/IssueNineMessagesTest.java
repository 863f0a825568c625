package io.protoguard.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.model.Deviation;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the issue-9 scenarios pin beyond a deviation's identity: messages that show the breach, the calendar a
 * day window is counted in, the severity of treatment before allocation, and each deviation's citationSource.
 */
class IssueNineMessagesTest {
    static ProtocolVersions sivelestat, msc;

    @BeforeAll
    static void load() throws Exception {
        ProtocolLoader loader = new ProtocolLoader(Path.of("rules"));
        sivelestat = loader.loadVersions(Path.of("decision-tables", "sivelestat-evt"));
        msc = loader.loadVersions(Path.of("decision-tables", "msc-septic-shock"));
    }

    private static List<Deviation> run(ProtocolVersions p, String protocol, String scenario, String subject) throws Exception {
        Scenario s = ScenarioRunner.load(Path.of("test-scenarios", protocol, scenario));
        ScenarioRunner.Outcome o = ScenarioRunner.run(p, s);
        assertThat(o.passed()).as("scenario %s: missing %s, unexpected %s", scenario, o.missing(), o.unexpected()).isTrue();
        return o.result().deviations().stream().filter(d -> d.subjectId().equals(subject)).toList();
    }

    private static Deviation only(ProtocolVersions p, String protocol, String scenario, String subject) throws Exception {
        List<Deviation> ds = run(p, protocol, scenario, subject);
        assertThat(ds).as(subject).hasSize(1);
        return ds.get(0);
    }

    @Test
    void secondsShowWhenTheyDecideAndARateHasOneMoreDecimalThanItsBound() throws Exception {
        assertThat(only(sivelestat, "sivelestat-evt", "breach-messages", "MSG-H48-60h00m01s").message())
                .endsWith("60:00:01 h after randomization (2026-03-04T22:00:01)");
        assertThat(only(sivelestat, "sivelestat-evt", "breach-messages", "MSG-rate-5.281").message())
                .contains("ran at 5.281 mg/kg/day, outside 4.8 ± 10 %");
        assertThat(only(sivelestat, "sivelestat-evt", "breach-messages", "MSG-course-132h00m30s").message())
                .contains("lasted 132:00:30 h");
    }

    @Test
    void aDayWindowSaysItsDatesAreTheDatesAsWrittenInTheOffset() throws Exception {
        Deviation d = only(sivelestat, "sivelestat-evt", "offsets-as-written", "OF-plus8-D7-day9");
        assertThat(d.expected()).isEqualTo("7 d ±1 d (day 6 to 8), 2026-03-08 to 2026-03-10 (dates as written, UTC+08:00)");
        assertThat(d.actual()).startsWith("day 9 (study day 10), 2026-03-11T09:00+08:00");
    }

    @Test
    void treatmentBeforeAllocationIsImportantDosingInBothProtocols() throws Exception {
        Deviation siv = only(sivelestat, "sivelestat-evt", "treatment-before-allocation", "TBA-30min-before");
        assertThat(siv.severity().name()).isEqualTo("IMPORTANT");
        assertThat(siv.message()).contains("0:30 h before randomization: treatment before allocation");
        Deviation m = only(msc, "msc-septic-shock", "treatment-before-allocation", "TBA-1h-before");
        assertThat(m.severity().name()).isEqualTo("IMPORTANT");
        assertThat(m.category().name()).isEqualTo("DOSING");
        assertThat(m.message()).contains("1:00 h before randomization");
    }

    @Test
    void aDaysMscInfusionsAreSummed() throws Exception {
        assertThat(only(msc, "msc-septic-shock", "per-day-dose", "PD-two-1.5-one-day").message())
                .contains("add up to 3.0 10^6 cells/kg (1.5 + 1.5), above the protocol's maximum of 2 a day");
    }

    @Test
    void everyDeviationNamesWhereItsCitationComesFrom() throws Exception {
        assertThat(only(sivelestat, "sivelestat-evt", "dates-without-time", "DO-rand-dateonly").citationSource()).isEqualTo("SPONSOR");
        assertThat(only(sivelestat, "sivelestat-evt", "dates-without-time", "DO-consent-dateonly-same-day").citationSource())
                .isEqualTo("REGULATION");
        assertThat(only(sivelestat, "sivelestat-evt", "d7-after-discharge", "D7-disch-day3-nihss-day4").citationSource())
                .isEqualTo("PROTOCOL");
        Deviation sae = run(sivelestat, "sivelestat-evt", "unclassified-sich", "SICH-site-empty-late-SAE").stream()
                .filter(d -> d.ruleId().equals("SICH-SAE-24H")).findFirst().orElseThrow();
        assertThat(sae.citationSource()).isEqualTo("SPONSOR");
        assertThat(sae.citation()).doesNotStartWith("Rate of").contains("ICH E6(R2) 4.11.1 says \"immediately\"");
    }
}
