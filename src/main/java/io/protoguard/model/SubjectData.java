package io.protoguard.model;

import java.util.List;

/**
 * Everything read for one subject: the unit of evaluation (one rule session per subject). {@code extras}
 * holds the facts only some intakes give (SDTM: {@link VisitRecord}, {@link DispensedAt},
 * {@link Participation}); each is inserted into the session as it is.
 */
public record SubjectData(
        Subject subject, List<Criterion> criteria, List<Assessment> assessments, List<Dose> doses,
        List<ClinicalEvent> events, List<Object> extras) {

    public SubjectData {
        criteria = List.copyOf(criteria);
        assessments = List.copyOf(assessments);
        doses = List.copyOf(doses);
        events = List.copyOf(events);
        extras = List.copyOf(extras);
    }

    public SubjectData(Subject subject, List<Criterion> criteria, List<Assessment> assessments, List<Dose> doses,
                       List<ClinicalEvent> events) {
        this(subject, criteria, assessments, doses, events, List.of());
    }

    public String subjectId() {
        return subject.subjectId();
    }
}
