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
    void earlyDaysGetHalfTheWidthWhenFollowUpIsLong() {
        TimelineSvg svg = new TimelineSvg(timeline("S-01"), 2);
        double day0 = svg.x(0), day10 = svg.x(10), day98 = svg.x(98);
        assertThat(day10 - day0).isGreaterThan((day98 - day10) * 0.5);
    }
}
