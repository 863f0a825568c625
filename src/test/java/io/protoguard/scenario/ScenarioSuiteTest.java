package io.protoguard.scenario;

import io.protoguard.model.Outcome;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every scenario under {@code test-scenarios/sivelestat-evt/}: a folder with data files and an
 * {@code expected.csv} is a test, so a scenario an author adds is tested with no Java change. A scenario
 * folder may also hold {@code expected-outcomes.csv} (SubjectId,Outcome,Value): the derived outcomes it
 * lists must come out exactly so (outcomes it does not list are not compared).
 */
class ScenarioSuiteTest {

    static final Path SCENARIOS = Path.of("test-scenarios/sivelestat-evt");
    static final String EXPECTED_OUTCOMES = "expected-outcomes.csv";

    /** Fewer scenarios than this means the folder was emptied or not found: that must fail, not pass vacuously. */
    static final int MIN_SCENARIOS = 9;

    /** Rows that never raise a deviation themselves: derived outcomes and the sICH classification thresholds. */
    static final Set<String> NEVER_DEVIATE = Set.of("SICH-NIHSS-RISE", "SICH-ITEM-RISE");

    static LoadedProtocol protocol;
    static List<Scenario> scenarios;

    @BeforeAll
    static void load() throws Exception {
        protocol = new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables/sivelestat-evt"));
        scenarios = ScenarioRunner.find(SCENARIOS);
    }

    @Test
    void scenariosAreFound() {
        assertThat(scenarios).as("scenarios under %s", SCENARIOS.toAbsolutePath()).hasSizeGreaterThanOrEqualTo(MIN_SCENARIOS);
        assertThat(scenarios).as("at least one scenario reads an .xlsx workbook")
                .anyMatch(s -> s.data().toString().endsWith(".xlsx"));
    }

    @TestFactory
    Stream<DynamicTest> everyScenario() {
        return scenarios.stream().map(s -> DynamicTest.dynamicTest(s.name() + ": " + s.description(), s.folder().toUri(),
                () -> {
                    ScenarioRunner.Outcome o = ScenarioRunner.run(protocol, s);
                    assertThat(o.passed()).as(() -> failure(o)).isTrue();
                    List<String[]> outcomes = expectedOutcomes(s.folder());
                    if (!outcomes.isEmpty()) {
                        List<String> wrong = compareOutcomes(outcomes, o.result().outcomes());
                        assertThat(wrong).as("%s: derived outcomes differ from %s", s.name(), EXPECTED_OUTCOMES).isEmpty();
                    }
                }));
    }

    /**
     * Every rule row that can raise a deviation is proven by at least one scenario line. Outcome rows and
     * the classification thresholds are proven through expected-outcomes.csv instead (see below).
     */
    @Test
    void everyRuleRowIsCoveredByAScenario() {
        Set<String> covered = scenarios.stream().flatMap(s -> s.expected().stream())
                .map(Scenario.ExpectedDeviation::ruleId).collect(Collectors.toSet());
        Set<String> uncovered = new TreeSet<>();
        for (ProtocolRule r : protocol.rules()) {
            if (r.ruleId().startsWith("OUT-") || NEVER_DEVIATE.contains(r.ruleId())) continue;
            if (!covered.contains(r.ruleId())) uncovered.add(r.ruleId());
        }
        assertThat(uncovered).as("rule rows no scenario's expected.csv names").isEmpty();

        Set<String> known = protocol.rules().stream().map(ProtocolRule::ruleId).collect(Collectors.toSet());
        assertThat(new TreeSet<>(covered)).as("rule ids in expected.csv files that the protocol does not have")
                .allMatch(known::contains);
    }

    /**
     * The rows that never deviate: mRS bands (a dead subject counts as mRS 6), early neurological improvement
     * at the table's threshold of 4, death by day 90, and the Heidelberg verdicts the thresholds decide.
     */
    @Test
    void derivedOutcomes() throws IOException {
        Scenario s = scenarios.stream().filter(x -> x.name().equals("outcomes")).findFirst().orElseThrow();
        List<Outcome> outcomes = ScenarioRunner.run(protocol, s).result().outcomes();
        Map<String, String> by = outcomes.stream()
                .collect(Collectors.toMap(o -> o.subjectId() + "|" + o.name(), Outcome::value));
        Function<String, String> v = key -> by.getOrDefault(key, "(none)");

        assertThat(v.apply("OUT-mRS-1|mRS 0-1 at D90")).isEqualTo("yes");
        assertThat(v.apply("OUT-mRS-2|mRS 0-1 at D90")).isEqualTo("no");
        assertThat(v.apply("OUT-mRS-2|mRS 0-2 at D90")).isEqualTo("yes");
        assertThat(v.apply("OUT-mRS-3|mRS 0-2 at D90")).isEqualTo("no");
        assertThat(v.apply("OUT-mRS-3|mRS 0-3 at D90")).isEqualTo("yes");
        assertThat(v.apply("OUT-mRS-4|mRS 0-3 at D90")).isEqualTo("no");
        assertThat(v.apply("OUT-died-day40|mRS 0-3 at D90")).as("dead counts as mRS 6").isEqualTo("no");
        assertThat(v.apply("OUT-died-day40|Death by day 90")).isEqualTo("yes");
        assertThat(v.apply("OUT-mRS-4|Death by day 90")).isEqualTo("no");
        assertThat(v.apply("OUT-ENI-fall-4|Early neurological improvement")).isEqualTo("yes");
        assertThat(v.apply("OUT-ENI-fall-3|Early neurological improvement")).isEqualTo("no");
        assertThat(v.apply("OUT-ENI-no-H48|Early neurological improvement")).isEqualTo("not available");
        assertThat(v.apply("OUT-sICH-symptomatic|sICH E1")).as("NIHSS rise 4 (SICH-NIHSS-RISE)").isEqualTo("symptomatic");
        assertThat(v.apply("OUT-sICH-item-2|sICH E1")).as("item rise 2 (SICH-ITEM-RISE)").isEqualTo("symptomatic");
        assertThat(v.apply("OUT-sICH-not|sICH E1")).isEqualTo("not symptomatic");
        assertThat(v.apply("OUT-sICH-undetermined|sICH E1")).isEqualTo("undetermined");

        assertThat(expectedOutcomes(s.folder())).as("%s of the outcomes scenario", EXPECTED_OUTCOMES).isNotEmpty();
    }

    private static String failure(ScenarioRunner.Outcome o) {
        StringBuilder b = new StringBuilder("scenario " + o.scenario().name() + " (" + o.scenario().folder() + ")");
        if (!o.missing().isEmpty()) b.append("\n  expected but not produced:\n    ").append(String.join("\n    ", o.missing()));
        if (!o.unexpected().isEmpty()) b.append("\n  produced but not expected:\n    ").append(String.join("\n    ", o.unexpected()));
        if (o.inputErrors().size() != o.scenario().expectedInputErrors()) {
            b.append("\n  input errors: ").append(o.inputErrors().size()).append(", expected ")
                    .append(o.scenario().expectedInputErrors());
            if (!o.inputErrors().isEmpty()) b.append(":\n    ").append(String.join("\n    ", o.inputErrors()));
        }
        return b.toString();
    }

    /** SubjectId,Outcome,Value lines of expected-outcomes.csv (header first; # comments and blank lines skipped). */
    static List<String[]> expectedOutcomes(Path folder) throws IOException {
        Path file = folder.resolve(EXPECTED_OUTCOMES);
        List<String[]> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        List<String> lines = Files.readAllLines(file);
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split(",", -1);
            if (f.length < 3) throw new IOException(file + " line " + (i + 1) + ": expected SubjectId,Outcome,Value");
            out.add(new String[] {f[0].strip(), f[1].strip(), f[2].strip()});
        }
        return out;
    }

    static List<String> compareOutcomes(List<String[]> expected, List<Outcome> actual) {
        List<String> wrong = new ArrayList<>();
        for (String[] e : expected) {
            List<String> values = actual.stream().filter(o -> o.subjectId().equals(e[0]) && o.name().equals(e[1]))
                    .map(Outcome::value).toList();
            if (values.size() != 1 || !values.get(0).equals(e[2])) {
                wrong.add(e[0] + "," + e[1] + ": expected " + e[2] + ", derived " + (values.isEmpty() ? "nothing" : values));
            }
        }
        return wrong;
    }
}
