package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The web upload takes a zip of SDTM domains (issue 11): the scenario dosing-xpt of cdiscpilot01, as XPT files. */
class SdtmWebUploadTest extends WebServiceTestBase {

    @Test
    void aZipOfXptDomainsIsCheckedAgainstAnSdtmProtocol() throws Exception {
        Path scenario = Path.of("test-scenarios/cdiscpilot01/dosing-xpt");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            for (String f : new String[] {"dm.xpt", "ds.xpt", "sv.xpt", "ex.xpt"}) {
                z.putNextEntry(new ZipEntry(f));
                Files.copy(scenario.resolve(f), z);
                z.closeEntry();
            }
        }
        // the pilot holds 17 sites; an ADMIN sees every site (a MONITOR would need all 17 assigned)
        HttpResponse<String> r = upload(ADMIN, ADMIN_PASSWORD, "cdiscpilot01", "study.zip", zip.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        ObjectMapper json = new ObjectMapper();
        JsonNode run = json.readTree(r.body());
        assertThat(run.get("fileKind").asText()).isEqualTo("SDTM_ZIP");
        assertThat(run.get("inputErrors").asInt()).isZero();
        // the scenario's expected.csv: 7 dosing deviations (the upload's as-of date, 2026-07-01, adds missed visits)
        assertThat(run.get("deviationsByCategory").get("DOSING").asInt()).isEqualTo(7);
        JsonNode report = json.readTree(get("/api/runs/" + run.get("id").asLong() + "/report?format=json", ADMIN, ADMIN_PASSWORD).body());
        JsonNode dosing = null;
        for (JsonNode d : report.get("deviations")) if (d.get("ruleId").asText().equals("DOSE-XANHI-WEEK-2")) dosing = d;
        assertThat(dosing.get("subjectId").asText()).isEqualTo("HI-54-AT-WEEK2");
        assertThat(dosing.get("source").get("file").asText()).isEqualTo("ex.xpt");
    }
}
