package io.protoguard.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Which SDTM domain and variable feeds which fact (SPEC section 3), read from a YAML file: the shipped
 * {@code mappings/sdtm.yaml}, or a study's own for data whose domains use other names. docs/mapping.md
 * explains every key. A section left out (or a domain absent from the data) gives no facts of that kind.
 */
public record SdtmMapping(String name, Subjects subjects, Disposition disposition, Visits visits, Doses doses,
                          Criteria criteria, List<Findings> assessments, Events events) {

    /** DM: one record per subject. Subjects without {@code anchor} (never treated: screen failures) are not checked. */
    public record Subjects(String domain, String subjectId, String site, String arm, String shownArm, String sex,
                           String age, String consentAt, String anchor, String diedAt) {}

    /**
     * DS: the record whose {@code categoryVariable} equals {@code category} ends participation on {@code date};
     * a decode not in {@code completed} is also a withdrawal on that date. A record whose decode is
     * {@code anchorDecode} (e.g. RANDOMIZED) gives the anchor instead of DM's.
     */
    public record Disposition(String domain, String subjectId, String categoryVariable, String category, String decode,
                              String date, String seq, List<String> completed, String anchorDecode) {}

    /** SV: visits done, matched to windows by {@code visit} (the name), never by {@code visitNumber}. */
    public record Visits(String domain, String subjectId, String visit, String visitNumber, String date, String seq) {}

    /** EX: doses; {@code visit} is the visit the dose was dispensed at. */
    public record Doses(String domain, String subjectId, String treatment, String dose, String unit, String start,
                        String end, String visit, String seq) {}

    /** IE: screening facts by test code. */
    public record Criteria(String domain, String subjectId, String test, String value, String seq) {}

    /** QS, VS, LB ...: one assessment per record, coded by --TESTCD, dated by --DTC. */
    public record Findings(String domain, String subjectId, String test, String value, String number, String date,
                           String visit, String seq) {}

    /**
     * AE: one event per record, its {@code type} the coded term (AEDECOD) that a protocol's safety rows name,
     * detected on {@code start}; {@code eventId} (e.g. AESPID) names it in findings, else the domain and --SEQ do.
     */
    public record Events(String domain, String subjectId, String eventId, String type, String start, String seq) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The mapping the project ships for SDTM. */
    public static SdtmMapping standard() {
        try (InputStream in = SdtmMapping.class.getResourceAsStream("/mappings/sdtm.yaml")) {
            return YAML.readValue(in, SdtmMapping.class);
        } catch (IOException e) {
            throw new IllegalStateException("the shipped mapping mappings/sdtm.yaml cannot be read: " + e.getMessage(), e);
        }
    }

    /** A mapping file of one's own; the message names the file, line and key at fault. */
    public static SdtmMapping load(Path file) throws MappingException {
        try (InputStream in = Files.newInputStream(file)) {
            SdtmMapping m = YAML.readValue(in, SdtmMapping.class);
            if (m.subjects() == null || m.subjects().domain() == null || m.subjects().subjectId() == null || m.subjects().anchor() == null)
                throw new MappingException(file.getFileName() + ": the subjects section needs domain, subjectId and anchor");
            return m;
        } catch (UnrecognizedPropertyException e) {
            throw new MappingException(file.getFileName() + ", line " + e.getLocation().getLineNr() + ": unknown key \""
                    + e.getPropertyName() + "\" (known: " + e.getKnownPropertyIds() + ")");
        } catch (IOException e) {
            throw new MappingException(file.getFileName() + ": " + e.getMessage().lines().findFirst().orElse("cannot be read"));
        }
    }

    public static final class MappingException extends Exception {
        public MappingException(String message) {
            super(message);
        }
    }
}
