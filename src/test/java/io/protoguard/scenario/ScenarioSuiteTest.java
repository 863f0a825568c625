package io.protoguard.scenario;

import io.protoguard.model.Outcome;
import io.protoguard.model.rules.OutcomeRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the scenarios of every protocol: each folder under {@code decision-tables/} that has a
 * {@code test-scenarios/<id>/} folder is one dynamic container, and in it a folder with data files and an
 * {@code expected.csv} is a test, so a scenario (or a protocol with scenarios) an author adds is tested with no
 * Java change. A scenario folder may also hold {@code expected-outcomes.csv} (SubjectId,Outcome,Value): the
 * derived outcomes it lists must come out exactly so (outcomes it does not list are not compared).
 */
class ScenarioSuiteTest {

    static final Path TABLES = Path.of("decision-tables");
    static final Path SCENARIO_ROOT = Path.of("test-scenarios");
    static final String EXPECTED_OUTCOMES = "expected-outcomes.csv";

    /** The protocols the repository ships with scenarios: finding fewer means a folder was lost, which must fail. */
    static final Set<String> SHIPPED = Set.of("sivelestat-evt", "msc-septic-shock");

    /**
     * Fewer scenarios than this means the folder was emptied or not found: that must fail, not pass vacuously.
     * A protocol not listed needs at least one.
     */
    static final Map<String, Integer> MIN_SCENARIOS = Map.of("sivelestat-evt", 9, "msc-septic-shock", 8);

    /** Rows that never raise a deviation themselves: derived outcomes and the sICH classification thresholds. */
    static final Set<String> NEVER_DEVIATE = Set.of("SICH-NIHSS-RISE", "SICH-ITEM-RISE");

    /** One protocol with its scenarios. */
    record Suite(String id, ProtocolVersions protocol, List<Scenario> scenarios) {
        LoadedProtocol latest() {
            return protocol.latest();
        }
    }

    static List<Suite> suites;

    @BeforeAll
    static void load() throws Exception {
        List<Suite> found = new ArrayList<>();
        ProtocolLoader loader = new ProtocolLoader(Path.of("rules"));
        try (Stream<Path> dirs = Files.list(TABLES)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                String id = dir.getFileName().toString();
                Path scenarios = SCENARIO_ROOT.resolve(id);
                if (!Files.isDirectory(scenarios)) continue;
                found.add(new Suite(id, loader.loadVersions(dir), ScenarioRunner.find(scenarios)));
            }
        }
        suites = found;
    }

    static Suite suite(String id) {
        return suites.stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no scenarios for protocol " + id + " under " + SCENARIO_ROOT.toAbsolutePath()));
    }

    @Test
    void everyShippedProtocolHasScenarios() {
        assertThat(suites.stream().map(Suite::id).toList()).as("protocols with a %s/<id>/ folder", SCENARIO_ROOT)
                .containsAll(SHIPPED);
    }

    @TestFactory
    Stream<DynamicTest> scenariosAreFound() {
        return suites.stream().map(suite -> DynamicTest.dynamicTest(suite.id(), () -> {
            Path folder = SCENARIO_ROOT.resolve(suite.id());
            assertThat(suite.scenarios()).as("scenarios under %s", folder.toAbsolutePath())
                    .hasSizeGreaterThanOrEqualTo(MIN_SCENARIOS.getOrDefault(suite.id(), 1));
            // a binary format, not only CSV: an .xlsx workbook, or SAS XPORT files for a protocol on SDTM data
            assertThat(suite.scenarios()).as("at least one scenario of %s reads an .xlsx workbook or .xpt domains", suite.id())
                    .anyMatch(s -> s.data().toString().endsWith(".xlsx") || java.nio.file.Files.exists(s.data().resolve("dm.xpt")));
        }));
    }

    @TestFactory
    Stream<DynamicContainer> everyScenario() {
        return suites.stream().map(suite -> DynamicContainer.dynamicContainer(suite.id(),
                SCENARIO_ROOT.resolve(suite.id()).toUri(),
                suite.scenarios().stream().map(s -> DynamicTest.dynamicTest(s.name() + ": " + s.description(),
                        s.folder().toUri(), () -> {
                            ScenarioRunner.Outcome o = ScenarioRunner.run(suite.protocol(), s);
                            assertThat(o.passed()).as(() -> failure(o)).isTrue();
                            List<String[]> outcomes = expectedOutcomes(s.folder());
                            if (!outcomes.isEmpty()) {
                                List<String> wrong = compareOutcomes(outcomes, o.result().outcomes());
                                assertThat(wrong).as("%s/%s: derived outcomes differ from %s", suite.id(), s.name(),
                                        EXPECTED_OUTCOMES).isEmpty();
                            }
                        }))));
    }

    /**
     * Every rule row that can raise a deviation is proven by at least one scenario line of its protocol.
     * Outcome rows and the classification thresholds are proven through expected-outcomes.csv instead: every
     * outcome row's outcome is listed in one of the protocol's expected-outcomes.csv files.
     */
    @TestFactory
    Stream<DynamicTest> everyRuleRowIsCoveredByAScenario() {
        return suites.stream().map(suite -> DynamicTest.dynamicTest(suite.id(), () -> {
            Set<String> covered = suite.scenarios().stream().flatMap(s -> s.expected().stream())
                    .map(Scenario.ExpectedDeviation::ruleId).collect(Collectors.toSet());
            Set<String> uncovered = new TreeSet<>();
            for (ProtocolRule r : suite.latest().rules()) {
                if (r.ruleId().startsWith("OUT-") || NEVER_DEVIATE.contains(r.ruleId())) continue;
                if (!covered.contains(r.ruleId())) uncovered.add(r.ruleId());
            }
            assertThat(uncovered).as("%s: rule rows no scenario's expected.csv names", suite.id()).isEmpty();

            Set<String> known = suite.latest().rules().stream().map(ProtocolRule::ruleId).collect(Collectors.toSet());
            assertThat(new TreeSet<>(covered)).as("%s: rule ids in expected.csv files that the protocol does not have", suite.id())
                    .allMatch(known::contains);

            Set<String> listed = new TreeSet<>();
            for (Scenario s : suite.scenarios()) {
                for (String[] line : expectedOutcomes(s.folder())) listed.add(line[1]);
            }
            Set<String> unproven = suite.latest().rules().stream().filter(r -> r instanceof OutcomeRule)
                    .map(r -> ((OutcomeRule) r).outcome()).filter(o -> !listed.contains(o))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(unproven).as("%s: outcome rows no %s lists", suite.id(), EXPECTED_OUTCOMES).isEmpty();
        }));
    }

    /** 28-day mortality, the primary outcome of msc-septic-shock: a death on day 28 counts, on day 29 not. */
    @Test
    void mortalityAt28Days() {
        Suite suite = suite("msc-septic-shock");
        Scenario s = suite.scenarios().stream().filter(x -> x.name().equals("outcomes")).findFirst().orElseThrow();
        Map<String, String> by = ScenarioRunner.run(suite.protocol(), s).result().outcomes().stream()
                .collect(Collectors.toMap(o -> o.subjectId() + "|" + o.name(), Outcome::value));
        assertThat(by.get("OUT-died-day28|28-day mortality")).isEqualTo("yes");
        assertThat(by.get("OUT-died-day29|28-day mortality")).isEqualTo("no");
        assertThat(by.get("OUT-died-day10|28-day mortality")).isEqualTo("yes");
        assertThat(by.get("OUT-alive|28-day mortality")).isEqualTo("no");
    }

    /**
     * The rows that never deviate: mRS bands (a dead subject counts as mRS 6), early neurological improvement
     * at the table's threshold of 4, death by day 90, and the Heidelberg verdicts the thresholds decide.
     */
    @Test
    void derivedOutcomes() throws IOException {
        Suite suite = suite("sivelestat-evt");
        Scenario s = suite.scenarios().stream().filter(x -> x.name().equals("outcomes")).findFirst().orElseThrow();
        List<Outcome> outcomes = ScenarioRunner.run(suite.protocol(), s).result().outcomes();
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
