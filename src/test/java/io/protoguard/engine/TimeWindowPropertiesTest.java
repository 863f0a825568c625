package io.protoguard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.TestProtocols;
import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckContext;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.LoadedProtocol;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The time rules of SPEC section 4, end to end (CSV text, intake, the rules engine), against an independent
 * computation written here: hour windows by real elapsed seconds between the instants written, day windows by
 * the calendar dates as written (in the value's own offset, else the study zone). Randomization instants cluster
 * around the DST changes of Europe/Berlin and America/New_York; values are written as local time, with an offset,
 * or in Z. Moving a value one second (hour windows) or one day (day windows) across a bound flips the verdict.
 */
class TimeWindowPropertiesTest {
    static LoadedProtocol protocol;
    static Evaluator engine;
    static Path dir;

    static final List<ZoneId> ZONES = List.of(ZoneOffset.UTC, ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kolkata"), ZoneId.of("Australia/Lord_Howe"));
    /** DST changes of 2026 and 2027 in Berlin (last Sundays of March and October) and New York (March, November). */
    static final List<Instant> DST = List.of("2026-03-29T01:00:00Z", "2026-10-25T01:00:00Z", "2026-03-08T07:00:00Z",
            "2026-11-01T06:00:00Z", "2027-03-28T01:00:00Z", "2027-10-31T01:00:00Z", "2027-03-14T07:00:00Z",
            "2027-11-07T06:00:00Z").stream().map(Instant::parse).toList();
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    /** How a value is written: local time in the study zone, or with one of these offsets. */
    record Written(ZoneOffset offset) {
        static final Written LOCAL_TIME = new Written(null);

        String text(Instant at, ZoneId studyZone) {
            return offset == null ? LOCAL.format(at.atZone(studyZone)) : at.atOffset(offset).toString();
        }

        /** The calendar date as written (SPEC section 4): in its own offset, else in the study zone. */
        LocalDate date(Instant at, ZoneId studyZone) {
            return offset == null ? at.atZone(studyZone).toLocalDate() : at.atOffset(offset).toLocalDate();
        }

        /** A local time written in a DST gap or overlap does not name one instant; such samples are skipped. */
        boolean names(Instant at, ZoneId studyZone) {
            if (offset != null) return true;
            LocalDateTime local = at.atZone(studyZone).toLocalDateTime();
            return studyZone.getRules().getValidOffsets(local).size() == 1;
        }
    }

    record Sample(ZoneId zone, Instant randomized, Written randWritten, Written assessWritten) {}

    @BeforeContainer
    static void load() throws Exception {
        protocol = TestProtocols.sivelestat();
        engine = new Evaluator(protocol);
        dir = Files.createTempDirectory("time-properties");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<Sample> samples() {
        Arbitrary<ZoneId> zone = Arbitraries.of(ZONES);
        Arbitrary<Instant> nearDst = Arbitraries.of(DST).flatMap(t -> Arbitraries.longs().between(-4 * 86400, 4 * 86400)
                .map(s -> t.plusSeconds(s).truncatedTo(ChronoUnit.MINUTES)));
        Arbitrary<Instant> anyTime = Arbitraries.longs().between(0, 2L * 365 * 86400)
                .map(s -> Instant.parse("2026-01-01T00:00:00Z").plusSeconds(s).truncatedTo(ChronoUnit.MINUTES));
        Arbitrary<Instant> randomized = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, nearDst), net.jqwik.api.Tuple.of(1, anyTime));
        Arbitrary<Written> written = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just(Written.LOCAL_TIME)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(-12 * 4, 14 * 4)
                        .map(q -> new Written(ZoneOffset.ofTotalSeconds(q * 900)))));
        return Combinators.combine(zone, randomized, written, written).as(Sample::new);
    }

    /** The deviations of one rule for a subject with this randomization and one assessment. */
    private boolean outside(Sample s, String visit, String test, Instant at, String ruleId) {
        String rand = s.randWritten().text(s.randomized(), s.zone());
        String when = s.assessWritten().text(at, s.zone());
        Path data = write(rand, visit, test, when, test.equals("IMAGING") ? "NONE" : "8");
        WorkbookData read = new WorkbookReader(protocol.codeBook(), s.zone()).read(data);
        assertThat(read.errors()).as("input errors for %s / %s", rand, when).isEmpty();
        // As of the randomization day: no window has closed, so nothing is missed; only the window rule speaks.
        CheckContext ctx = new CheckContext(s.randWritten().date(s.randomized(), s.zone()), s.zone());
        return engine.evaluate(read.subjects().get(0), ctx).deviations().stream()
                .anyMatch(d -> d.ruleId().equals(ruleId) && d.category().name().equals("VISIT_WINDOW"));
    }

    private static Path write(String randomizedAt, String visit, String test, String performedAt, String value) {
        try {
            Path folder = Files.createTempDirectory(dir, "s");
            Files.writeString(folder.resolve("Subjects.csv"), "SubjectId,Age,WeightKg,ConsentAt,OnsetAt,RandomizedAt\n"
                    + "P-1,65,70," + randomizedAt + "," + randomizedAt + "," + randomizedAt + "\n");
            Files.writeString(folder.resolve("Criteria.csv"), "SubjectId,Criterion,Value\nP-1,LVO,Y\nP-1,EVT,Y\n");
            Files.writeString(folder.resolve("Assessments.csv"), "SubjectId,Visit,Test,PerformedAt,Value\nP-1," + visit + ","
                    + test + "," + performedAt + "," + value + "\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean usable(Sample s, Instant at) {
        return s.randWritten().names(s.randomized(), s.zone()) && s.assessWritten().names(at, s.zone());
    }

    @Property(tries = 150)
    void hourWindowVerdictIsTheRealElapsedTime(@ForAll("samples") Sample s,
                                               @ForAll @net.jqwik.api.constraints.LongRange(min = 30 * 3600, max = 66 * 3600) long seconds) {
        Instant at = s.randomized().plusSeconds(seconds);
        Assume.that(usable(s, at));
        long elapsed = Duration.between(s.randomized(), at).getSeconds();
        boolean expectedOutside = elapsed < 36 * 3600 || elapsed > 60 * 3600;
        assertThat(outside(s, "H48", "NIHSS", at, "SCH-H48-NIHSS")).as("%s, H48 %d s after", s, seconds).isEqualTo(expectedOutside);
    }

    @Property(tries = 100)
    void oneSecondAcrossAnHourBoundFlipsTheVerdict(@ForAll("samples") Sample s, @ForAll boolean upper, @ForAll boolean imaging) {
        long bound = (imaging ? (upper ? 48 : 0) : (upper ? 60 : 36)) * 3600L;
        Instant in = s.randomized().plusSeconds(bound), out = in.plusSeconds(upper ? 1 : -1);
        Assume.that(usable(s, in) && usable(s, out));
        String visit = imaging ? "IMG48" : "H48", test = imaging ? "IMAGING" : "NIHSS", rule = imaging ? "SCH-IMG48" : "SCH-H48-NIHSS";
        assertThat(outside(s, visit, test, in, rule)).as("%s on the bound", s).isFalse();
        assertThat(outside(s, visit, test, out, rule)).as("%s one second past the bound", s).isTrue();
    }

    @Property(tries = 150)
    void dayWindowVerdictIsTheCalendarDatesAsWritten(@ForAll("samples") Sample s,
                                                     @ForAll @net.jqwik.api.constraints.LongRange(min = 4 * 86400, max = 10 * 86400) long seconds) {
        Instant at = s.randomized().plusSeconds(seconds / 60 * 60);
        Assume.that(usable(s, at));
        long day = ChronoUnit.DAYS.between(s.randWritten().date(s.randomized(), s.zone()), s.assessWritten().date(at, s.zone()));
        assertThat(outside(s, "D7", "NIHSS", at, "SCH-D7-NIHSS")).as("%s, D7 written on day %d", s, day).isEqualTo(day < 6 || day > 8);
    }

    @Property(tries = 100)
    void oneDayAcrossADayBoundFlipsTheVerdict(@ForAll("samples") Sample s, @ForAll boolean upper,
                                              @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1439) int minuteOfDay) {
        LocalDate randDate = s.randWritten().date(s.randomized(), s.zone());
        LocalDate inDate = randDate.plusDays(upper ? 8 : 6), outDate = inDate.plusDays(upper ? 1 : -1);
        Instant in = instantOn(inDate, minuteOfDay, s), out = instantOn(outDate, minuteOfDay, s);
        Assume.that(usable(s, in) && usable(s, out));
        assertThat(outside(s, "D7", "NIHSS", in, "SCH-D7-NIHSS")).as("%s written on %s", s, inDate).isFalse();
        assertThat(outside(s, "D7", "NIHSS", out, "SCH-D7-NIHSS")).as("%s written on %s", s, outDate).isTrue();
    }

    /** The instant written on {@code date} at this minute, in the assessment's own way of writing. */
    private static Instant instantOn(LocalDate date, int minute, Sample s) {
        LocalDateTime local = date.atStartOfDay().plusMinutes(minute);
        ZoneOffset offset = s.assessWritten().offset();
        return offset == null ? local.atZone(s.zone()).toInstant() : local.toInstant(offset);
    }
}
