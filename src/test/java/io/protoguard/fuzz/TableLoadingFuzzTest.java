package io.protoguard.fuzz;

import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Fuzz target for table loading through the public loader API: a shipped protocol with one of its decision
 * tables mutated (damaged zip, or XML inside one part changed) either loads or is refused with problems in
 * words (file, sheet, cell; no Java class name), never another exception, in bounded time. Each try that gets
 * past the zip layer compiles the tables, so the regression budget is small and fixed (docs/reliability.md).
 */
class TableLoadingFuzzTest {
    static final List<String> TABLES = List.of("schedule.drl.xlsx", "eligibility.drl.xlsx", "dosing.drl.xlsx",
            "safety.drl.xlsx", "outcomes.drl.xlsx", "data-quality.drl.xlsx");
    Path work;

    @AfterTry
    void cleanUp() throws IOException {
        if (work == null) return;
        try (Stream<Path> walk = Files.walk(work)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        work = null;
    }

    /**
     * Inputs this target once failed on, as (table, mutation seed): both gave POI's text in the problem
     * ("InvalidFormatException: Input file contains an entry with an empty name", "invalid distance too far back").
     */
    static final long[][] FOUND = {{0, 0}, {0, 28}};

    @Property(tries = 6)
    void aMutatedTableLoadsOrIsRefusedInWords(@ForAll @IntRange(min = 0, max = 5) int table, @ForAll long mutationSeed)
            throws Exception {
        loadsOrIsRefusedInWords(table, mutationSeed);
    }

    @Example
    void savedFailuresStayFixed() throws Exception {
        for (long[] found : FOUND) {
            loadsOrIsRefusedInWords((int) found[0], found[1]);
            cleanUp();
        }
    }

    private void loadsOrIsRefusedInWords(int table, long mutationSeed) throws Exception {
        work = Files.createTempDirectory("protoguard-table-fuzz");
        Path dir = Files.createDirectories(work.resolve("fuzzed"));
        try (Stream<Path> files = Files.list(Path.of("decision-tables", "sivelestat-evt"))) {
            for (Path p : files.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        Files.writeString(dir.resolve("protocol.properties"),
                Files.readString(dir.resolve("protocol.properties")).replace("id=sivelestat-evt", "id=fuzzed"));
        Path target = dir.resolve(TABLES.get(table));
        Files.write(target, Mutations.ofWorkbook(Files.readAllBytes(target), mutationSeed));

        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            try {
                new ProtocolLoader(Path.of("rules")).loadVersions(dir);
            } catch (ProtocolLoadException refused) {
                assertThat(refused.problems()).isNotEmpty();
                for (ProtocolProblem p : refused.problems()) {
                    assertThat(p.describe()).doesNotContainPattern(Mutations.JAVA_TEXT.pattern());
                }
            }
        });
    }
}
