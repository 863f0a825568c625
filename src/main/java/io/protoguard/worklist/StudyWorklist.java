package io.protoguard.worklist;

import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.CheckContext;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.ProtocolVersions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A study's worklist from its data folder: what the Worklist page, its exports and the nightly report's "Due in the next
 * 7 days" sheet all list, so they cannot disagree. Reads the data as it is now (the page is "on request"; the nightly
 * report is written right after the run that read the same folder).
 */
public final class StudyWorklist {
    private StudyWorklist() {}

    /** {@code site} null or blank: every site of the study. */
    public static List<WorklistItem> of(ProtocolVersions protocol, Path data, ZoneId zone, LocalDate asOf, int days, String site) {
        WorkbookData read = StudyInput.read(data, protocol.codeBook(), zone, null, protocol.rules());
        List<SubjectData> subjects = read.subjects().stream()
                .filter(s -> site == null || site.isBlank() || site.equals(s.subject().site())).toList();
        return Worklist.of(protocol.inEffectOn(asOf).windows(), subjects, new CheckContext(asOf, zone), days);
    }
}
