package io.protoguard.worklist;

import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.CheckContext;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.model.rules.VisitDayWindow;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import java.util.ArrayList;
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
        LoadedProtocol inEffect = protocol.inEffectOn(asOf);
        CheckContext ctx = new CheckContext(asOf, zone);
        List<WorklistItem> items = new ArrayList<>(Worklist.of(inEffect.windows(), subjects, ctx, days));
        items.addAll(Worklist.ofVisits(visitDayWindows(inEffect), subjects, ctx, days));
        Worklist.sort(items);
        return items;
    }

    /** The protocol's visit-day windows (SDTM protocols: windows on visits done). */
    public static List<VisitDayWindow> visitDayWindows(LoadedProtocol protocol) {
        return protocol.rules().stream().filter(VisitDayWindow.class::isInstance).map(VisitDayWindow.class::cast).toList();
    }
}
