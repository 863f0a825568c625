package io.protoguard.sdtm;

import io.protoguard.sdtm.TableWorkbook.Column;
import io.protoguard.sdtm.TableWorkbook.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * The Risk tables the shipped protocols carry (risk.drl.xlsx): the site KRIs of issue 13 with gsm's thresholds
 * (amber beyond 2, red beyond 3) and minimum denominators (3 subjects, 30 days on study). RiskTablesTest checks
 * the shipped files are this output and writes them again with -Drisk.write=true; cdiscpilot01's is written
 * with its other tables by Cdiscpilot01Tables.
 */
final class RiskTables {
    private static final String ICH = "ICH E6(R3) 3.10.1 (risk-based quality management); gsm KRI method";

    private RiskTables() {}

    /** {@code sich}: whether the protocol judges SAE reports after sICH (sivelestat-evt's safety table). */
    static Table risk(boolean sich) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("KRI-IMP", "Subjects with an important deviation", "IMPORTANT_DEVIATIONS", "SUBJECTS", "WINSORIZED", 2, 3, 3, "REGULATION", ICH));
        rows.add(List.of("KRI-ALL", "Deviations per day on study", "ALL_DEVIATIONS", "DAYS_ON_STUDY", "WINSORIZED", 2, 3, 30, "REGULATION", ICH));
        rows.add(List.of("KRI-MISS", "Missed assessments per expected assessment", "MISSED_ASSESSMENTS", "EXPECTED_ASSESSMENTS",
                "WINSORIZED", 2, 3, 3, "REGULATION", ICH));
        if (sich) {
            rows.add(List.of("KRI-SAE", "Late SAE reports per ICH event", "LATE_SAE_REPORTS", "SICH_EVENTS", "WINSORIZED", 2, 3, 3,
                    "REGULATION", ICH + "; ICH E2A (expedited reporting)"));
        }
        rows.add(List.of("KRI-ELIG", "Eligibility deviations per randomized subject", "ELIGIBILITY_DEVIATIONS",
                "RANDOMIZED_SUBJECTS", "WINSORIZED", 2, 3, 3, "REGULATION", ICH));
        return new Table("Risk", "Site key risk indicators (docs/central-monitoring.md): each row a KRI the nightly run computes "
                + "per site; Method WINSORIZED (default) or GSM; a site under MinDenominator is never flagged.",
                List.of(new Column("KriId", ""), new Column("Title", ""), new Column("Numerator", ""), new Column("Denominator", ""),
                        new Column("Method", ""), new Column("Amber", ""), new Column("Red", ""), new Column("MinDenominator", ""), new Column("CitationSource", ""),
                        new Column("Citation", "")), rows);
    }
}
