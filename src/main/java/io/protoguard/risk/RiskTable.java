package io.protoguard.risk;

import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.RuleTableSheet;
import io.protoguard.protocol.vocabulary.ColumnSpec;
import io.protoguard.protocol.vocabulary.TableKind;
import io.protoguard.protocol.vocabulary.TableVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The KRIs a protocol configures in its Risk table (docs/central-monitoring.md). The loader has already checked
 * every cell against the vocabulary (a protocol with a bad Risk cell is refused, the cell named), so this only
 * turns the canonical values into definitions. A protocol without a Risk table has no KRIs.
 */
public final class RiskTable {
    private RiskTable() {}

    public static List<KriDefinition> of(LoadedProtocol protocol) {
        TableKind kind = TableVocabulary.dataKind("Risk");
        List<KriDefinition> out = new ArrayList<>();
        for (RuleTableSheet t : protocol.tables()) {
            if (!t.tableName().equalsIgnoreCase(kind.name())) continue;
            for (RuleTableSheet.RuleRow row : t.rows()) {
                String id = value(t, row, kind, "KriId");
                if (id == null) continue;
                KriDenominator denominator = KriDenominator.valueOf(value(t, row, kind, "Denominator"));
                String method = value(t, row, kind, "Method");
                String minimum = value(t, row, kind, "MinDenominator");
                out.add(new KriDefinition(id, value(t, row, kind, "Title"),
                        KriNumerator.valueOf(value(t, row, kind, "Numerator")), denominator,
                        method == null ? KriMethod.WINSORIZED : KriMethod.valueOf(method.toUpperCase(Locale.ROOT)),
                        Double.parseDouble(value(t, row, kind, "Amber")), Double.parseDouble(value(t, row, kind, "Red")),
                        minimum == null ? denominator.defaultMinimum() : Double.parseDouble(minimum),
                        value(t, row, kind, "Citation"), t.file() + ", " + t.sheet() + "!" + t.column("KriId").letter() + row.excelRow()));
            }
        }
        return out;
    }

    private static String value(RuleTableSheet t, RuleTableSheet.RuleRow row, TableKind kind, String title) {
        RuleTableSheet.Column c = t.column(title);
        if (c == null) return null;
        String text = row.cell(c);
        if (text == null || text.isBlank()) return null;
        ColumnSpec spec = kind.byTitle(title);
        return spec.type().canonical(text.trim());
    }
}
