package io.protoguard.bench;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckContext;
import io.protoguard.model.SubjectData;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine alone, single thread: the rules engine against the plain-Java checks on the same 1,000 generated
 * subjects (default deviation rates), facts already read. Score: microseconds per subject.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class EngineBenchmark {
    private static final CheckContext CTX = new CheckContext(LocalDate.of(2026, 7, 1), ZoneOffset.UTC);

    private List<SubjectData> subjects;
    private Evaluator engine;
    private PlainSivelestatChecks plain;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path home = Path.of(System.getProperty("protoguard.home", "."));
        LoadedProtocol p = new ProtocolLoader(home.resolve("rules")).load(home.resolve("decision-tables/sivelestat-evt"));
        Path dir = Files.createTempDirectory("engine-bench");
        new DataGenerator(1000, 1, DeviationRates.defaults(), false).write(dir);
        subjects = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(dir).subjects();
        engine = new Evaluator(p);
        plain = new PlainSivelestatChecks(p);
    }

    private SubjectData nextSubject() {
        SubjectData s = subjects.get(next);
        next = (next + 1) % subjects.size();
        return s;
    }

    @Benchmark
    public void rulesEngine(Blackhole bh) {
        bh.consume(engine.evaluate(nextSubject(), CTX));
    }

    @Benchmark
    public void plainJava(Blackhole bh) {
        bh.consume(plain.check(nextSubject(), CTX));
    }
}
