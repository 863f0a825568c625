package io.protoguard.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protoguard.TestProtocols;
import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.LoadedProtocol;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataGeneratorTest {
    private static final LocalDate AS_OF = LocalDate.of(2026, 7, 1);

    @TempDir
    Path tmp;

    @Test
    void sameSeedWritesIdenticalFilesAndAnotherSeedDoesNot() throws Exception {
        new DataGenerator(150, 42, DeviationRates.defaults(), false).write(tmp.resolve("a"));
        new DataGenerator(150, 42, DeviationRates.defaults(), false).write(tmp.resolve("b"));
        new DataGenerator(150, 43, DeviationRates.defaults(), false).write(tmp.resolve("c"));
        for (String sheet : new String[] {"Subjects", "Criteria", "Assessments", "Doses", "Events"}) {
            assertThat(Files.readString(tmp.resolve("a").resolve(sheet + ".csv")))
                    .isEqualTo(Files.readString(tmp.resolve("b").resolve(sheet + ".csv")));
        }
        assertThat(Files.readString(tmp.resolve("a/Subjects.csv"))).isNotEqualTo(Files.readString(tmp.resolve("c/Subjects.csv")));
    }

    @Test
    void cleanDataHasNoDeviationAndNoInputError() throws Exception {
        CheckResult r = check(new DataGenerator(200, 5, DeviationRates.all(0), false), tmp.resolve("clean"));
        assertThat(r.inputErrors()).isEmpty();
        assertThat(r.subjects()).isEqualTo(200);
        assertThat(r.deviations()).isEmpty();
    }

    /**
     * Every planted kind breaks exactly one table row once and clean subjects break none, so the engine's
     * count per rule equals the planted count (two kinds share SCH-D90-MRS).
     */
    @Test
    void engineFindsEachPlantedDeviationUnderItsRule() throws Exception {
        DataGenerator g = new DataGenerator(400, 11, DeviationRates.all(0.04), true);
        Path folder = tmp.resolve("planted");
        DataGenerator.Summary planted = g.write(folder);
        CheckResult r = check(folder);
        assertThat(r.inputErrors()).isEmpty();
        Map<String, Long> expected = new TreeMap<>();
        planted.injected().forEach((kind, n) -> expected.merge(kind.ruleId(), n, Long::sum));
        assertThat(expected.keySet()).hasSize(12); // every kind was planted at least once with this seed
        Map<String, Long> found = r.deviations().stream()
                .collect(Collectors.groupingBy(Deviation::ruleId, TreeMap::new, Collectors.counting()));
        assertThat(found).isEqualTo(expected);
    }

    @Test
    void workbookAndCsvFolderHoldTheSameData() throws Exception {
        DataGenerator g = new DataGenerator(120, 9, DeviationRates.all(0.05), false);
        g.write(tmp.resolve("csv"));
        g.write(tmp.resolve("data.xlsx"));
        CheckResult csv = check(tmp.resolve("csv"));
        CheckResult xlsx = check(tmp.resolve("data.xlsx"));
        assertThat(xlsx.inputErrors()).isEmpty();
        assertThat(xlsx.deviations()).hasSameSizeAs(csv.deviations()).isNotEmpty();
        assertThat(Stream.of(xlsx, csv).map(DataGeneratorTest::keys)).allMatch(k -> k.equals(keys(csv)));
    }

    @Test
    void ratesParseOverDefaultsAndRejectUnknownKinds() {
        DeviationRates r = DeviationRates.parse("late-h48=0.5, no-lvo=0");
        assertThat(r.of(DeviationKind.LATE_H48)).isEqualTo(0.5);
        assertThat(r.of(DeviationKind.NO_LVO)).isZero();
        assertThat(r.of(DeviationKind.LATE_DOSE)).isEqualTo(DeviationKind.LATE_DOSE.defaultRate());
        assertThat(DeviationRates.parse("all=0").rates().values()).containsOnly(0.0);
        assertThatThrownBy(() -> DeviationRates.parse("late=0.1")).hasMessageContaining("unknown deviation kind");
        assertThatThrownBy(() -> DeviationRates.parse("late-h48=2")).hasMessageContaining("between 0 and 1");
    }

    private static String keys(CheckResult r) {
        return r.deviations().stream().map(d -> d.subjectId() + " " + d.ruleId() + " " + d.occurredOn())
                .collect(Collectors.joining("\n"));
    }

    private static CheckResult check(DataGenerator g, Path out) throws Exception {
        g.write(out);
        return check(out);
    }

    private static CheckResult check(Path input) throws Exception {
        LoadedProtocol p = TestProtocols.sivelestat();
        WorkbookData data = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(input);
        return new Evaluator(p).check(data, AS_OF, ZoneOffset.UTC);
    }
}
