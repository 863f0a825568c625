package io.protoguard.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolCopy;
import io.protoguard.protocol.ProtocolLoadException;
import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolProblem;
import io.protoguard.protocol.vocabulary.ColumnSpec;
import io.protoguard.protocol.vocabulary.ParamType;
import io.protoguard.protocol.vocabulary.TableVocabulary;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Risk table is data checked against the vocabulary like every table; bad cells are named. */
class RiskTableTest {
    private static final ProtocolLoader LOADER = new ProtocolLoader(Path.of("rules"));

    @Test
    void everyShippedProtocolConfiguresItsKris() throws Exception {
        LoadedProtocol sivelestat = LOADER.load(Path.of("decision-tables", "sivelestat-evt"));
        List<KriDefinition> kris = RiskTable.of(sivelestat);
        assertThat(kris).extracting(KriDefinition::id).containsExactly("KRI-IMP", "KRI-ALL", "KRI-MISS", "KRI-SAE", "KRI-ELIG");
        KriDefinition all = kris.get(1);
        assertThat(all.kind()).isEqualTo(KriKind.RATE);
        assertThat(all.minimumDenominator()).isEqualTo(30);
        assertThat(all.method()).isEqualTo(KriMethod.WINSORIZED);
        assertThat(all.where()).isEqualTo("risk.drl.xlsx, Risk!A11");
        assertThat(RiskTable.of(LOADER.load(Path.of("decision-tables", "msc-septic-shock")))).hasSize(4);
        assertThat(RiskTable.of(LOADER.load(Path.of("decision-tables", "cdiscpilot01")))).hasSize(4);
    }

    @Test
    void theVocabularysChoicesAreTheEnumsNames() {
        var kind = TableVocabulary.dataKind("Risk");
        assertThat(choices(kind.byTitle("Numerator"))).containsExactlyElementsOf(names(KriNumerator.values()));
        assertThat(choices(kind.byTitle("Denominator"))).containsExactlyElementsOf(names(KriDenominator.values()));
        assertThat(choices(kind.byTitle("Method"))).containsExactlyElementsOf(names(KriMethod.values()));
    }

    @Test
    void aBadRiskCellIsNamedAndTheProtocolRefused(@TempDir Path tmp) throws Exception {
        ProtocolCopy copy = ProtocolCopy.of("sivelestat-evt", tmp, "risky")
                .set("risk.drl.xlsx", "Risk", "C10", "EVERYTHING")
                .set("risk.drl.xlsx", "Risk", "G11", 1.5);
        ProtocolLoadException e = catchThrowableOfType(ProtocolLoadException.class, () -> LOADER.load(copy.dir));
        assertThat(e.problems()).extracting(ProtocolProblem::describe)
                .anySatisfy(m -> assertThat(m).contains("risk.drl.xlsx").contains("C10").contains("EVERYTHING"))
                .anySatisfy(m -> assertThat(m).contains("G11").contains("Red 1.5 must be above Amber 2"));
    }

    private static List<String> choices(ColumnSpec c) {
        return ((ParamType.Choice) c.type()).values();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
