package io.protoguard.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A citation marked PROTOCOL is the protocol's own sentence, verbatim (SPEC section 6): checked against the
 * protocol texts in ../shared/protocols/ for both shipped protocols, and shown to catch a paraphrase by cell.
 */
class CitationCheckTest {
    static final Path TEXTS = Path.of("..", "shared", "protocols");

    @TempDir
    Path tmp;

    private static ProtocolVersions load(Path dir) throws Exception {
        return new ProtocolLoader(Path.of("rules")).loadVersions(dir);
    }

    private static List<ProtocolProblem> check(ProtocolVersions p, String textFile) throws Exception {
        return CitationCheck.check(p.latest(), Files.readString(TEXTS.resolve(textFile)), textFile);
    }

    @Test
    void everyProtocolCitationOfTheShippedTablesIsFoundVerbatimInItsProtocolText() throws Exception {
        assertThat(check(load(Path.of("decision-tables", "sivelestat-evt")), "sivelestat-evt-stroke.txt")).isEmpty();
        assertThat(check(load(Path.of("decision-tables", "msc-septic-shock")), "msc-septic-shock-NCT01849237.txt")).isEmpty();
    }

    @Test
    void aParaphraseMarkedProtocolIsReportedByFileSheetAndCell() throws Exception {
        // DOSE-START-2H is row 11 of the Dosing sheet; its Citation is column K (CitationSource J).
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", tmp, "paraphrase-evt")
                .set("dosing.drl.xlsx", "Dosing", "K11", "For enrolled patients, administer sivelestat within 2 hours.");
        List<ProtocolProblem> problems = check(load(copy.dir), "sivelestat-evt-stroke.txt");
        assertThat(problems).hasSize(1);
        ProtocolProblem p = problems.get(0);
        assertThat(p.describe()).startsWith("dosing.drl.xlsx, Dosing!K11: Citation is marked PROTOCOL but is not found verbatim"
                + " in sivelestat-evt-stroke.txt").contains("matches up to \"For enrolled patients, administer\"",
                "differs at \"sivelestat within 2 hours.\"");
    }

    @Test
    void aCitationMarkedRegulationOrSponsorIsNotSearchedInTheProtocolAndWhitespaceDoesNotCount() throws Exception {
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", tmp, "sources-evt")
                .set("dosing.drl.xlsx", "Dosing", "K11", "Sponsor's reading: start within 2 h.")
                .set("dosing.drl.xlsx", "Dosing", "J11", "SPONSOR")
                // the protocol sentence with its spaces changed into line breaks and runs of spaces
                .set("dosing.drl.xlsx", "Dosing", "K12", "The daily dosage\nis 4.8  mg/kg,\tdelivered via continuous infusion");
        assertThat(check(load(copy.dir), "sivelestat-evt-stroke.txt")).isEmpty();
    }

    @Test
    void anEmptyCitationSourceMeansProtocol() throws Exception {
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", tmp, "empty-source-evt")
                .set("eligibility.drl.xlsx", "Enrolment", "F11", null); // ELIG-AGE-18: a SPONSOR citation
        assertThat(check(load(copy.dir), "sivelestat-evt-stroke.txt")).extracting(ProtocolProblem::cell).containsExactly("G11");
    }
}
