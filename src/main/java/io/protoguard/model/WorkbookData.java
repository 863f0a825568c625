package io.protoguard.model;

import java.util.List;

/** What intake read from one workbook or CSV folder: subjects sorted by id, plus every fault found. */
public record WorkbookData(List<SubjectData> subjects, List<InputError> errors, List<InputError> warnings) {

    public WorkbookData {
        subjects = List.copyOf(subjects);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }
}
