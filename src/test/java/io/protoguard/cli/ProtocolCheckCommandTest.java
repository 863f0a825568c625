package io.protoguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code protoguard protocol check}: compile, lint and run the scenarios; exit 0 clean, 1 a scenario failed, 2 refused. */
class ProtocolCheckCommandTest {
    @TempDir
    Path tmp;

    @Test
    void shippedProtocolsAreClean() {
        for (String id : new String[] {"sivelestat-evt", "msc-septic-shock"}) {
            CliRun run = CliRun.of("protocol", "check", id);
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains(id + " version 1.0").containsPattern("\\d+ scenarios, \\d+ passed, 0 failed");
        }
    }

    /** Issue 9: every citation marked PROTOCOL is the protocol's own sentence, found in the protocol document. */
    @Test
    void shippedProtocolsQuoteTheirProtocolTextsVerbatim() {
        String[][] protocols = {{"sivelestat-evt", "sivelestat-evt-stroke.txt"}, {"msc-septic-shock", "msc-septic-shock-NCT01849237.txt"}};
        for (String[] p : protocols) {
            Path text = Path.of("..", "shared", "protocols", p[1]);
            CliRun run = CliRun.of("protocol", "check", p[0], "--protocol-text", text.toString());
            assertThat(run.exit()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("every PROTOCOL citation is found verbatim in " + text);
        }
    }

    @Test
    void aProtocolTextThatCannotBeReadIsExitTwo() {
        CliRun run = CliRun.of("protocol", "check", "sivelestat-evt", "--protocol-text", tmp.resolve("missing.txt").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("missing.txt: cannot be read as a UTF-8 text file (no such file)").doesNotContain("Exception");
    }

    @Test
    void amendmentScenarioJudgesEachVisitByTheVersionInEffect() {
        CliRun run = CliRun.of("protocol", "check", "examples/amended-protocol/decision-tables/sivelestat-evt-amended");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("version 1.0 (effective 2025-01-01)", "version 2.0 (effective 2026-06-01)",
                "1 scenarios, 1 passed, 0 failed");
    }

    @Test
    void brokenTableIsReportedByFileSheetAndCellWithExitTwo() throws Exception {
        Path copy = Files.createDirectories(tmp.resolve("decision-tables/typo-evt"));
        try (Stream<Path> files = Files.list(Path.of("decision-tables/sivelestat-evt"))) {
            for (Path p : files.toList()) Files.copy(p, copy.resolve(p.getFileName()));
        }
        Files.writeString(copy.resolve("protocol.properties"),
                Files.readString(copy.resolve("protocol.properties")).replace("id=sivelestat-evt", "id=typo-evt"));
        Files.move(copy.resolve("outcomes.drl.xlsx"), copy.resolve("outcomes.xlsx"));
        CliRun run = CliRun.of("protocol", "check", copy.toString());
        assertThat(run.exit()).isEqualTo(2); // SPEC section 8: a refused table exits 2
        assertThat(run.out()).contains("outcomes.xlsx: Drools ignores this file name").doesNotContain("Exception");
    }
}
