package io.protoguard.bench;

import io.protoguard.intake.WorkbookReader;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.ZoneOffset;

/**
 * Intake alone, without evaluation (issue 16): reads a workbook or CSV folder into subjects and drops them,
 * printing the read's wall and process CPU seconds. The rule engine's share of a check does not blur it, so
 * an intake change can be compared with the previous main's on a busy machine:
 * {@code java -XX:TieredStopAtLevel=1 -cp target/test-classes:target/classes:target/lib/* io.protoguard.bench.IntakeTimings . INPUT [reads]}
 * (first read cold, as in a check; later ones warm). Prints: read,wall_s,cpu_s,subjects.
 */
public final class IntakeTimings {
    private IntakeTimings() {}

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path input = Path.of(args[1]);
        int reads = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        LoadedProtocol p = new ProtocolLoader(home.resolve("rules")).load(home.resolve("decision-tables/sivelestat-evt"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.println("read,wall_s,cpu_s,subjects");
        for (int i = 1; i <= reads; i++) {
            long cpu = os.getProcessCpuTime();
            long t = System.nanoTime();
            WorkbookReader.Summary s = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).stream(input, subject -> { });
            System.out.printf("%d,%.2f,%.2f,%d%n", i, (System.nanoTime() - t) / 1e9, (os.getProcessCpuTime() - cpu) / 1e9, s.subjects());
        }
    }
}
