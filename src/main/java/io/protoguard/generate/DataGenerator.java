package io.protoguard.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a generated data set for sivelestat-evt: a CSV folder, or an .xlsx workbook when the target ends in
 * .xlsx. Subjects are written one at a time (memory does not grow with N), sorted by SubjectId or, with
 * {@code shuffled}, in a scrambled order that exercises intake's external sort.
 */
public final class DataGenerator {

    /** What was written: subjects and how many of each planted deviation kind. */
    public record Summary(long subjects, Map<DeviationKind, Long> injected) {}

    private final long subjects;
    private final SivelestatSubjects factory;
    private final boolean shuffled;

    public DataGenerator(long subjects, long seed, DeviationRates rates, boolean shuffled) {
        this(subjects, seed, rates, SiteRates.none(), shuffled);
    }

    /** {@code siteRates}: sites planted at a multiple of every deviation rate (central monitoring tests). */
    public DataGenerator(long subjects, long seed, DeviationRates rates, SiteRates siteRates, boolean shuffled) {
        if (subjects < 1) throw new IllegalArgumentException("--subjects must be at least 1");
        this.subjects = subjects;
        this.factory = new SivelestatSubjects(seed, rates, siteRates);
        this.shuffled = shuffled;
    }

    public static boolean isWorkbook(Path out) {
        return out.getFileName() != null && out.getFileName().toString().toLowerCase().endsWith(".xlsx");
    }

    public Summary write(Path out) throws IOException {
        Map<DeviationKind, Long> counts = new EnumMap<>(DeviationKind.class);
        try (SheetSink sink = isWorkbook(out) ? new XlsxWorkbookSink(out) : new CsvFolderSink(out)) {
            for (GeneratedSheet s : GeneratedSheet.values()) sink.header(s, s.columns);
            for (long i = 0; i < subjects; i++) {
                SivelestatSubjects.Generated g = factory.subject(shuffled ? scrambled(i) : i);
                for (Map.Entry<GeneratedSheet, List<List<String>>> e : g.rows().entrySet()) {
                    for (List<String> row : e.getValue()) sink.row(e.getKey(), row);
                }
                g.injected().forEach(k -> counts.merge(k, 1L, Long::sum));
            }
        }
        return new Summary(subjects, counts);
    }

    /** A bijection of 0..n-1 (multiplication by a number coprime to n), so each subject appears once. */
    private long scrambled(long i) {
        long p = 1_000_003L;
        while (java.math.BigInteger.valueOf(p).gcd(java.math.BigInteger.valueOf(subjects)).longValue() != 1) p += 2;
        return Math.floorMod(i * p + 7, subjects);
    }
}
