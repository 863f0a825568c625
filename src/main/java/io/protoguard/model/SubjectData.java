package io.protoguard.model;

import java.util.List;

/** Everything read for one subject: the unit of evaluation (one rule session per subject). */
public record SubjectData(
        Subject subject, List<Criterion> criteria, List<Assessment> assessments, List<Dose> doses,
        List<ClinicalEvent> events) {

    public SubjectData {
        criteria = List.copyOf(criteria);
        assessments = List.copyOf(assessments);
        doses = List.copyOf(doses);
        events = List.copyOf(events);
    }

    public String subjectId() {
        return subject.subjectId();
    }
}
