package io.protoguard.bench;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckContext;
import io.protoguard.model.SubjectData;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The engine against plain Java by per-thread CPU time, for a machine shared with other work where JMH's wall
 * clock is too noisy: the same 1,000 generated subjects as {@link EngineBenchmark}, the two paths alternated
 * round by round on one thread, and the median of the last half of the rounds. Usage: EngineCpuLoop [rounds].
 * Prints CPU µs per subject for each path and their ratio, with the load average before and after.
 */
public final class EngineCpuLoop {
    private static final CheckContext CTX = new CheckContext(LocalDate.of(2026, 7, 1), ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path home = Path.of(System.getProperty("protoguard.home", "."));
        LoadedProtocol p = new ProtocolLoader(home.resolve("rules")).load(home.resolve("decision-tables/sivelestat-evt"));
        Path dir = Files.createTempDirectory("engine-cpu");
        new DataGenerator(1000, 1, DeviationRates.defaults(), false).write(dir);
        List<SubjectData> subjects = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).read(dir).subjects();
        Evaluator engine = new Evaluator(p);
        PlainSivelestatChecks plain = new PlainSivelestatChecks(p);
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        double[] e = new double[rounds], j = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            e[r] = perSubject(subjects, s -> sink(engine.evaluate(s, CTX).deviations().size()));
            j[r] = perSubject(subjects, s -> sink(plain.check(s, CTX).deviations().size()));
        }
        double me = median(e, rounds / 2), mj = median(j, rounds / 2);
        System.out.printf("engine %.1f CPU us/subject, plain %.1f, ratio %.2fx (rounds %d, median of last %d; load %s -> %s) sink %d%n",
                me, mj, me / mj, rounds, rounds - rounds / 2, loadBefore.split(" ")[0],
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0], sink);
    }

    private static long sink;

    private static void sink(int n) {
        sink += n;
    }

    private static double perSubject(List<SubjectData> subjects, Consumer<SubjectData> check) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        subjects.forEach(check);
        return (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / subjects.size();
    }

    private static double median(double[] all, int from) {
        double[] last = Arrays.copyOfRange(all, from, all.length);
        Arrays.sort(last);
        return last[last.length / 2];
    }
}
