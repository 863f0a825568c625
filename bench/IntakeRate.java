import io.protoguard.intake.WorkbookReader;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import java.nio.file.Path;
import java.time.ZoneId;

/**
 * Intake alone, no evaluation (issue 16): streams a workbook through WorkbookReader.stream N times in one JVM and
 * prints each pass's wall time and the intake thread's CPU time. Run by bench/xlsx-intake.sh.
 * Args: PROTOGUARD-HOME WORKBOOK RULEBASE-CACHE-DIR PASSES
 */
public class IntakeRate {
    public static void main(String[] a) throws Exception {
        Path home = Path.of(a[0]);
        ProtocolVersions p = new ProtocolLoader(home.resolve("rules"), Path.of(a[2]))
                .loadVersions(home.resolve("decision-tables/sivelestat-evt"));
        for (int i = 0; i < Integer.parseInt(a[3]); i++) {
            long t0 = System.nanoTime();
            long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
            int[] n = {0};
            WorkbookReader.Summary s = new WorkbookReader(p.codeBook(), ZoneId.of("UTC")).stream(Path.of(a[1]), x -> n[0]++);
            double sec = (System.nanoTime() - t0) / 1e9;
            double cpu = (java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0) / 1e9;
            System.out.printf("pass %d: %d subjects, %d errors, %.2f s wall, %.2f s thread CPU, %.0f subjects/s%n", i + 1, n[0], s.errors().size(), sec, cpu, n[0] / sec);
        }
    }
}
