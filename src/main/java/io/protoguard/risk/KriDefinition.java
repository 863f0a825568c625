package io.protoguard.risk;

/**
 * One row of a protocol's Risk table. {@code where} names the row ("risk.drl.xlsx, Risk!A10") for messages.
 */
public record KriDefinition(String id, String title, KriNumerator numerator, KriDenominator denominator, KriMethod method,
                            double amber, double red, double minimumDenominator, String citation, String where) {

    public KriKind kind() {
        return denominator.kind();
    }

    public KriScores score(java.util.List<SiteCount> counts) {
        return KriStatistics.score(counts, kind(), method, amber, red, minimumDenominator);
    }
}
