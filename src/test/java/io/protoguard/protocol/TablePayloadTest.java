package io.protoguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.protoguard.model.rules.DateOrderRule;
import io.protoguard.model.rules.ProtocolRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a decision table is data. Each payload an AUTHOR could plant is refused with its cell named before
 * anything is compiled, so the code never runs (the sentinel file it would write never appears); text that tries
 * to leave its string literal stays text, byte for byte.
 */
class TablePayloadTest {
    @TempDir
    Path tmp;

    private Path sentinel() {
        return tmp.resolve("pwned.txt");
    }

    private ProtocolCopy copy() throws Exception {
        return ProtocolCopy.of("sivelestat-evt", tmp, "payload-evt");
    }

    private List<String> refused(ProtocolCopy c) {
        ProtocolLoadException e = catchThrowableOfType(ProtocolLoadException.class,
                () -> new ProtocolLoader(Path.of("rules")).loadVersions(c.dir));
        assertThat(e).as("the planted protocol must be refused").isNotNull();
        assertThat(Files.exists(sentinel())).as("the planted code must never run").isFalse();
        List<String> lines = e.problems().stream().map(ProtocolProblem::describe).toList();
        assertThat(lines).noneMatch(l -> l.contains("Exception") || l.contains("Parser returned"));
        return lines;
    }

    @Test
    void codeAfterTheBuilderCallInATemplateCellIsRefusedAtThatCell() throws Exception {
        assertThat(refused(Payloads.inDateOrderTemplate(copy(), sentinel())))
                .anyMatch(l -> l.startsWith("data-quality.drl.xlsx, DateOrder!A8: the template \"DateOrderRule.Builder r = "));
        assertThat(refused(Payloads.inScheduleTemplate(ProtocolCopy.of("sivelestat-evt", tmp.resolve("b8"), "payload-evt"), sentinel())))
                .anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!B8: the Visit column's template must read r.visit(\"$param\");"));
    }

    @Test
    void headerKeywordsThatCarryCodeAreRefused() throws Exception {
        assertThat(refused(Payloads.functionsInHeader(copy(), sentinel())))
                .anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!A4: \"Functions\" is refused"));
        for (String keyword : new String[] {"Declare", "Queries", "Variables", "Sequential"}) {
            ProtocolCopy c = ProtocolCopy.of("sivelestat-evt", tmp.resolve(keyword), "payload-evt")
                    .set("eligibility.drl.xlsx", "Criteria", "A4", keyword).set("eligibility.drl.xlsx", "Criteria", "B4", "x");
            assertThat(refused(c)).as(keyword).anyMatch(l -> l.startsWith("eligibility.drl.xlsx, Criteria!A4: \"" + keyword + "\" is refused"));
        }
    }

    @Test
    void anImportBeyondTheModelIsRefused() throws Exception {
        assertThat(refused(copy().set("dosing.drl.xlsx", "Dosing", "B2", "io.protoguard.model.rules.*, java.nio.file.Files")))
                .anyMatch(l -> l.startsWith("dosing.drl.xlsx, Dosing!B2: Import must be exactly io.protoguard.model.rules.*"));
        assertThat(refused(ProtocolCopy.of("sivelestat-evt", tmp.resolve("second"), "payload-evt")
                .set("dosing.drl.xlsx", "Dosing", "A4", "Import").set("dosing.drl.xlsx", "Dosing", "B4", "java.nio.file.Files")))
                .anyMatch(l -> l.startsWith("dosing.drl.xlsx, Dosing!A4: a second Import is refused"));
    }

    @Test
    void evalInAConditionIsRefusedAtItsTemplateCell() throws Exception {
        assertThat(refused(Payloads.evalInCondition(copy(), sentinel())))
                .anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!M8: the condition \"Subject\" \"eval("));
    }

    @Test
    void codeInANumberOrCodeCellIsRefusedAtThatCell() throws Exception {
        String code = Payloads.code(sentinel());
        String planted = "7); " + code + " r.target(7";
        assertThat(refused(copy().set("schedule.drl.xlsx", "Schedule", "E12", planted)))
                .containsExactly("schedule.drl.xlsx, Schedule!E12: Target \"" + planted.substring(0, 80) + "…\" is not a number; "
                        + "this column takes a number (e.g. 12 or 4.8)");
        assertThat(refused(ProtocolCopy.of("sivelestat-evt", tmp.resolve("code"), "payload-evt")
                .set("schedule.drl.xlsx", "Schedule", "B10", "BASELINE\"); " + code + " r.visit(\"BASELINE")))
                .singleElement().asString().startsWith("schedule.drl.xlsx, Schedule!B10: Visit \"BASELINE\"); java.nio")
                .contains("is not a code");
    }

    @Test
    void textThatTriesToLeaveItsLiteralStaysTextByteForByte() throws Exception {
        String code = Payloads.code(sentinel());
        String[] breakouts = {
                "x\"); " + code + " //",                // a quote ends the literal
                "x\\\"); " + code + " //",              // a backslash escapes the escaping of the quote
                "x\\u0022); " + code + " //",           // a Java unicode escape is a quote to the compiler
                "x\n\"); " + code + " //"};             // a line break in the cell
        ProtocolCopy c = copy();
        for (int i = 0; i < breakouts.length; i++) c.set("data-quality.drl.xlsx", "DateOrder", "F" + (10 + i), breakouts[i]); // F: Citation
        List<ProtocolRule> rules = new ProtocolLoader(Path.of("rules")).load(c.dir).rules();
        assertThat(Files.exists(sentinel())).as("no citation may run as code").isFalse();
        List<String> citations = rules.stream().filter(DateOrderRule.class::isInstance).map(ProtocolRule::citation).toList();
        assertThat(citations).contains(breakouts[0], breakouts[1], breakouts[2], "x \"); " + code + " //");
    }

    @Test
    void aPayloadEditedIntoALoadedProtocolIsRefusedOnHotReloadAndTheLastGoodVersionStays() throws Exception {
        Path tables = Files.createDirectories(tmp.resolve("decision-tables"));
        ProtocolCopy c = ProtocolCopy.of("sivelestat-evt", tables, "hot-evt");
        ProtocolCache cache = new ProtocolCache(tables, Path.of("rules"));
        ProtocolVersions good = cache.get("hot-evt");
        Payloads.inScheduleTemplate(c, sentinel());
        assertThat(cache.get("hot-evt")).as("the last good version stays in use").isSameAs(good);
        assertThat(cache.pendingFailure("hot-evt")).extracting(ProtocolProblem::describe)
                .anyMatch(l -> l.startsWith("schedule.drl.xlsx, Schedule!B8: the Visit column's template must read"));
        assertThat(Files.exists(sentinel())).as("the planted code never runs").isFalse();
    }
}
