package io.protoguard.sdtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.Participation;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.VisitRecord;
import io.protoguard.model.rules.VisitDayWindow;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.worklist.StudyWorklist;
import io.protoguard.worklist.Worklist;
import io.protoguard.worklist.WorklistItem;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.protoguard.model.CheckContext;
import org.junit.jupiter.api.Test;

/**
 * The worklist of a visit-based protocol (cdiscpilot01, SPEC 3/5: windows on SV visits, SDTM day numbering with day 1
 * = RFSTDTC): as of a date in the middle of the pilot, exactly the visits whose window is open or opens within 7 days
 * and that have no visit of that name yet, computed here a second way with plain date arithmetic (day n is
 * RFSTDTC + n - 1; bounds inclusive).
 */
class PilotWorklistTest {
    @Test
    void listsExactlyTheVisitsComingDue() throws Exception {
        LoadedProtocol protocol = new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables", "cdiscpilot01"));
        List<VisitDayWindow> windows = StudyWorklist.visitDayWindows(protocol);
        assertThat(windows).hasSizeGreaterThan(10);
        LocalDate asOf = LocalDate.of(2013, 6, 1);
        var read = StudyInput.read(PilotData.xpt(), protocol.codeBook(), ZoneOffset.UTC, null, protocol.rules());
        // the data as it stood on the as-of date: visits done by then
        List<SubjectData> subjects = new ArrayList<>();
        for (SubjectData d : read.subjects()) {
            List<Object> extras = d.extras().stream()
                    .filter(o -> !(o instanceof VisitRecord v) || (v.at() != null && !v.at().date().isAfter(asOf))).toList();
            subjects.add(new SubjectData(d.subject(), d.criteria(), d.assessments(), d.doses(), d.events(), d.badValues(), d.subjectCells(), extras));
        }
        List<WorklistItem> items = Worklist.ofVisits(windows, subjects, new CheckContext(asOf, ZoneOffset.UTC), 7);

        Set<String> expected = new HashSet<>();
        for (SubjectData d : subjects) {
            Subject s = d.subject();
            if (s.randomizedAt() == null || s.randomizedAt().date().isAfter(asOf)) continue;
            if (s.diedAt() != null && !s.diedAt().date().isAfter(asOf)) continue;
            boolean ended = false;
            for (Object o : d.extras()) ended |= o instanceof Participation p && p.endedOn() != null && !p.endedOn().isAfter(asOf);
            if (ended) continue;
            LocalDate day1 = s.randomizedAt().date();
            for (VisitDayWindow w : windows) {
                LocalDate first = day1.plusDays((long) Math.ceil(w.target() - w.minus()) - 1);
                LocalDate last = day1.plusDays((long) Math.floor(w.target() + w.plus()) - 1);
                if (last.isBefore(asOf) || first.isAfter(asOf.plusDays(7))) continue;
                boolean done = false;
                for (Object o : d.extras()) done |= o instanceof VisitRecord v && v.visit().equalsIgnoreCase(w.visit());
                if (!done) expected.add(s.subjectId() + " " + w.visit() + " " + first + " " + last);
            }
        }
        assertThat(expected).hasSizeGreaterThan(3);
        assertThat(items).extracting(i -> i.subjectId() + " " + i.visit() + " " + i.firstDay() + " " + i.lastDay())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(items).allSatisfy(i -> assertThat(i.test()).isEqualTo(Worklist.VISIT));
        // what the page, the exports and the nightly sheet list for this protocol includes these windows
        List<WorklistItem> page = StudyWorklist.of(ProtocolVersions.of(protocol), PilotData.xpt(), ZoneOffset.UTC, asOf, 7, null);
        assertThat(page).allSatisfy(i -> assertThat(i.test()).isEqualTo(Worklist.VISIT)).isSortedAccordingTo(
                java.util.Comparator.comparing(WorklistItem::lastDay));
    }
}
