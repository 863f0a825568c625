package io.protoguard.cli;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.evaluation.SubjectPipeline;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckContext;
import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.mapping.SdtmMapping;
import io.protoguard.mapping.WorkbookLayout;
import io.protoguard.model.CheckResult;
import io.protoguard.model.InputError;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.report.AtomicFile;
import io.protoguard.report.ReportWriter;
import io.protoguard.report.ReportWriters;
import io.protoguard.report.ResultSpool;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code protoguard check}: one workbook or CSV folder against one protocol. Every way it can end gives an
 * exit status of SPEC section 7 and, with {@code --format json}, one JSON object on standard output, including
 * a protocol that cannot be loaded and an {@code --out} that cannot be written.
 */
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

    @Option(names = "--encoding", description = "the encoding of CSV files (e.g. UTF-8, windows-1252); default: UTF-8, "
            + "or Windows-1252 with a warning for a file that is not valid UTF-8")
    String encoding;

    @Option(names = "--mapping", paramLabel = "FILE",
            description = "a mapping file (docs/mapping.md): SDTM domains of one's own naming, or another workbook layout such as an EDC listing export (kind: workbook)")
    Path mapping;

    @Parameters(index = "0", paramLabel = "<workbook.xlsx | folder>", description = "the data workbook, CSV folder, or SDTM folder / .zip (.xpt, Dataset-JSON .json or .csv domains)")
    Path input;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        boolean json = "json".equalsIgnoreCase(format.trim());
        ReportWriter writer;
        try {
            writer = ReportWriters.forFormat(format);
        } catch (IllegalArgumentException e) {
            return refuse(json, null, List.of(error(e.getMessage())));
        }
        if (out == null && "xlsx".equalsIgnoreCase(format.trim())) {
            return refuse(json, null, List.of(error("--format xlsx needs --out FILE (a workbook is not written to a terminal)")));
        }
        Charset csvEncoding = null;
        if (encoding != null) {
            try {
                csvEncoding = Charset.forName(encoding.trim());
            } catch (IllegalArgumentException e) {
                return refuse(json, null, List.of(error("unknown encoding \"" + encoding
                        + "\" (expected e.g. UTF-8, windows-1252, ISO-8859-1)")));
            }
        }
        if (out != null) {
            String problem = OutputTarget.problem(out);
            if (problem != null) return refuse(json, null, List.of(error("--out " + out + ": " + problem)));
        }
        List<InputError> protocolProblems = new ArrayList<>();
        ProtocolVersions loaded = ProtocolArgument.load(protocol, protocolProblems);
        if (loaded == null) {
            // the same line as `protocol check` prints: file, Sheet!Cell: what is wrong
            for (InputError e : protocolProblems) {
                err.println("  " + (e.file() == null ? "" : e.file() + (e.sheet() == null ? "" : ", " + e.sheet()
                        + (e.cell() == null ? "" : "!" + e.cell())) + ": ") + e.message());
            }
            protocolProblems.add(error("protocol " + protocol + " cannot be loaded"
                    + (protocolProblems.isEmpty() ? "" : " (problems above)")));
            return refuse(json, null, protocolProblems);
        }
        SdtmMapping sdtmMapping = null;
        WorkbookLayout layout = null;
        if (mapping != null) {
            try {
                if (!java.nio.file.Files.isRegularFile(mapping)) throw new SdtmMapping.MappingException(mapping + ": no such mapping file");
                if (WorkbookLayout.isWorkbookLayout(mapping)) layout = WorkbookLayout.load(mapping);
                else sdtmMapping = SdtmMapping.load(mapping);
            } catch (SdtmMapping.MappingException e) {
                return refuse(json, null, List.of(error(e.getMessage())));
            } catch (IOException e) {
                return refuse(json, null, List.of(error(mapping + ": the mapping file cannot be read (" + OutputTarget.reason(e) + ")")));
            }
        }
        LocalDate day = asOf != null ? asOf : LocalDate.now(zone);
        try {
            return check(loaded, day, writer, csvEncoding, sdtmMapping, layout, err);
        } catch (IOException e) {
            return refuse(json, loaded.inEffectOn(day), List.of(error("--out " + out + ": the report could not be written: "
                    + OutputTarget.reason(e))));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // A fault of the engine, not of the data: said in words, with no Java class name or stack trace.
            return refuse(json, loaded.inEffectOn(day), List.of(error("the check could not finish: " + Messages.plain(e))));
        }
    }

    private int check(ProtocolVersions loaded, LocalDate day, ReportWriter writer, Charset csvEncoding,
                      SdtmMapping sdtmMapping, WorkbookLayout layout, PrintStream err)
            throws IOException {
        List<io.protoguard.model.rules.ProtocolRule> rules = new ArrayList<>();
        for (LoadedProtocol v : loaded.versions()) rules.addAll(v.rules());
        // Subjects stream from intake to a bounded pool of evaluators and their results to disk, so memory
        // does not grow with the number of subjects; the report is written once the totals are known.
        try (ResultSpool results = new ResultSpool();
             SubjectPipeline pipeline = new SubjectPipeline(new Evaluator(loaded), new CheckContext(day, zone), threads(),
                     r -> {
                         r.deviations().forEach(results::add);
                         r.outcomes().forEach(results::add);
                     })) {
            WorkbookReader.Summary read = StudyInput.stream(input, loaded.codeBook(), zone, sdtmMapping, layout,
                    r -> r.withCsvEncoding(csvEncoding).withRules(rules), pipeline::accept);
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
                // The CSV report holds deviations only: errors and warnings reach the user here.
                for (InputError e : read.errors()) err.println("input error: " + e.describe());
                for (InputError w : read.warnings()) err.println("warning: " + w.describe());
                err.println(deviations + " deviations, " + read.errors().size() + " input errors, "
                        + read.warnings().size() + " warnings, " + read.subjects() + " subjects"
                        + (out == null ? "" : "; report written to " + out));
            }
            if (!read.errors().isEmpty()) return ExitCodes.INPUT_ERRORS;
            return deviations == 0 ? ExitCodes.CLEAN : ExitCodes.DEVIATIONS;
        }
    }

    /** Exit 2 before or instead of a report: each reason on standard error, and as JSON when JSON was asked for. */
    private int refuse(boolean json, LoadedProtocol protocolInEffect, List<InputError> errors) {
        for (InputError e : errors) {
            if (e.file() == null && e.sheet() == null) System.err.println("protoguard: " + e.message());
        }
        if (json && out == null) {
            JsonErrors.print(protocolInEffect == null ? null : protocolInEffect.info(), asOf, errors);
        }
        return ExitCodes.INPUT_ERRORS;
    }

    private static InputError error(String message) {
        return new InputError(null, null, null, null, null, message);
    }

    /** Evaluation threads: -Dprotoguard.threads, else one per processor. */
    private static int threads() {
        return Integer.getInteger("protoguard.threads", Runtime.getRuntime().availableProcessors());
    }

    static boolean isJson(String format) {
        return format != null && format.trim().toLowerCase(Locale.ROOT).equals("json");
    }
}
