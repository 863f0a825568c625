package io.protoguard.bench;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.evaluation.SubjectPipeline;
import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationRates;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckContext;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.model.Outcome;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.report.JsonReport;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Timings measured inside one JVM, printed as "name,value,unit" lines for bench/run.sh:
 * compile time of each protocol's tables (first and warm), XLSX intake rate, and the warm latency of a
 * 20-subject check with the protocol cached (the stand-in for the web service's upload path).
 */
public final class InProcessTimings {
    private static final CheckContext CTX = new CheckContext(LocalDate.of(2026, 7, 1), ZoneOffset.UTC);

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Path xlsx = Path.of(args[1]);
        LoadedProtocol sivelestat = null;
        try (Stream<Path> dirs = Files.list(home.resolve("decision-tables"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                double[] ms = new double[4];
                LoadedProtocol p = null;
                for (int i = 0; i < ms.length; i++) {
                    long t = System.nanoTime();
                    p = new ProtocolLoader(home.resolve("rules")).load(dir);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                print("compile_first_ms_" + dir.getFileName(), ms[0], "ms");
                print("compile_warm_ms_" + dir.getFileName(), Arrays.stream(ms).skip(1).min().orElse(0), "ms");
                if (dir.getFileName().toString().equals("sivelestat-evt")) sivelestat = p;
            }
        }
        xlsxIntake(sivelestat, xlsx);
        serviceStandIn(sivelestat);
    }

    /** Reads a workbook twice (the second warm) and reports data rows per second. */
    private static void xlsxIntake(LoadedProtocol p, Path xlsx) {
        for (String pass : List.of("first", "warm")) {
            long[] rows = {0};
            long t = System.nanoTime();
            new WorkbookReader(p.codeBook(), ZoneOffset.UTC).stream(xlsx, s -> rows[0] += 1 + s.criteria().size()
                    + s.assessments().size() + s.doses().size() + s.events().size());
            double s = (System.nanoTime() - t) / 1e9;
            print("xlsx_rows", rows[0], "rows");
            print("xlsx_read_s_" + pass, s, "s");
            print("xlsx_s_per_100k_rows_" + pass, s * 100_000 / rows[0], "s");
        }
    }

    /** A 20-subject workbook checked again and again in one JVM: intake, evaluation, JSON report in memory. */
    private static void serviceStandIn(LoadedProtocol p) throws Exception {
        Path dir = Files.createTempDirectory("latency");
        Path upload = dir.resolve("upload.xlsx");
        new DataGenerator(20, 7, DeviationRates.defaults(), false).write(upload);
        Evaluator evaluator = new Evaluator(p);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            long t = System.nanoTime();
            List<Deviation> devs = new ArrayList<>();
            List<Outcome> outs = new ArrayList<>();
            WorkbookReader.Summary read;
            try (SubjectPipeline pipeline = new SubjectPipeline(evaluator, CTX, 2, r -> {
                devs.addAll(r.deviations());
                outs.addAll(r.outcomes());
            })) {
                read = new WorkbookReader(p.codeBook(), ZoneOffset.UTC).stream(upload, pipeline::accept);
                pipeline.finish();
            }
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            new JsonReport().write(new CheckResult(p.info(), CTX.asOf(), read.subjects(), read.errors(), read.warnings(),
                    devs, outs), json);
            if (i >= 100) ms.add((System.nanoTime() - t) / 1e6); // the first 100 warm the JIT
        }
        ms.sort(Double::compare);
        print("service_standin_p50_ms", ms.get(ms.size() / 2), "ms");
        print("service_standin_p95_ms", ms.get((int) Math.ceil(ms.size() * 0.95) - 1), "ms");
        print("service_standin_max_ms", ms.get(ms.size() - 1), "ms");
    }

    private static void print(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "%s,%.3f,%s", name, value, unit));
    }
}
