package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The picture says what the table says, and no text from an upload can become markup. */
class TimelineSvgTest {
    private static SubjectTimeline timeline(String subject) {
        return new SubjectTimeline(subject, "A", "2026-03-01T08:00", 123, List.of(
                new SubjectTimeline.Lane("H48", "NIHSS", 1.83, 2.83, "48 h ±12 h", false, List.of(
                        new SubjectTimeline.Dot(3.33, "2026-03-03T20:01", "NIHSS", "7", "OUT", false))),
                new SubjectTimeline.Lane("D90", "MRS", 83.0, 98.0, "90 d ±7 d", true, List.of(
                        new SubjectTimeline.Dot(89.5, "2026-05-30", "MRS", "<b>1</b>", "IN", true)))),
                List.of(new SubjectTimeline.Marker("DIED", 95.2, "2026-06-04")));
    }

    @Test
    void outOfWindowDotIsRedOpenWindowHatchedDeathMarked() {
        String svg = new TimelineSvg(timeline("S-01"), 0).render();
        assertThat(svg).contains("class=\"dot out\"").contains("fill=\"#d1242f\"");
        assertThat(svg).contains("class=\"window open\"").contains("url(#tl0-open)");
        assertThat(svg).contains("class=\"marker died\"");
        assertThat(svg).contains("fill=\"white\""); // the date-only dot is hollow
    }

    @Test
    void uploadedTextIsEscaped() {
        String svg = new TimelineSvg(timeline("<script>alert(1)</script>"), 1).render();
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>1</b>").contains("&lt;script&gt;");
    }

    @Test
    void theAxisIsLinearWithStudyDaysAndCalendarDates() {
        TimelineSvg svg = new TimelineSvg(withDosesAndEvents(), 2);
        double perDay = svg.x(1) - svg.x(0);
        assertThat(svg.x(21) - svg.x(10)).isCloseTo(11 * perDay, org.assertj.core.data.Offset.offset(0.01));
        assertThat(svg.x(98) - svg.x(28)).isCloseTo(70 * perDay, org.assertj.core.data.Offset.offset(0.01));
        String drawn = svg.render();
        assertThat(drawn).contains(">day 0<").contains(">1 Mar 2026<").contains(">29 Mar<"); // day 28 is 29 March
    }

    @Test
    void dosesAreBarsAndEventsAreMarks() {
        String svg = new TimelineSvg(withDosesAndEvents(), 3).render();
        assertThat(svg).contains("class=\"dose\"").contains("class=\"event ich\"").contains("class=\"event sae-report\"");
        java.util.regex.Matcher bar = java.util.regex.Pattern.compile("class=\"dose\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"").matcher(svg);
        assertThat(bar.find()).isTrue();
        TimelineSvg t = new TimelineSvg(withDosesAndEvents(), 3);
        assertThat(Double.parseDouble(bar.group(2))).isCloseTo(t.x(1.5) - t.x(0.5), org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void labelsOfLinesCloseTogetherNeverOverlap() {
        LabelRows rows = new LabelRows(130, 984);
        int discharged = rows.place(600, "discharged"), withdrawn = rows.place(603, "withdrawn"), died = rows.place(606, "\u2020 died");
        assertThat(java.util.Set.of(discharged, withdrawn, died)).hasSize(3);
        assertThat(rows.place(900, "as of")).isZero(); // far away: back on the first row
        String svg = new TimelineSvg(new SubjectTimeline("S-9", "A", "2026-03-01", 40, List.of(), List.of(
                new SubjectTimeline.Marker("DISCHARGED", 20.1, "2026-03-21"), new SubjectTimeline.Marker("WITHDRAWN", 20.2, "2026-03-21"),
                new SubjectTimeline.Marker("DIED", 20.3, "2026-03-21")), "2026-03-01", List.of(), List.of()), 4).render();
        java.util.regex.Matcher y = java.util.regex.Pattern.compile("class=\"line-label\" x=\"[0-9.]+\" y=\"([0-9]+)\"").matcher(svg);
        java.util.Set<String> ys = new java.util.HashSet<>();
        while (y.find()) ys.add(y.group(1));
        assertThat(ys).hasSize(3); // three labels on three rows (the as-of date lies past the axis: no fourth label)
    }

    private static SubjectTimeline withDosesAndEvents() {
        SubjectTimeline base = timeline("S-02");
        return new SubjectTimeline(base.subjectId(), base.arm(), base.randomizedAt(), base.asOfDay(), base.lanes(), base.markers(),
                "2026-03-01", List.of(new SubjectTimeline.DoseBar("SIVELESTAT", 0.5, 1.5, "2026-03-01T12:00", "2026-03-02T12:00", "4.8 mg/kg")),
                List.of(new SubjectTimeline.EventMark("ICH", "E-1", 2.2, "2026-03-03T05:00", "ICH 1a"),
                        new SubjectTimeline.EventMark("SAE_REPORT", "E-1", 3.1, "2026-03-04T02:00", "SAE report of E-1")));
    }
}
