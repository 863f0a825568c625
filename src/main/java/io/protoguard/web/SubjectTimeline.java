package io.protoguard.web;

import java.util.List;

/**
 * What the timeline picture of one subject shows, stored as JSON with the run. Positions are days on the
 * subject's calendar: 0.0 is midnight starting the randomization day (study time zone), so 2.5 is noon of day 2.
 */
public record SubjectTimeline(String subjectId, String arm, String randomizedAt, double asOfDay, List<Lane> lanes,
                              List<Marker> markers) {

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
}
