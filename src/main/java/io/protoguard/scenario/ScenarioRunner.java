package io.protoguard.scenario;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.sdtm.StudyInput;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import io.protoguard.scenario.Scenario.ExpectedDeviation;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds and runs a protocol's scenarios, comparing produced deviations with expected.csv as multisets. */
public final class ScenarioRunner {

    public record Outcome(Scenario scenario, List<String> missing, List<String> unexpected, List<String> inputErrors,
                          CheckResult result) {
        public boolean passed() {
            return missing.isEmpty() && unexpected.isEmpty() && inputErrors.size() == scenario.expectedInputErrors();
        }
    }

    private ScenarioRunner() {}

    /**
     * The scenarios of a protocol folder: {@code test-scenarios/<id>/} beside the {@code decision-tables/}
     * folder that holds it, so a protocol kept outside the shipped ones brings its own scenarios.
     */
    public static Path folderFor(Path protocolDir, String id, Path fallback) {
        Path parent = protocolDir.toAbsolutePath().normalize().getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("decision-tables")) {
            return parent.getParent().resolve("test-scenarios").resolve(id);
        }
        return fallback;
    }

    public static List<Scenario> find(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        List<Scenario> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path folder : s.filter(Files::isDirectory).sorted().toList()) {
                if (Files.exists(folder.resolve("expected.csv"))) out.add(load(folder));
            }
        }
        return out;
    }

    static Scenario load(Path folder) throws IOException {
        Properties p = new Properties();
        Path props = folder.resolve("scenario.properties");
        if (Files.exists(props)) p.load(new StringReader(Files.readString(props)));
        String asOf = p.getProperty("asOf");
        if (asOf == null) throw new IOException(props + ": asOf (YYYY-MM-DD) is missing");
        Path data = folder;
        try (Stream<Path> s = Files.list(folder)) {
            Path xlsx = s.filter(f -> f.toString().endsWith(".xlsx")).findFirst().orElse(null);
            if (xlsx != null) data = xlsx;
        }
        List<ExpectedDeviation> expected = new ArrayList<>();
        List<String> lines = Files.readAllLines(folder.resolve("expected.csv"));
        boolean versioned = !lines.isEmpty() && lines.get(0).toLowerCase().contains("protocolversion");
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split(",", -1);
            if (f.length < 5) throw new IOException(folder.resolve("expected.csv") + " line " + (i + 1)
                    + ": expected SubjectId,Category,RuleId,Visit,OccurredOn");
            expected.add(new ExpectedDeviation(f[0].strip(), f[1].strip(), f[2].strip(), blank(f[3]), blank(f[4]),
                    versioned && f.length > 5 ? f[5].strip() : null));
        }
        return new Scenario(folder.getFileName().toString(), folder, data, p.getProperty("description", ""),
                LocalDate.parse(asOf.strip()), ZoneId.of(p.getProperty("timeZone", "UTC").strip()), expected,
                Integer.parseInt(p.getProperty("inputErrors", "0").strip()), versioned);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public static Outcome run(LoadedProtocol protocol, Scenario scenario) {
        return run(ProtocolVersions.of(protocol), scenario);
    }

    public static Outcome run(ProtocolVersions protocol, Scenario scenario) {
        var data = StudyInput.read(scenario.data(), protocol.codeBook(), scenario.zone(), null); // workbook data or SDTM domains
        CheckResult result = new Evaluator(protocol).check(data, scenario.asOf(), scenario.zone());
        List<String> actual = new ArrayList<>();
        for (Deviation d : result.deviations()) {
            actual.add(new ExpectedDeviation(d.subjectId(), d.category().name(), d.ruleId(), d.visit(),
                    d.occurredOn() == null ? null : d.occurredOn().toString(),
                    scenario.versioned() ? d.protocolVersion() : null).toString());
        }
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>(actual);
        for (ExpectedDeviation e : scenario.expected()) {
            if (!unexpected.remove(e.toString())) missing.add(e.toString());
        }
        List<String> errors = result.inputErrors().stream().map(e -> e.describe()).toList();
        return new Outcome(scenario, missing, unexpected, errors, result);
    }
}
