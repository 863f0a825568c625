package io.protoguard.web;

import java.util.List;

/**
 * What the timeline picture of one subject shows, stored as JSON with the run. Positions are days on the
 * subject's calendar: 0.0 is midnight starting the randomization day (study time zone), so 2.5 is noon of day 2.
 * {@code day0} (the randomization date, ISO), {@code doses} and {@code events} were added by issue 12; runs stored
 * before it have them null and are drawn without calendar dates, doses and events.
 */
public record SubjectTimeline(String subjectId, String arm, String randomizedAt, double asOfDay, List<Lane> lanes,
                              List<Marker> markers, String day0, List<DoseBar> doses, List<EventMark> events) {

    /** A timeline as stored before issue 12. */
    public SubjectTimeline(String subjectId, String arm, String randomizedAt, double asOfDay, List<Lane> lanes, List<Marker> markers) {
        this(subjectId, arm, randomizedAt, asOfDay, lanes, markers, null, null, null);
    }

    /** One visit window (a band) and the assessments that belong to it (dots); from/to null when it cannot be placed. */
    public record Lane(String visit, String test, Double from, Double to, String expected, boolean open, List<Dot> dots) {
        public String label() {
            return visit == null ? "unscheduled" : visit + " " + test;
        }
    }

    /** status: IN (within its window), OUT (outside it, or no time where hours matter), UNSCHEDULED. */
    public record Dot(double day, String at, String test, String value, String status, boolean dateOnly) {}

    /** kind: DIED, WITHDRAWN, DISCHARGED. */
    public record Marker(String kind, double day, String at) {}

    /** One administration of study treatment: an infusion from {@code from} to {@code to} (to null when no end was recorded). */
    public record DoseBar(String treatment, double from, Double to, String startAt, String endAt, String amount) {}

    /** kind: ICH (an event detected), SAE_REPORT (the SAE report of an event), or another event type as recorded. */
    public record EventMark(String kind, String eventId, double day, String at, String detail) {}
}
