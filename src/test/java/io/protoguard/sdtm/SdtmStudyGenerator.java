package io.protoguard.sdtm;

import io.protoguard.intake.sdtm.SdtmWriters;
import io.protoguard.intake.sdtm.SdtmWriters.Domain;
import io.protoguard.intake.sdtm.SdtmWriters.Variable;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A generated cdiscpilot01-like SDTM study (DM, DS, SV, EX) of N subjects, written as XPT and as CSV, for the
 * benchmark in docs/benchmarks.md: {@code java -cp ... io.protoguard.sdtm.SdtmStudyGenerator N OUT}. Visits fall
 * within their windows mostly, a few days outside sometimes, and about one subject in ten stops early.
 */
public final class SdtmStudyGenerator {
    private static final String[] VISITS = {"BASELINE", "WEEK 2", "WEEK 4", "WEEK 6", "WEEK 8", "WEEK 10 (T)", "WEEK 12",
            "WEEK 14 (T)", "WEEK 16", "WEEK 18 (T)", "WEEK 20", "WEEK 22 (T)", "WEEK 24", "WEEK 26"};
    private static final double[] NUMBERS = {3, 4, 5, 7, 8, 8.1, 9, 9.1, 10, 10.1, 11, 11.1, 12, 13};
    private static final int[] DAYS = {1, 14, 28, 42, 56, 70, 84, 98, 112, 126, 140, 154, 168, 182};
    private static final String[] ARMS = {"Pbo", "Xan_Lo", "Xan_Hi"};

    private SdtmStudyGenerator() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        Random random = new Random(42);
        List<List<Object>> dm = new ArrayList<>(), ds = new ArrayList<>(), sv = new ArrayList<>(), ex = new ArrayList<>();
        LocalDate start = LocalDate.of(2013, 1, 1);
        for (int i = 0; i < n; i++) {
            String id = String.format("01-%03d-%06d", 700 + i % 17, i);
            LocalDate anchor = start.plusDays(random.nextInt(400));
            String arm = ARMS[i % 3];
            int last = random.nextInt(10) == 0 ? 1 + random.nextInt(12) : VISITS.length - 1;
            dm.add(Arrays.asList("CDISCPILOT01", "DM", id, String.valueOf(700 + i % 17), (double) (50 + random.nextInt(40)),
                    random.nextBoolean() ? "F" : "M", arm, arm, anchor.toString(), "", ""));
            for (int v = 0; v <= last; v++) {
                int shift = v == 0 ? 0 : random.nextInt(20) == 0 ? 6 + random.nextInt(4) : random.nextInt(5) - 2;
                LocalDate at = anchor.plusDays(DAYS[v] - 1 + shift);
                sv.add(Arrays.asList("CDISCPILOT01", "SV", id, NUMBERS[v], VISITS[v], at.toString()));
            }
            LocalDate end = anchor.plusDays(DAYS[last] - 1);
            ds.add(Arrays.asList("CDISCPILOT01", "DS", id, 1.0, last == VISITS.length - 1 ? "COMPLETED" : "ADVERSE EVENT",
                    "DISPOSITION EVENT", end.toString()));
            int seq = 0;
            for (int v : new int[] {0, 1, 12}) {
                if (v > last) break;
                double dose = arm.equals("Pbo") ? 0 : arm.equals("Xan_Hi") && v == 1 ? 81 : 54;
                ex.add(Arrays.asList("CDISCPILOT01", "EX", id, (double) ++seq, dose == 0 ? "PLACEBO" : "XANOMELINE", dose, "mg",
                        VISITS[v], anchor.plusDays(DAYS[v] - 1).toString(), anchor.plusDays(DAYS[v] + 12).toString()));
            }
        }
        List<Domain> domains = List.of(
                new Domain("DM", "Demographics", vars("STUDYID:12", "DOMAIN:2", "USUBJID:20", "SITEID:3", "AGE#", "SEX:1", "ARMCD:8",
                        "ACTARMCD:8", "RFSTDTC:10", "RFICDTC:10", "DTHDTC:10"), dm),
                new Domain("DS", "Disposition", vars("STUDYID:12", "DOMAIN:2", "USUBJID:20", "DSSEQ#", "DSDECOD:30", "DSCAT:20", "DSSTDTC:10"), ds),
                new Domain("SV", "Subject Visits", vars("STUDYID:12", "DOMAIN:2", "USUBJID:20", "VISITNUM#", "VISIT:20", "SVSTDTC:10"), sv),
                new Domain("EX", "Exposure", vars("STUDYID:12", "DOMAIN:2", "USUBJID:20", "EXSEQ#", "EXTRT:12", "EXDOSE#", "EXDOSU:4",
                        "VISIT:20", "EXSTDTC:10", "EXENDTC:10"), ex));
        Path xpt = Files.createDirectories(out.resolve("xpt")), csv = Files.createDirectories(out.resolve("csv"));
        for (Domain d : domains) {
            try (OutputStream o = Files.newOutputStream(xpt.resolve(d.name().toLowerCase() + ".xpt"))) {
                SdtmWriters.xpt(List.of(d), o);
            }
            try (Writer w = Files.newBufferedWriter(csv.resolve(d.name().toLowerCase() + ".csv"), StandardCharsets.UTF_8)) {
                SdtmWriters.csv(d, w);
            }
        }
        System.err.println(n + " subjects, " + sv.size() + " visits, " + ex.size() + " doses written to " + out);
    }

    private static List<Variable> vars(String... specs) {
        List<Variable> out = new ArrayList<>();
        for (String s : specs) {
            if (s.endsWith("#")) out.add(new Variable(s.substring(0, s.length() - 1), true, 8));
            else out.add(new Variable(s.substring(0, s.indexOf(':')), false, Integer.parseInt(s.substring(s.indexOf(':') + 1))));
        }
        return out;
    }
}
