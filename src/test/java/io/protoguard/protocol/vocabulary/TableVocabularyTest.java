package io.protoguard.protocol.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The vocabulary is the one list of what a table may say; docs/authoring.md shows every entry of it. */
class TableVocabularyTest {

    @Test
    void everyTemplateAndConstraintIsDocumentedForAuthors() throws Exception {
        String doc = Files.readString(Path.of("docs/authoring.md"));
        for (TableKind k : TableVocabulary.kinds()) {
            for (ColumnSpec c : k.columns()) {
                if (c.title().equals("RuleId") || c.template().isEmpty()) continue; // the RuleId row is written generically
                assertThat(doc).as(k.name() + " " + c.title()).contains("`" + c.template() + "`");
            }
        }
        for (ConstraintSpec c : TableVocabulary.constraints()) assertThat(doc).contains("`" + c.template() + "`");
    }

    @Test
    void everyCompiledKindStartsWithItsBuilderAndEndsWithCitation() {
        for (TableKind k : TableVocabulary.kinds()) {
            if (!k.compiled()) continue;
            assertThat(k.first().template()).isEqualTo(k.builder() + ".Builder r = " + k.builder() + ".rule(\"$param\");");
            assertThat(k.last().template()).isEqualTo("insert(r.citation(\"$param\"));");
            assertThat(TableVocabulary.byFirstTemplate(k.first().template())).isSameAs(k);
        }
    }

    @Test
    void numbersAreCheckedAgainstTheirDomain() {
        ParamType.Num step = ParamType.Num.above(0, 10);
        assertThat(step.check("0")).contains("outside its domain");
        assertThat(step.check("1e308")).contains("outside its domain");
        assertThat(step.check("72,5")).contains("is not a number");
        assertThat(step.check("NaN")).contains("is not a number");
        assertThat(step.check("5")).isNull();
        assertThat(step.canonical("5")).isEqualTo("5.0");
        assertThat(new ParamType.Code(CodeKind.VISIT).check("D90\"); x(); //")).contains("is not a code");
        assertThat(new ParamType.Text(10).check("a\u0007b")).contains("control character");
    }
}
