package io.protoguard.cli;

import io.protoguard.model.InputError;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code protoguard}: the command line of SPEC section 7. */
@Command(name = "protoguard", mixinStandardHelpOptions = true, version = "protoguard 0.1.0",
        description = "Checks clinical-trial data against the protocol's decision tables and lists protocol deviations.",
        subcommands = {CheckCommand.class, ProtocolCommand.class, GenerateCommand.class, ServeCommand.class, NightlyCommand.class,
                HashPasswordCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status (tests call this instead of main). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // Say what was expected, in words, rather than the name of a Java exception.
        cl.registerConverter(java.time.LocalDate.class, text -> {
            try {
                return java.time.LocalDate.parse(text.trim());
            } catch (java.time.DateTimeException e) {
                throw new CommandLine.TypeConversionException("\"" + text + "\" is not a date (expected YYYY-MM-DD, e.g. 2026-07-01)");
            }
        });
        cl.registerConverter(java.time.ZoneId.class, text -> {
            try {
                return java.time.ZoneId.of(text.trim());
            } catch (java.time.DateTimeException e) {
                throw new CommandLine.TypeConversionException("\"" + text + "\" is not a time zone (expected a name like "
                        + "Europe/Berlin or Asia/Shanghai, or UTC)");
            }
        });
        boolean checkAsJson = checkAsJson(args);
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            String message = Messages.plain(e);
            cmd.getErr().println("protoguard: " + message);
            if (checkAsJson) JsonErrors.print(null, null, List.of(new InputError(null, null, null, null, null, message)));
            return ExitCodes.INPUT_ERRORS;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("protoguard: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            // `check --format json` promises one JSON object on standard output, for a bad argument too.
            if (checkAsJson) JsonErrors.print(null, null, List.of(new InputError(null, null, null, null, null, e.getMessage())));
            return ExitCodes.INPUT_ERRORS;
        });
        return cl.execute(args);
    }

    /** `check ... --format json` (or --format=json) without --out, read from the raw arguments before parsing. */
    private static boolean checkAsJson(String... args) {
        List<String> a = Arrays.asList(args);
        if (a.isEmpty() || !a.get(0).equals("check")) return false;
        boolean json = false, toFile = false;
        for (int i = 1; i < a.size(); i++) {
            String arg = a.get(i);
            if (arg.equals("--format") && i + 1 < a.size()) json = CheckCommand.isJson(a.get(i + 1));
            else if (arg.startsWith("--format=")) json = CheckCommand.isJson(arg.substring("--format=".length()));
            else if (arg.equals("--out") || arg.startsWith("--out=")) toFile = true;
        }
        return json && !toFile;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
