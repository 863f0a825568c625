package io.protoguard.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import io.protoguard.model.CheckResult;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonReportTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode parse(CheckResult r) throws Exception {
        byte[] bytes = Fixtures.render(new JsonReport(), r);
        String text = new String(bytes, StandardCharsets.UTF_8);
        // exactly one JSON value and nothing else but trailing whitespace
        try (var parser = MAPPER.createParser(text)) {
            JsonNode node = MAPPER.readTree(parser);
            assertThat(parser.nextToken()).as("anything after the object").isNull();
            return node;
        }
    }

    private static List<String> keys(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void topLevelKeysInTheDocumentedOrder() throws Exception {
        JsonNode root = parse(Fixtures.sample());
        assertThat(keys(root)).containsExactly("protocol", "asOf", "subjects", "inputErrors", "warnings",
                "deviations", "outcomes");
        assertThat(keys(root.get("protocol"))).containsExactly("id", "version");
        assertThat(root.at("/protocol/id").asText()).isEqualTo("sivelestat-evt");
        assertThat(root.at("/protocol/version").asText()).isEqualTo("2.0");
        assertThat(root.get("asOf").asText()).isEqualTo("2026-03-01");
        assertThat(root.get("subjects").isInt()).isTrue();
        assertThat(root.get("subjects").asInt()).isEqualTo(5);
    }

    @Test
    void inputErrorsAndWarningsKeepNulls() throws Exception {
        JsonNode root = parse(Fixtures.sample());
        JsonNode e = root.at("/inputErrors/0");
        assertThat(keys(e)).containsExactly("file", "sheet", "row", "column", "cell", "message");
        assertThat(e.get("row").asInt()).isEqualTo(14);
        assertThat(e.get("cell").asText()).isEqualTo("D14");
        assertThat(e.get("message").asText()).isEqualTo("\"2026-13-01\" is not a date-time");
        JsonNode w = root.at("/warnings/0");
        assertThat(keys(w)).containsExactly("file", "sheet", "row", "column", "cell", "message");
        assertThat(w.get("row").getNodeType()).isEqualTo(JsonNodeType.NULL);
        assertThat(w.get("cell").getNodeType()).isEqualTo(JsonNodeType.NULL);
    }

    @Test
    void deviationsInGivenOrderWithAllFields() throws Exception {
        JsonNode devs = parse(Fixtures.sample()).get("deviations");
        assertThat(devs).hasSize(3);
        JsonNode d = devs.get(1);
        assertThat(keys(d)).containsExactly("subjectId", "category", "severity", "ruleId", "visit", "occurredOn",
                "message", "expected", "actual", "citation", "citationSource", "source", "protocolVersion");
        assertThat(d.get("subjectId").asText()).isEqualTo("S-001");
        assertThat(d.get("category").asText()).isEqualTo("VISIT_WINDOW");
        assertThat(d.get("severity").asText()).isEqualTo("NON_IMPORTANT");
        assertThat(d.get("ruleId").asText()).isEqualTo("SCHED-H48");
        assertThat(d.get("visit").asText()).isEqualTo("H48");
        assertThat(d.get("occurredOn").asText()).isEqualTo("2026-01-05");
        assertThat(d.get("citation").asText()).isEqualTo("NIHSS at 48 h \u00b1 12 h");
        assertThat(d.get("citationSource").asText()).isEqualTo("PROTOCOL");
        assertThat(keys(d.get("source"))).containsExactly("file", "sheet", "row");
        assertThat(d.at("/source/sheet").asText()).isEqualTo("Assessments");
        assertThat(d.at("/source/row").asInt()).isEqualTo(7);
        assertThat(d.get("protocolVersion").asText()).isEqualTo("2.0");

        assertThat(devs.get(0).get("ruleId").asText()).isEqualTo("ELIG-LVO");
        JsonNode last = devs.get(2);
        assertThat(last.get("ruleId").asText()).isEqualTo("ELIG-EVT");
        assertThat(last.has("visit")).isTrue();
        assertThat(last.get("visit").isNull()).isTrue();
        assertThat(last.get("actual").isNull()).isTrue();
        assertThat(last.get("citation").isNull()).isTrue();
        assertThat(last.get("source").isNull()).isTrue();
    }

    @Test
    void outcomesComeLast() throws Exception {
        JsonNode outcomes = parse(Fixtures.sample()).get("outcomes");
        assertThat(outcomes).hasSize(2);
        assertThat(keys(outcomes.get(0))).containsExactly("subjectId", "name", "value", "basis");
        assertThat(outcomes.get(0).get("name").asText()).isEqualTo("MRS_0_2");
        assertThat(outcomes.get(1).get("basis").isNull()).isTrue();
    }

    @Test
    void emptyResultHasEmptyArraysAndMissingProtocolIsNull() throws Exception {
        JsonNode root = parse(Fixtures.empty());
        assertThat(root.get("deviations").isArray()).isTrue();
        assertThat(root.get("deviations")).isEmpty();
        assertThat(root.get("inputErrors")).isEmpty();

        JsonNode noProtocol = parse(new CheckResult(null, null, 0, List.of(), List.of(), List.of(), List.of()));
        assertThat(noProtocol.get("protocol").isNull()).isTrue();
        assertThat(noProtocol.get("asOf").isNull()).isTrue();
    }
}
