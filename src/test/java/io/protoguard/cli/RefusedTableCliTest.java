package io.protoguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.protocol.Payloads;
import io.protoguard.protocol.ProtocolCopy;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 and SPEC section 8 through the command line: {@code protocol check} and {@code check} refuse a planted
 * table with exit 2 and the cell named, and the planted code never runs. Issue 14: an unknown visit in
 * Outcomes!FromVisit is refused by both commands alike.
 */
class RefusedTableCliTest {
    @TempDir
    Path tmp;

    private Path sentinel() {
        return tmp.resolve("pwned.txt");
    }

    private Path data() throws Exception {
        Path d = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(d.resolve("Subjects.csv"), "SubjectId,Age,WeightKg,ConsentAt,OnsetAt,RandomizedAt\n"
                + "S-1,60,70,2026-03-01T07:00,2026-03-01T02:00,2026-03-01T08:00\n");
        return d;
    }

    private void bothRefuse(ProtocolCopy planted, String cell) throws Exception {
        CliRun check = CliRun.of("protocol", "check", planted.dir.toString());
        assertThat(check.exit()).as(check.out() + check.err()).isEqualTo(2);
        assertThat(check.out()).contains(cell).doesNotContain("Exception").doesNotContain("KieProject");
        CliRun data = CliRun.of("check", "--protocol", planted.dir.toString(), "--as-of", "2026-08-01", "--format", "json",
                data().toString());
        assertThat(data.exit()).as(data.out() + data.err()).isEqualTo(2);
        assertThat(data.err()).contains(cell).doesNotContain("Exception").doesNotContain("KieProject");
        assertThat(Files.exists(sentinel())).as("the planted code never runs").isFalse();
    }

    @Test
    void codeInScheduleB8IsRefusedByProtocolCheckAndCheck() throws Exception {
        bothRefuse(Payloads.inScheduleTemplate(ProtocolCopy.of("sivelestat-evt", tmp, "b8-evt"), sentinel()),
                "schedule.drl.xlsx, Schedule!B8: the Visit column's template must read");
    }

    @Test
    void codeInDateOrderA8IsRefusedByProtocolCheckAndCheck() throws Exception {
        bothRefuse(Payloads.inDateOrderTemplate(ProtocolCopy.of("sivelestat-evt", tmp, "a8-evt"), sentinel()),
                "data-quality.drl.xlsx, DateOrder!A8: the template");
    }

    @Test
    void functionsInTheHeaderAndEvalInAConditionAreRefusedByBoth() throws Exception {
        bothRefuse(Payloads.functionsInHeader(ProtocolCopy.of("sivelestat-evt", tmp, "fn-evt"), sentinel()),
                "schedule.drl.xlsx, Schedule!A4: \"Functions\" is refused");
        bothRefuse(Payloads.evalInCondition(ProtocolCopy.of("sivelestat-evt", tmp, "eval-evt"), sentinel()),
                "schedule.drl.xlsx, Schedule!M8: the condition");
    }

    @Test
    void anUnknownVisitInOutcomesFromVisitIsRefusedByBoth() throws Exception {
        bothRefuse(ProtocolCopy.of("sivelestat-evt", tmp, "from-evt").set("outcomes.drl.xlsx", "Outcomes", "E13", "D999"),
                "outcomes.drl.xlsx, Outcomes!E13: visit D999 is not declared");
        bothRefuse(ProtocolCopy.of("sivelestat-evt", tmp, "from90-evt").set("outcomes.drl.xlsx", "Outcomes", "E13", "D90"),
                "outcomes.drl.xlsx, Outcomes!E13: visit D90 schedules no NIHSS");
    }
}
