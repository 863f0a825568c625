package io.protoguard.intake;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.fuzz.Mutations;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Deviation;
import io.protoguard.model.InputError;
import io.protoguard.model.SubjectData;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzz targets for the two intake formats (issue 14): any bytes, as a workbook or as one file of a CSV folder,
 * are read and checked without an exception (so {@code check} exits 0, 1 or 2), with messages that name no
 * Java class, within a time limit. Inputs are seeds from src/test/resources/fuzz/ mutated by {@link Mutations};
 * inputs that once failed are kept in fuzz/regressions/ and replayed by {@link #savedCrashesStayFixed}.
 * Tries per property: {@code jqwik.tries.default} (60 in mvn test; the fuzzing step of .ci/run raises it).
 */
class IntakeFuzzTest {

    static final Path SEEDS = Path.of("src/test/resources/fuzz");
    static final Duration LIMIT = Duration.ofSeconds(30);
    static ProtocolVersions protocol;
    static List<byte[]> xlsxSeeds;
    static List<String> csvFiles = List.of("Subjects.csv", "Criteria.csv", "Assessments.csv", "Doses.csv", "Events.csv");
    Path work;

    @BeforeContainer
    static void loadSeedsAndProtocol() throws Exception {
        protocol = new ProtocolLoader(Path.of("rules")).loadVersions(Path.of("decision-tables/sivelestat-evt"));
        xlsxSeeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(SEEDS.resolve("xlsx"))) {
            for (Path p : files.sorted().toList()) xlsxSeeds.add(Files.readAllBytes(p));
        }
    }

    @AfterTry
    void cleanUp() throws IOException {
        if (work == null) return;
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        work = null;
    }

    @Property
    void anyMutationOfAWorkbookIsReadAndCheckedWithoutAnException(@ForAll @IntRange(min = 0, max = 1) int seedIndex,
                                                                  @ForAll long mutationSeed) throws Exception {
        work = Files.createTempDirectory("protoguard-fuzz");
        byte[] seed = xlsxSeeds.get(seedIndex % xlsxSeeds.size());
        Path xlsx = work.resolve("site.xlsx");
        Files.write(xlsx, Mutations.ofWorkbook(seed, mutationSeed));
        checkHolds(xlsx);
    }

    @Property
    void anyMutationOfACsvFileIsReadAndCheckedWithoutAnException(@ForAll @IntRange(min = 0, max = 4) int fileIndex,
                                                                 @ForAll long mutationSeed) throws Exception {
        work = Files.createTempDirectory("protoguard-fuzz");
        Path folder = Files.createDirectories(work.resolve("csv"));
        for (String f : csvFiles) Files.copy(SEEDS.resolve("csv").resolve(f), folder.resolve(f));
        Path target = folder.resolve(csvFiles.get(fileIndex));
        Files.write(target, Mutations.ofText(Files.readAllBytes(target), mutationSeed));
        checkHolds(folder);
    }

    @Example
    void savedCrashesStayFixed() throws Exception {
        try (Stream<Path> saved = Files.list(SEEDS.resolve("regressions"))) {
            for (Path p : saved.sorted().toList()) {
                if (p.getFileName().toString().startsWith("README")) continue;
                checkHolds(p);
            }
        }
    }

    /** The property: read and evaluate like `check` does, in bounded time, every message in words. */
    static void checkHolds(Path input) {
        assertTimeoutPreemptively(LIMIT, () -> {
            Evaluator evaluator = new Evaluator(protocol);
            CheckContext ctx = new CheckContext(LocalDate.of(2026, 8, 1), ZoneOffset.UTC);
            List<Deviation> deviations = new ArrayList<>();
            WorkbookReader.Summary read = new WorkbookReader(protocol.codeBook(), ZoneOffset.UTC)
                    .withRules(protocol.latest().rules())
                    .stream(input, (SubjectData s) -> deviations.addAll(evaluator.evaluate(s, ctx).deviations()));
            List<String> messages = new ArrayList<>();
            for (InputError e : read.errors()) messages.add(e.describe());
            for (InputError e : read.warnings()) messages.add(e.describe());
            for (Deviation d : deviations) messages.add(d.message());
            for (String m : messages) {
                // A value in quotes is the user's own data echoed back: a mutated SubjectId such as
                // "INPUT-unknown-criterion.LVO" may look like a class name without being one (a CI run found it).
                String words = m.replaceAll("\"[^\"]*\"", "\"…\"");
                assertThat(words).as(input + ": " + m).doesNotContainPattern(Mutations.JAVA_TEXT.pattern());
            }
        }, input.toString());
    }
}
