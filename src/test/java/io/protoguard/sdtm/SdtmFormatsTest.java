package io.protoguard.sdtm;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.evaluation.Evaluator;
import io.protoguard.intake.sdtm.SdtmRecord;
import io.protoguard.intake.sdtm.SdtmStudyReader;
import io.protoguard.intake.sdtm.SdtmWriters;
import io.protoguard.intake.sdtm.SdtmWriters.Domain;
import io.protoguard.intake.sdtm.SdtmWriters.Variable;
import io.protoguard.intake.sdtm.XptReader;
import io.protoguard.mapping.SdtmMapping;
import io.protoguard.model.CheckResult;
import io.protoguard.model.Deviation;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same study gives the same deviations from each SDTM format (SPEC section 3): the pilot's XPT domains
 * are written here as Dataset-JSON 1.1 and as CSV (and zipped), and all are checked against cdiscpilot01.
 */
class SdtmFormatsTest {
    private static final LocalDate AS_OF = LocalDate.of(2015, 1, 1);
    private static final List<String> DOMAINS = List.of("dm", "ds", "sv", "ex", "ta", "tv", "ti");
    private static LoadedProtocol protocol;

    @BeforeAll
    static void load() throws Exception {
        protocol = new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables", "cdiscpilot01"));
    }

    private static CheckResult check(Path study) {
        SdtmStudyReader.Result r = new SdtmStudyReader(SdtmMapping.standard(), ZoneId.of("UTC")).read(study);
        assertThat(r.data().errors()).as("input errors of " + study.getFileName()).isEmpty();
        return new Evaluator(protocol).check(r.data(), AS_OF, ZoneId.of("UTC"));
    }

    /** Everything of a deviation but the file name, which differs by format (dm.xpt, dm.json, dm.csv). */
    private static List<String> comparable(CheckResult r) {
        List<String> out = new ArrayList<>();
        for (Deviation d : r.deviations()) {
            out.add(String.join("|", d.subjectId(), d.category().name(), d.severity().name(), d.ruleId(), String.valueOf(d.visit()),
                    String.valueOf(d.occurredOn()), d.message(), d.expected(), d.actual(), d.citation(), d.source().domain(),
                    String.valueOf(d.source().row()), String.valueOf(d.source().seq())));
        }
        return out;
    }

    @Test
    void xptDatasetJsonAndCsvOfThePilotGiveExactlyTheSameDeviations(@TempDir Path tmp) throws Exception {
        Path json = Files.createDirectories(tmp.resolve("json")), csv = Files.createDirectories(tmp.resolve("csv"));
        for (String name : DOMAINS) {
            Domain d = domain(PilotData.xpt().resolve(name + ".xpt"));
            try (OutputStream out = Files.newOutputStream(json.resolve(name + ".json"))) {
                SdtmWriters.datasetJson(d, out);
            }
            try (Writer out = Files.newBufferedWriter(csv.resolve(name + ".csv"), StandardCharsets.UTF_8)) {
                SdtmWriters.csv(d, out);
            }
        }
        Path zip = tmp.resolve("pilot-json.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String name : DOMAINS) {
                z.putNextEntry(new ZipEntry("pilot/" + name + ".json"));
                Files.copy(json.resolve(name + ".json"), z);
                z.closeEntry();
            }
        }
        CheckResult fromXpt = check(PilotData.xpt());
        List<String> expected = comparable(fromXpt);
        assertThat(fromXpt.subjects()).isEqualTo(254); // 306 in DM less 52 screen failures
        assertThat(expected).hasSizeGreaterThan(500);
        assertThat(comparable(check(json))).isEqualTo(expected);
        assertThat(comparable(check(csv))).isEqualTo(expected);
        assertThat(comparable(check(zip))).isEqualTo(expected);
        assertThat(fromXpt.deviations()).extracting(d -> d.source().file()).contains("sv.xpt", "dm.xpt");
    }

    /** A domain as the XPT reader gives it, with the variables' types taken from the values. */
    static Domain domain(Path xpt) throws Exception {
        List<SdtmRecord> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(xpt)) {
            XptReader.read(xpt.getFileName().toString(), in, records::add);
        }
        List<String> names = new ArrayList<>(records.get(0).values().keySet());
        List<Variable> vars = new ArrayList<>();
        for (String n : names) {
            boolean numeric = records.stream().allMatch(r -> r.values().get(n) == null || r.values().get(n) instanceof Double);
            int length = numeric ? 8 : Math.max(1, records.stream().mapToInt(r -> r.text(n).length()).max().orElse(1));
            vars.add(new Variable(n, numeric, length));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (SdtmRecord r : records) rows.add(new ArrayList<>(r.values().values()));
        return new Domain(records.get(0).domain(), records.get(0).domain(), vars, rows);
    }
}
