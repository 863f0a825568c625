package io.protoguard.cli;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.mapping.SdtmMapping;
import io.protoguard.mapping.WorkbookLayout;
import io.protoguard.model.CheckResult;
import io.protoguard.model.InputError;
import io.protoguard.evaluation.SubjectPipeline;
import io.protoguard.model.CheckContext;
import io.protoguard.report.ResultSpool;
import java.util.List;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.report.AtomicFile;
import io.protoguard.report.ReportWriter;
import io.protoguard.report.ReportWriters;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code protoguard check}: one workbook or CSV folder against one protocol. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check a data workbook (.xlsx) or a folder of CSV files against a protocol.%n"
                + "Exit status: 0 no deviations, 1 deviations found, 2 input errors or a protocol that cannot be loaded.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--protocol", required = true, description = "protocol id (a folder under decision-tables/) or a protocol folder")
    String protocol;

    @Option(names = "--as-of", description = "windows closing after this date are pending (YYYY-MM-DD; default: today)")
    LocalDate asOf;

    @Option(names = "--format", defaultValue = "text", description = "text, json, csv or xlsx (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--out", description = "write the report to this file (written whole or not at all); default: standard output")
    Path out;

    @Option(names = "--time-zone", defaultValue = "UTC",
            description = "the study's time zone, for date-times written without an offset (default: ${DEFAULT-VALUE})")
    ZoneId zone;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "a mapping file (docs/mapping.md): SDTM domains of one's own naming, or another workbook layout such as an EDC listing export (kind: workbook)")
    Path mapping;

    @Parameters(index = "0", paramLabel = "<workbook.xlsx | folder>", description = "the data workbook, CSV folder, or SDTM folder / .zip (.xpt, Dataset-JSON .json or .csv domains)")
    Path input;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        ReportWriter writer = ReportWriters.forFormat(format);
        if (out == null && "xlsx".equalsIgnoreCase(format.trim())) {
            err.println("protoguard: --format xlsx needs --out FILE (a workbook is not written to a terminal)");
            return ExitCodes.INPUT_ERRORS;
        }
        ProtocolVersions loaded = ProtocolArgument.load(protocol, err, "  ");
        if (loaded == null) {
            err.println("protoguard: protocol " + protocol + " cannot be loaded (problems above)");
            return ExitCodes.INPUT_ERRORS;
        }
        SdtmMapping sdtmMapping = null;
        WorkbookLayout layout = null;
        if (mapping != null) {
            try {
                if (!java.nio.file.Files.isRegularFile(mapping)) throw new SdtmMapping.MappingException(mapping + ": no such mapping file");
                if (WorkbookLayout.isWorkbookLayout(mapping)) layout = WorkbookLayout.load(mapping);
                else sdtmMapping = SdtmMapping.load(mapping);
            } catch (SdtmMapping.MappingException e) {
                err.println("protoguard: " + e.getMessage());
                return ExitCodes.INPUT_ERRORS;
            }
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(zone);
        // Subjects stream from intake to a bounded pool of evaluators and their results to disk, so memory
        // does not grow with the number of subjects; the report is written once the totals are known.
        try (ResultSpool results = new ResultSpool();
             SubjectPipeline pipeline = new SubjectPipeline(new Evaluator(loaded), new CheckContext(day, zone), threads(),
                     r -> {
                         r.deviations().forEach(results::add);
                         r.outcomes().forEach(results::add);
                     })) {
            WorkbookReader.Summary read = StudyInput.stream(input, loaded.codeBook(), zone, sdtmMapping, layout, pipeline::accept);
            pipeline.finish();
            CheckResult head = new CheckResult(loaded.inEffectOn(day).info(), day, read.subjects(), read.errors(), read.warnings(),
                    List.of(), List.of());
            if (out == null) {
                writer.write(head, results.deviations(), results.outcomes(), System.out);
                System.out.flush();
            } else {
                AtomicFile.write(out, stream -> writer.write(head, results.deviations(), results.outcomes(), stream));
            }
            long deviations = results.deviationCount();
            if (!"text".equalsIgnoreCase(format.trim()) || out != null) {
                for (InputError e : read.errors()) err.println("input error: " + e.describe());
                err.println(deviations + " deviations, " + read.errors().size() + " input errors, "
                        + read.subjects() + " subjects" + (out == null ? "" : "; report written to " + out));
            }
            if (!read.errors().isEmpty()) return ExitCodes.INPUT_ERRORS;
            return deviations == 0 ? ExitCodes.CLEAN : ExitCodes.DEVIATIONS;
        }
    }

    /** Evaluation threads: -Dprotoguard.threads, else one per processor. */
    private static int threads() {
        return Integer.getInteger("protoguard.threads", Runtime.getRuntime().availableProcessors());
    }
}
