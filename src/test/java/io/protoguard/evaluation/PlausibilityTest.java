package io.protoguard.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.Outcome;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC section 8: a readable but impossible value is a DATA_QUALITY deviation against a plausibility range in
 * the protocol's tables (a Ranges row whose Test is "Subjects.Age" or "Subjects.WeightKg"), and the rules that
 * need it (eligibility on age, the dose rate on weight) add nothing and are listed as not judged. The shipped
 * tables are copied and given the two rows here, as an author would add them.
 */
class PlausibilityTest {
    @TempDir
    static Path tmp;
    static ProtocolVersions msc;
    static ProtocolVersions siv;

    @BeforeAll
    static void protocolsWithPlausibilityRanges() throws Exception {
        msc = load(copyWithRanges("msc-septic-shock"));
        siv = load(copyWithRanges("sivelestat-evt"));
    }

    static Path copyWithRanges(String id) throws Exception {
        return copy(id, true);
    }

    static Path copy(String id, boolean keepRanges) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(keepRanges ? "with-ranges" : "without-ranges").resolve(id));
        try (Stream<Path> files = Files.list(Path.of("decision-tables", id))) {
            for (Path p : files.toList()) Files.copy(p, dir.resolve(p.getFileName()));
        }
        Path schedule = dir.resolve("schedule.drl.xlsx");
        XSSFWorkbook wb;
        try (InputStream in = Files.newInputStream(schedule)) {
            wb = new XSSFWorkbook(in);
        }
        // The shipped tables hold the plausibility rows (RNG-AGE, RNG-WEIGHT); the copy keeps them, or drops them
        // to show that without a row nothing is flagged.
        Sheet ranges = wb.getSheet("Ranges");
        if (!keepRanges) {
            for (int i = ranges.getLastRowNum(); i >= 0; i--) {
                Row r = ranges.getRow(i);
                if (r != null && r.getCell(0) != null && r.getCell(0).toString().matches("RNG-(AGE|WEIGHT)")) ranges.removeRow(r);
            }
        }
        try (OutputStream out = Files.newOutputStream(schedule)) {
            wb.write(out);
        }
        return dir;
    }

    static ProtocolVersions load(Path dir) throws Exception {
        return new ProtocolLoader(Path.of("rules")).loadVersions(dir);
    }

    static CheckResult check(ProtocolVersions p, Path folder) {
        WorkbookData data = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(folder);
        return new Evaluator(p).check(data, LocalDate.of(2026, 8, 1), ZoneOffset.UTC);
    }

    static Path data(String name, String subjects, String criteria) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name));
        Files.writeString(d.resolve("Subjects.csv"), subjects);
        Files.writeString(d.resolve("Criteria.csv"), criteria);
        return d;
    }

    @Test
    void age200IsOneDataQualityDeviationAndEligibilityOnAgeIsNotJudged() throws Exception {
        String criteria = "SubjectId,Criterion,Value\n" + Stream.of("S-1", "S-2").map(s -> s + ",SEPTIC_SHOCK,Y\n" + s
                + ",ANC,0.5\n" + s + ",ONCOHEM_CHEMO_RESISTANT,N\n" + s + ",PREGNANT,N\n").reduce("", String::concat);
        Path folder = data("age", "SubjectId,Arm,Sex,Age,ConsentAt,OnsetAt,RandomizedAt\n"
                + "S-1,CONTROL,M,200,2026-03-01T07:00,2026-03-01T06:00,2026-03-01T08:00\n"
                + "S-2,CONTROL,M,90,2026-03-01T07:00,2026-03-01T06:00,2026-03-01T08:00\n", criteria);

        CheckResult r = check(msc, folder);

        List<Deviation> s1 = r.deviations().stream().filter(d -> d.subjectId().equals("S-1") && d.visit() == null).toList();
        assertThat(s1).extracting(Deviation::ruleId).contains("RNG-AGE").doesNotContain("ELIG-AGE-17", "EXCL-AGE-75");
        Deviation age = s1.stream().filter(d -> d.ruleId().equals("RNG-AGE")).findFirst().orElseThrow();
        assertThat(age.category().name()).isEqualTo("DATA_QUALITY");
        assertThat(age.message()).startsWith("Age 200 is above the maximum of 120");
        assertThat(age.actual()).isEqualTo("Age 200 (Subjects!D2)");
        assertThat(r.outcomes()).filteredOn(o -> o.subjectId().equals("S-1") && o.name().equals("Not judged: Age"))
                .singleElement().satisfies(o -> {
                    assertThat(o.value()).isEqualTo("ELIG-AGE-17, EXCL-AGE-75");
                    assertThat(o.basis()).isEqualTo("Age \"200\" at Subjects!D2 is outside its plausibility range");
                });
        // 90 is plausible: the eligibility rule judges it as always.
        assertThat(r.deviations()).filteredOn(d -> d.subjectId().equals("S-2") && d.category().name().equals("ELIGIBILITY"))
                .extracting(Deviation::ruleId).containsExactly("EXCL-AGE-75");
        assertThat(r.inputErrors()).isEmpty();
    }

    @Test
    void weightZeroOrNegativeIsOneDataQualityDeviationAndTheDoseRateIsNotJudged() throws Exception {
        Path folder = data("weight", "SubjectId,WeightKg,ConsentAt,OnsetAt,RandomizedAt\n"
                + "S-1,0,2026-03-01T07:00,2026-03-01T06:00,2026-03-01T08:00\n"
                + "S-2,-72,2026-03-01T07:00,2026-03-01T06:00,2026-03-01T08:00\n", "SubjectId,Criterion,Value\n");
        Files.writeString(folder.resolve("Doses.csv"), "SubjectId,Treatment,StartAt,EndAt,Dose,Unit\n"
                + "S-1,SIVELESTAT,2026-03-01T09:00,2026-03-06T09:00,2000,mg\n"
                + "S-2,SIVELESTAT,2026-03-01T09:00,2026-03-06T09:00,2000,mg\n");

        CheckResult r = check(siv, folder);

        for (String s : List.of("S-1", "S-2")) {
            List<Deviation> mine = r.deviations().stream().filter(d -> d.subjectId().equals(s)).toList();
            assertThat(mine).extracting(Deviation::ruleId).as(s).contains("RNG-WEIGHT").doesNotContain("DOSE-RATE");
            assertThat(r.outcomes()).filteredOn(o -> o.subjectId().equals(s)).extracting(Outcome::name).contains("Not judged: WeightKg");
        }
        assertThat(r.inputErrors()).isEmpty();
    }

    @Test
    void withoutARangeRowNothingIsInventedInCode() throws Exception {
        Path folder = data("plain", "SubjectId,Age,RandomizedAt\nS-1,200,2026-03-01T08:00\n", "SubjectId,Criterion,Value\n");

        CheckResult r = check(load(copy("sivelestat-evt", false)), folder);

        assertThat(r.deviations()).extracting(Deviation::ruleId).doesNotContain("RNG-AGE");
        assertThat(r.outcomes()).extracting(Outcome::name).doesNotContain("Not judged: Age");
    }
}
