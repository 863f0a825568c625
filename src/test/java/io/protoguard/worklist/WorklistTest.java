package io.protoguard.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.Assessment;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Subject;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.model.rules.VisitWindow;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worklist of a generated study as of a date in the middle of enrolment lists exactly the windows open or opening
 * within 7 days and not yet done, computed here a second way: plain date arithmetic on the schedule's target, minus
 * and plus (days: whole days from the randomization date; hours: the instant, read as a UTC date).
 */
class WorklistTest {
    @Test
    void listsExactlyTheWindowsOpenOrOpeningWithinAWeek(@TempDir Path tmp) throws Exception {
        LoadedProtocol protocol = new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables", "sivelestat-evt"));
        new DataGenerator(400, 11, DeviationRates.defaults(), false).write(tmp.resolve("study"));
        WorkbookData read = StudyInput.read(tmp.resolve("study"), protocol.codeBook(), ZoneOffset.UTC, null, protocol.rules());
        LocalDate asOf = LocalDate.of(2025, 6, 15);
        // the data as it stood on the as-of date: the generator writes every subject's whole follow-up
        List<SubjectData> subjects = read.subjects().stream().map(d -> new SubjectData(d.subject(), d.criteria(),
                d.assessments().stream().filter(a -> a.performedAt() != null && !a.performedAt().date().isAfter(asOf)).toList(),
                d.doses(), d.events())).toList();
        List<WorklistItem> items = Worklist.of(protocol.windows(), subjects, new CheckContext(asOf, ZoneOffset.UTC), 7);

        Set<String> expected = new HashSet<>();
        for (SubjectData d : subjects) {
            Subject s = d.subject();
            if (s.randomizedAt() == null || s.randomizedAt().date().isAfter(asOf)) continue;
            if (s.diedAt() != null && !s.diedAt().date().isAfter(asOf)) continue;
            if (s.withdrawnAt() != null && !s.withdrawnAt().date().isAfter(asOf)) continue;
            for (VisitWindow w : protocol.windows()) {
                if (w.arm() != null && !w.arm().equalsIgnoreCase(s.arm())) continue;
                LocalDate first, last;
                if (w.unit() == VisitWindow.Unit.DAY) {
                    first = s.randomizedAt().date().plusDays((long) Math.ceil(w.target() - w.minus()));
                    last = s.randomizedAt().date().plusDays((long) Math.floor(w.target() + w.plus()));
                } else {
                    if (!s.randomizedAt().hasTime()) continue;
                    first = s.randomizedAt().instant().plusSeconds(Math.round((w.target() - w.minus()) * 3600)).atZone(ZoneOffset.UTC).toLocalDate();
                    last = s.randomizedAt().instant().plusSeconds(Math.round((w.target() + w.plus()) * 3600)).atZone(ZoneOffset.UTC).toLocalDate();
                }
                if (last.isBefore(asOf) || first.isAfter(asOf.plusDays(7))) continue;
                boolean done = false;
                for (Assessment a : d.assessments()) {
                    done |= a.performedAt() != null && w.test().equalsIgnoreCase(a.test()) && w.visit().equalsIgnoreCase(a.visit());
                }
                if (!done) expected.add(s.subjectId() + " " + w.visit() + " " + w.test() + " " + first + " " + last);
            }
        }
        assertThat(items).extracting(i -> i.subjectId() + " " + i.visit() + " " + i.test() + " " + i.firstDay() + " " + i.lastDay())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(items).isSortedAccordingTo(Comparator.comparing(WorklistItem::lastDay));
        assertThat(items).anyMatch(WorklistItem::open).anyMatch(i -> !i.open() && i.opensInDays() <= 7);
        assertThat(items).allSatisfy(i -> assertThat(i.daysLeft()).isEqualTo(i.lastDay().toEpochDay() - asOf.toEpochDay()));
    }
}
