package io.protoguard.cli;

import io.protoguard.protocol.CitationCheck;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.protocol.ProtocolLint;
import io.protoguard.protocol.ProtocolProblem;
import io.protoguard.scenario.Scenario;
import io.protoguard.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code protoguard protocol ...}: commands for protocol authors. */
@Command(name = "protocol", mixinStandardHelpOptions = true, description = "Protocol authoring commands.",
        subcommands = {ProtocolCommand.Check.class, ProtocolCommand.Template.class})
final class ProtocolCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.err);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Compile a protocol's decision tables and run its test scenarios.%n"
                    + "Every problem is one line: file, Sheet!Cell: what is wrong.%n"
                    + "Exit 0 clean, 1 a scenario failed or a citation is not found in --protocol-text, "
                    + "2 the tables are refused (nothing of them was compiled or run) or the protocol text cannot be read.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<id | folder>")
        String protocol;

        @picocli.CommandLine.Option(names = "--protocol-text", paramLabel = "FILE",
                description = "the protocol document (plain text): every citation marked PROTOCOL must be found in it "
                        + "verbatim (whitespace aside); each one that is not is reported by file, sheet and cell")
        Path protocolText;

        @Override
        public Integer call() throws Exception {
            Path dir = Home.protocol(protocol);
            ProtocolVersions loaded = ProtocolArgument.load(protocol, System.out, "");
            if (loaded == null) {
                System.out.println("the protocol in " + dir + " cannot be loaded (problems above)");
                return ExitCodes.INPUT_ERRORS; // SPEC section 8: a refused table exits 2
            }
            for (LoadedProtocol v : loaded.versions()) {
                System.out.println(v.info().id() + " version " + v.info().version() + " (effective " + v.info().effectiveDate()
                        + "): " + v.rules().size() + " rules from " + v.tables().size() + " tables compiled");
            }
            String text = null;
            if (protocolText != null) {
                try {
                    text = java.nio.file.Files.readString(protocolText, java.nio.charset.StandardCharsets.UTF_8);
                } catch (java.io.IOException | java.io.UncheckedIOException e) {
                    System.out.println(protocolText + ": cannot be read as a UTF-8 text file ("
                            + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()) + ")");
                    return 2;
                }
            }
            int lint = 0;
            for (LoadedProtocol v : loaded.versions()) {
                for (ProtocolProblem p : ProtocolLint.check(v)) {
                    System.out.println(p.describe() + (loaded.versions().size() > 1 ? " [version " + v.info().version() + "]" : ""));
                    lint++;
                }
            }
            int citations = 0;
            if (text != null) {
                for (LoadedProtocol v : loaded.versions()) {
                    for (ProtocolProblem p : CitationCheck.check(v, text, protocolText.getFileName().toString())) {
                        System.out.println(p.describe() + (loaded.versions().size() > 1 ? " [version " + v.info().version() + "]" : ""));
                        citations++;
                    }
                }
                System.out.println(citations == 0 ? "every PROTOCOL citation is found verbatim in " + protocolText
                        : citations + " PROTOCOL citation(s) not found verbatim in " + protocolText);
            }
            List<Scenario> scenarios = ScenarioRunner.find(ScenarioRunner.folderFor(dir, loaded.id(), Home.scenarios(loaded.id())));
            int failed = 0;
            for (Scenario s : scenarios) {
                ScenarioRunner.Outcome o = ScenarioRunner.run(loaded, s);
                if (o.passed()) continue;
                failed++;
                System.out.println("scenario " + s.name() + ": FAILED");
                o.missing().forEach(m -> System.out.println("  missing:    " + m));
                o.unexpected().forEach(m -> System.out.println("  unexpected: " + m));
                if (o.inputErrors().size() != s.expectedInputErrors()) {
                    System.out.println("  input errors: " + o.inputErrors().size() + " (expected " + s.expectedInputErrors() + ")");
                    o.inputErrors().forEach(m -> System.out.println("    " + m));
                }
            }
            System.out.println(scenarios.size() + " scenarios, " + (scenarios.size() - failed) + " passed, " + failed + " failed");
            if (lint > 0) System.out.println(lint + " problem(s) in the tables");
            return failed == 0 && lint == 0 && citations == 0 ? 0 : 1;
        }
    }

    @Command(name = "template", mixinStandardHelpOptions = true,
            description = "Write the empty data workbook a monitor fills in for this protocol: the SPEC sheets with "
                    + "their headers, drop-down lists from the protocol's tables, and a README sheet.")
    static final class Template implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "<id | folder>")
        String protocol;

        @picocli.CommandLine.Option(names = "--out", description = "file to write (default: <id>-data-template.xlsx)")
        Path out;

        @Override
        public Integer call() throws Exception {
            ProtocolVersions loaded = ProtocolArgument.load(protocol, System.err, "  ");
            if (loaded == null) {
                System.err.println("protoguard: protocol " + protocol + " cannot be loaded (problems above)");
                return 2;
            }
            Path target = out != null ? out : Path.of(loaded.id() + "-data-template.xlsx");
            io.protoguard.report.AtomicFile.write(target, stream -> io.protoguard.template.TemplateWriter.write(loaded, stream));
            System.err.println("template for " + loaded.id() + " written to " + target);
            return 0;
        }
    }
}
