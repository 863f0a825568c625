package io.protoguard.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.protocol.Payloads;
import io.protoguard.protocol.ProtocolCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 and SPEC section 8 in the nightly run: a study whose protocol carries a planted table fails alone
 * (exit 3) with the cell named, the planted code never runs, and the other study is still checked.
 */
class NightlyRefusedTableTest {
    @TempDir
    Path dir;

    @Test
    void aPlantedTableFailsItsStudyAloneAndNothingRuns() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Path rules = Files.createDirectories(home.resolve("rules"));
        try (Stream<Path> s = Files.list(Path.of("rules"))) {
            for (Path p : s.toList()) Files.copy(p, rules.resolve(p.getFileName()));
        }
        Path tables = Files.createDirectories(home.resolve("decision-tables"));
        ProtocolCopy.of("sivelestat-evt", tables, "sivelestat-evt");
        Path sentinel = dir.resolve("pwned.txt");
        Payloads.inDateOrderTemplate(ProtocolCopy.of("sivelestat-evt", tables, "evil-evt"), sentinel);

        NightlyFixture f = new NightlyFixture(dir, "refused");
        Path good = f.study("good", "sivelestat-evt", "dosing");
        f.studiesFile("studies:\n"
                + "  - {id: GOOD, protocol: sivelestat-evt, data: " + good.toAbsolutePath() + "}\n"
                + "  - {id: EVIL, protocol: evil-evt, data: " + good.toAbsolutePath() + "}\n");
        NightlyFixture.Run run = f.nightly("--as-of", "2026-07-01", "--studies", dir.resolve("studies.yml").toString(),
                "--protoguard.home=" + home.toAbsolutePath());
        assertThat(run.exit()).as(run.err()).isEqualTo(3);
        assertThat(run.err()).contains("study EVIL FAILED: protocol evil-evt cannot be loaded: data-quality.drl.xlsx, DateOrder!A8: "
                + "the template").doesNotContain("KieProject");
        assertThat(run.out()).containsPattern("GOOD +CHECKED");
        assertThat(Files.exists(sentinel)).as("the planted code never runs").isFalse();
    }
}
