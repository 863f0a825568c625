package io.protoguard.cli;

import io.protoguard.generate.DataGenerator;
import io.protoguard.generate.DeviationKind;
import io.protoguard.generate.DeviationRates;
import io.protoguard.generate.SiteRates;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code protoguard generate}: realistic test data with a controlled rate of each kind of deviation. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write a generated data set (a CSV folder, or an .xlsx workbook when --out ends in .xlsx).%n"
                + "The same seed gives the same data.")
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--protocol", required = true, description = "protocol id (only sivelestat-evt has a generator)")
    String protocol;

    @Option(names = "--subjects", required = true, description = "number of subjects")
    long subjects;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--rate", description = "share of subjects per deviation kind, e.g. late-h48=0.05,no-lvo=0 "
            + "(all=0 for clean data); kinds: late-h48, late-d90, missed-d90, missed-img48, late-dose, wrong-rate, "
            + "short-course, late-consent, late-onset, no-lvo, out-of-range, sich-disagree, late-sae")
    String rates;

    @Option(names = "--site-rate", description = "sites whose subjects get every deviation kind at a multiple of its "
            + "rate, e.g. SITE-03=2 (a site central monitoring should flag); sites: SITE-01 to SITE-20")
    String siteRates;

    @Option(names = "--shuffled", description = "write subjects in a scrambled order instead of sorted by SubjectId")
    boolean shuffled;

    @Option(names = "--out", required = true, description = "a folder for CSV files, or a file ending in .xlsx")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (!"sivelestat-evt".equals(protocol)) {
            System.err.println("protoguard: no data generator for protocol " + protocol + " (available: sivelestat-evt)");
            return ExitCodes.INPUT_ERRORS;
        }
        DeviationRates parsed;
        SiteRates planted;
        try {
            parsed = DeviationRates.parse(rates);
            planted = SiteRates.parse(siteRates);
        } catch (IllegalArgumentException e) {
            System.err.println("protoguard: " + e.getMessage());
            return ExitCodes.INPUT_ERRORS;
        }
        long started = System.nanoTime();
        DataGenerator.Summary s = new DataGenerator(subjects, seed, parsed, planted, shuffled).write(out);
        System.err.printf("generated %d subjects in %.1f s to %s; planted: %s%n", s.subjects(),
                (System.nanoTime() - started) / 1e9, out, Arrays.stream(DeviationKind.values())
                        .map(k -> k.option() + "=" + s.injected().getOrDefault(k, 0L)).collect(Collectors.joining(", ")));
        return ExitCodes.CLEAN;
    }
}
