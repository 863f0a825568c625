package io.protoguard.cli;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.WorkbookReader;
import io.protoguard.model.CheckResult;
import io.protoguard.model.InputError;
import io.protoguard.model.WorkbookData;
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

    @Parameters(index = "0", paramLabel = "<workbook.xlsx | folder>", description = "the data workbook or CSV folder")
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
        LocalDate day = asOf != null ? asOf : LocalDate.now(zone);
        WorkbookData data = new WorkbookReader(loaded.codeBook(), zone).read(input);
        CheckResult result = new Evaluator(loaded).check(data, day, zone);
        if (out == null) {
            writer.write(result, System.out);
            System.out.flush();
        } else {
            AtomicFile.write(out, stream -> writer.write(result, stream));
        }
        if (!"text".equalsIgnoreCase(format.trim()) || out != null) {
            for (InputError e : result.inputErrors()) err.println("input error: " + e.describe());
            err.println(result.deviations().size() + " deviations, " + result.inputErrors().size() + " input errors, "
                    + result.subjects() + " subjects" + (out == null ? "" : "; report written to " + out));
        }
        if (!result.inputErrors().isEmpty()) return ExitCodes.INPUT_ERRORS;
        return result.deviations().isEmpty() ? ExitCodes.CLEAN : ExitCodes.DEVIATIONS;
    }
}
