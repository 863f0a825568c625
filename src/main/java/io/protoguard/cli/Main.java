package io.protoguard.cli;

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
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("protoguard: " + e.getMessage());
            return ExitCodes.INPUT_ERRORS;
        });
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("protoguard: " + e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return ExitCodes.INPUT_ERRORS;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
