package io.protoguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.TestProtocols;
import io.protoguard.evaluation.Evaluator;
import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckContext;
import io.protoguard.model.Deviation;
import io.protoguard.model.SubjectData;
import io.protoguard.model.WorkbookData;
import io.protoguard.protocol.LoadedProtocol;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain-Java speed limit is only a fair limit if it finds what the engine finds. */
class PlainChecksMatchEngineTest {

    @TempDir
    Path tmp;

    @Test
    void plainJavaFindsTheSameDeviationsAsTheRulesEngineOnGeneratedData() throws Exception {
        LoadedProtocol p = TestProtocols.sivelestat();
        new DataGenerator(2000, 20260701, DeviationRates.all(0.03), false).write(tmp.resolve("data"));
        WorkbookData data = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(tmp.resolve("data"));
        // An as-of inside the follow-up of late subjects leaves some windows pending, so both paths meet them.
        for (LocalDate asOf : List.of(LocalDate.of(2026, 7, 1), LocalDate.of(2025, 12, 1))) {
            CheckContext ctx = new CheckContext(asOf, ZoneOffset.UTC);
            Evaluator engine = new Evaluator(p);
            PlainSivelestatChecks plain = new PlainSivelestatChecks(p);
            List<String> byEngine = new ArrayList<>(), byPlain = new ArrayList<>();
            List<String> outcomesByEngine = new ArrayList<>(), outcomesByPlain = new ArrayList<>();
            for (SubjectData s : data.subjects()) {
                Evaluator.SubjectResult e = engine.evaluate(s, ctx);
                e.deviations().forEach(d -> byEngine.add(key(d)));
                e.outcomes().forEach(o -> outcomesByEngine.add(o.toString()));
                var f = plain.check(s, ctx);
                f.deviations().forEach(d -> byPlain.add(key(d)));
                f.outcomes().forEach(o -> outcomesByPlain.add(o.toString()));
            }
            assertThat(byEngine).hasSizeGreaterThan(300);
            assertThat(byPlain).containsExactlyInAnyOrderElementsOf(byEngine);
            assertThat(outcomesByPlain).containsExactlyInAnyOrderElementsOf(outcomesByEngine);
        }
    }

    private static String key(Deviation d) {
        return d.subjectId() + "|" + d.category() + "|" + d.ruleId() + "|" + d.visit() + "|" + d.occurredOn()
                + "|" + d.message();
    }
}
