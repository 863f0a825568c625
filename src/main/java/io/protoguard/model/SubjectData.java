package io.protoguard.model;

import java.util.List;
import java.util.Map;

/**
/**
 * Everything read for one subject: the unit of evaluation (one rule session per subject).
 *
 * @param badValues    the subject's values that could not be read (each already an input error); the
 *                     subject is still checked, and the rules that read them are listed as not judged
 * @param subjectCells where each column of the subject's row sits ("Age" -> "Subjects!F5"), for naming a
 *                     value's cell in a finding
 * @param extras       the facts only some intakes give (SDTM: {@link VisitRecord}, {@link DispensedAt},
 *                     {@link Participation}); each is inserted into the session as it is
 */
public record SubjectData(
        Subject subject, List<Criterion> criteria, List<Assessment> assessments, List<Dose> doses,
        List<ClinicalEvent> events, List<BadValue> badValues, Map<String, String> subjectCells, List<Object> extras) {

    public SubjectData {
        criteria = List.copyOf(criteria);
        assessments = List.copyOf(assessments);
        doses = List.copyOf(doses);
        events = List.copyOf(events);
        badValues = List.copyOf(badValues);
        subjectCells = Map.copyOf(subjectCells);
        extras = List.copyOf(extras);
    }

    /** A subject whose values were all read (other intakes, tests). */
    public SubjectData(Subject subject, List<Criterion> criteria, List<Assessment> assessments, List<Dose> doses,
                       List<ClinicalEvent> events) {
        this(subject, criteria, assessments, doses, events, List.of(), Map.of(), List.of());
    }

    /** A workbook subject: values that could not be read, and the cells of its Subjects row. */
    public SubjectData(Subject subject, List<Criterion> criteria, List<Assessment> assessments, List<Dose> doses,
                       List<ClinicalEvent> events, List<BadValue> badValues, Map<String, String> subjectCells) {
        this(subject, criteria, assessments, doses, events, badValues, subjectCells, List.of());
    }

    /** An SDTM subject: visits done, dispensing visits and end of participation as extra facts. */
    public SubjectData(Subject subject, List<Criterion> criteria, List<Assessment> assessments, List<Dose> doses,
                       List<ClinicalEvent> events, List<Object> extras) {
        this(subject, criteria, assessments, doses, events, List.of(), Map.of(), extras);
    }

    public String subjectId() {
        return subject.subjectId();
    }
}
