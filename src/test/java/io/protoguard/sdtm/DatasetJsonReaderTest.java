package io.protoguard.sdtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.protoguard.intake.sdtm.DatasetJsonReader;
import io.protoguard.intake.sdtm.SdtmInputException;
import io.protoguard.intake.sdtm.SdtmRecord;
import io.protoguard.intake.sdtm.SdtmStudyReader;
import io.protoguard.mapping.SdtmMapping;
import io.protoguard.model.InputError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Dataset-JSON 1.1 reader on the shipped example files (another design, nobody here wrote them) and on broken ones. */
class DatasetJsonReaderTest {

    private static List<SdtmRecord> read(String name, String json) throws SdtmInputException {
        List<SdtmRecord> out = new ArrayList<>();
        DatasetJsonReader.read(name, new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out::add);
        return out;
    }

    @Test
    void everyRowOfTheShippedFilesIsRead() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String f : List.of("dm", "ds", "ex", "sv", "ta", "tv")) {
            Path file = PilotData.datasetJson().resolve(f + ".json");
            JsonNode tree = json.readTree(file.toFile());
            List<SdtmRecord> records = new ArrayList<>();
            try (InputStream in = Files.newInputStream(file)) {
                assertThat(DatasetJsonReader.read(f + ".json", in, records::add)).isEqualTo(tree.get("records").asInt());
            }
            assertThat(records).hasSize(tree.get("rows").size());
            // every value comes through: the last row, column by column
            JsonNode last = tree.get("rows").get(records.size() - 1);
            SdtmRecord mine = records.get(records.size() - 1);
            for (int i = 0; i < last.size(); i++) {
                String name = tree.get("columns").get(i).get("name").asText();
                JsonNode v = last.get(i);
                if (v.isNull()) assertThat(mine.text(name)).isEmpty();
                else if (v.isNumber()) assertThat((Double) mine.values().get(name)).isEqualTo(v.asDouble());
                else assertThat(mine.values().get(name)).isEqualTo(v.asText().stripTrailing());
            }
        }
    }

    @Test
    void theShippedStudyIsAccountedForRecordByRecord() {
        SdtmStudyReader.Result r = new SdtmStudyReader(SdtmMapping.standard(), ZoneId.of("UTC")).read(PilotData.datasetJson());
        assertThat(r.recordsByDomain()).containsEntry("DM", 18).containsEntry("DS", 53).containsEntry("EX", 1583)
                .containsEntry("SV", 164).containsEntry("TA", 8).containsEntry("TV", 14);
        assertThat(r.data().errors()).extracting(InputError::describe).isEmpty();
        assertThat(r.data().subjects().size() + r.notChecked().size()).isEqualTo(18);
        int visits = r.data().subjects().stream().mapToInt(s -> (int) s.extras().stream()
                .filter(o -> o instanceof io.protoguard.model.VisitRecord).count()).sum();
        int doses = r.data().subjects().stream().mapToInt(s -> s.doses().size()).sum();
        assertThat(r.data().subjects().stream().map(s -> s.subject().arm()).distinct()).contains("ZAN_LOW", "ZAN_HIGH");
        // subjects not checked are screen failures: their SV and EX records are counted, not lost
        assertThat(visits).isLessThanOrEqualTo(164).isPositive();
        assertThat(doses).isLessThanOrEqualTo(1583).isPositive();
        assertThat(r.data().warnings()).extracting(InputError::message).anyMatch(m -> m.contains("domain TA is not used"));
    }

    private static final String HEAD = "\"datasetJSONCreationDateTime\":\"2024-11-11T15:09:19\",\"datasetJSONVersion\":\"1.1.0\","
            + "\"itemGroupOID\":\"IG.DM\",\"name\":\"DM\",\"label\":\"Demographics\",";
    private static final String COLUMNS = "\"columns\":[{\"itemOID\":\"IT.USUBJID\",\"name\":\"USUBJID\",\"label\":\"Subject\",\"dataType\":\"string\"},"
            + "{\"itemOID\":\"IT.AGE\",\"name\":\"AGE\",\"label\":\"Age\",\"dataType\":\"integer\"}]";

    @Test
    void schemaViolationsAreNamed() {
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD.replace("\"itemGroupOID\":\"IG.DM\",", "") + "\"records\":0," + COLUMNS + ",\"rows\":[]}"))
                .hasMessage("dm.json: lacks the required member \"itemGroupOID\"");
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD + "\"records\":\"1\"," + COLUMNS + "}"))
                .hasMessage("dm.json: member \"records\" must be a non-negative integer");
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD + "\"records\":1," + COLUMNS + ",\"rows\":[[\"01-001\",\"sixty\"]]}"))
                .hasMessage("dm.json: row 1, column AGE: sixty is not a value of dataType integer")
                .satisfies(e -> assertThat(((SdtmInputException) e).record()).isEqualTo(1));
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD + "\"records\":2," + COLUMNS + ",\"rows\":[[\"01-001\",60]]}"))
                .hasMessage("dm.json: declares 2 records but holds 1 rows");
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD + "\"records\":1," + COLUMNS + ",\"rows\":[[\"01-001\"]]}"))
                .hasMessage("dm.json: row 1 has 1 values for 2 columns");
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD.replace("1.1.0", "1.0") + "\"records\":0," + COLUMNS + ",\"rows\":[]}"))
                .hasMessageContaining("datasetJSONVersion \"1.0\" is not 1.1");
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD + "\"records\":1," + COLUMNS + ",\"rows\":[[\"01-001\",60]"))
                .hasMessage("dm.json: is truncated: it ends at line 1, column 335, after 1 rows");
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD + "\"records\":1," + COLUMNS + ",\"rows\":[[\"01-001\" 60]]}"))
                .hasMessageStartingWith("dm.json: is not valid JSON at line 1, column").hasMessageNotContaining("Source");
        assertThatThrownBy(() -> read("dm.json", "{" + HEAD + "\"records\":0,\"extra\":1," + COLUMNS + "}"))
                .hasMessage("dm.json: has a member \"extra\" that Dataset-JSON 1.1 does not define");
    }

    @Test
    void rowsBeforeColumnsAreStillRead() throws Exception {
        List<SdtmRecord> r = read("dm.json", "{\"rows\":[[\"01-001\",60],[\"01-002\",null]]," + HEAD + "\"records\":2," + COLUMNS + "}");
        assertThat(r).extracting(x -> x.text("USUBJID") + "/" + x.text("AGE") + "/" + x.row()).containsExactly("01-001/60/1", "01-002//2");
    }
}
