package io.protoguard.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.protoguard.model.When;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The hand-written reading of yyyy-MM-dd[THH:mm[:ss]] must give exactly what the java.time formatters give
 * (date, instant and text), for valid and invalid values, in zones with and without daylight saving time.
 */
class WhenParserFastPathTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("+05:30"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"));

    private static final List<String> SPELLINGS = List.of(
            "2026-03-01", "2026-03-01T14:30", "2026-03-01T14:30:00", "2026-03-01T14:30:59", " 2026-03-01T14:30 ",
            "2024-02-29", "2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-01-00",
            "0000-01-01", "9999-12-31T23:59:59", "2026-03-01T24:00", "2026-03-01T23:60", "2026-03-01T23:59:60",
            "2026-03-01T00:00", "2026-03-01T00:00:00",
            // Europe/Berlin: the gap on 2026-03-29 02:00-03:00 and the overlap on 2026-10-25 02:00-03:00
            "2026-03-29T02:30", "2026-03-29T02:00:00", "2026-10-25T02:30", "2026-10-25T02:59:59",
            // America/New_York: gap 2026-03-08 02:00, overlap 2026-11-01 01:00-02:00
            "2026-03-08T02:15", "2026-11-01T01:30:30",
            // shapes the fast path leaves to the general one
            "2026-03-01 14:30", "2026-03-01  14:30:05", "2026-03-01T14:30Z", "2026-03-01T14:30+08:00",
            "2026-03-01T14:30:00-05:00", "2026-03-01T14:30:00.5", "2026-03-01T14", "2026-3-1", "20260301",
            "2026/03/01", "01.03.2026", "2026-03-01t14:30", "2026-03-01T14:3a", "+2026-03-01", "２０２６-03-01",
            "2026-03-01T14:30:0", "2026-03-01X14:30", "2026-03-01T14-30", "", "yesterday");

    @Test
    void fastPathGivesWhatTheFormattersGive() {
        for (ZoneId zone : ZONES) {
            WhenParser parser = new WhenParser(zone);
            for (String s : SPELLINGS) assertSame(parser, s, zone);
        }
    }

    @Test
    void randomValuesOfTheCommonShapesAgreeIncludingInvalidOnes() {
        Random random = new Random(16);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String date = String.format("%04d-%02d-%02d", 1900 + random.nextInt(200), random.nextInt(14), random.nextInt(33));
            String time = String.format("%02d:%02d", random.nextInt(26), random.nextInt(62));
            switch (random.nextInt(3)) {
                case 0 -> values.add(date);
                case 1 -> values.add(date + "T" + time);
                default -> values.add(date + "T" + time + String.format(":%02d", random.nextInt(62)));
            }
        }
        for (ZoneId zone : ZONES) {
            WhenParser parser = new WhenParser(zone);
            for (String s : values) assertSame(parser, s, zone);
        }
    }

    @Test
    void readsTheCommonShapes() {
        WhenParser berlin = new WhenParser(ZoneId.of("Europe/Berlin"));
        When w = berlin.parse("2026-07-01T14:30:00");
        assertEquals(LocalDate.of(2026, 7, 1), w.date());
        assertEquals(Instant.parse("2026-07-01T12:30:00Z"), w.instant());
        assertEquals("2026-07-01T14:30", w.text());
        When gap = berlin.parse("2026-03-29T02:30");
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), gap.instant(), "a time in the gap moves forward by the gap");
        When overlap = berlin.parse("2026-10-25T02:30");
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), overlap.instant(), "an overlap takes the earlier offset");
        When date = berlin.parse("2026-02-28");
        assertNull(date.instant());
        assertNull(berlin.parse("2026-02-30"));
        assertNull(berlin.parse("2026-02-28T25:00"));
        assertNotNull(berlin.parse("2026-02-28 23:00"));
    }

    private static void assertSame(WhenParser parser, String s, ZoneId zone) {
        assertEquals(parser.parseGeneral(s.trim()), parser.parse(s), () -> "\"" + s + "\" in " + zone);
    }
}
