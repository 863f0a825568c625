package io.protoguard.risk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the pages, the API and the nightly report show of a study's stored KRIs: each KRI of a run with its funnel
 * plot and each site's z over the last runs, and the NEW signals (sites red in the run and not red in the study's
 * run before it).
 */
public class RiskSignals {
    private final KriStore store;

    public RiskSignals(KriStore store) {
        this.store = store;
    }

    /** One KRI of one run: scores rebuilt from the stored rows, and each site's z over the recent runs (oldest first). */
    public record KriView(String kriId, String title, KriScores scores, List<KriStore.Row> rows, Map<String, List<Double>> trend,
                          double minDenominator) {
        public String xLabel() {
            return scores.kind() == KriKind.RATE ? "days on study" : "denominator";
        }

        public String svg() {
            return FunnelSvg.render(FunnelPlot.of(kriId + " " + title, scores), xLabel());
        }

        /** A small line of the site's z over the recent runs, as SVG points "x,y ..." in a 80x20 box (z from -4 to 4). */
        public String trendPoints(String site) {
            List<Double> zs = trend.getOrDefault(site, List.of());
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < zs.size(); i++) {
                double z = zs.get(i) == null ? 0 : Math.max(-4, Math.min(4, zs.get(i)));
                double x = zs.size() == 1 ? 40 : 80.0 * i / (zs.size() - 1);
                s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, 10 - z * 2.5));
            }
            return s.toString().trim();
        }
    }

    /** A site newly red on a KRI. */
    public record Signal(String kriId, String title, String site, double z, double metric, double numerator, double denominator) {}

    public Optional<Long> latestRun(String studyId) {
        return store.latestRun(studyId);
    }

    public List<KriView> ofRun(String studyId, long nightlyRunId, int trendRuns) {
        List<KriStore.Row> history = store.history(studyId, trendRuns).stream().filter(r -> r.nightlyRunId() <= nightlyRunId).toList();
        Map<String, List<KriStore.Row>> byKri = new LinkedHashMap<>();
        for (KriStore.Row r : store.ofRun(nightlyRunId, studyId)) byKri.computeIfAbsent(r.kriId(), k -> new ArrayList<>()).add(r);
        List<KriView> out = new ArrayList<>();
        for (var e : byKri.entrySet()) {
            KriStore.Row first = e.getValue().get(0);
            List<SiteScore> sites = e.getValue().stream().map(r -> new SiteScore(r.site(), r.numerator(), r.denominator(),
                    r.metric() == null ? Double.NaN : r.metric(), r.zUnadjusted() == null ? Double.NaN : r.zUnadjusted(),
                    r.z() == null ? Double.NaN : r.z(), r.flag())).toList();
            KriScores scores = new KriScores(first.kind(), first.method(), first.overall(), first.phi(), first.amber(), first.red(), sites);
            Map<String, List<Double>> trend = new LinkedHashMap<>();
            for (KriStore.Row h : history) if (h.kriId().equals(e.getKey())) trend.computeIfAbsent(h.site(), k -> new ArrayList<>()).add(h.z());
            out.add(new KriView(e.getKey(), first.title(), scores, e.getValue(), trend, first.minDenominator()));
        }
        return out;
    }

    /** Sites red in this run and not red in the study's previous run with KRIs (all of them when there is none). */
    public List<Signal> newRed(String studyId, long nightlyRunId) {
        Set<String> before = store.runBefore(studyId, nightlyRunId).map(prev -> store.ofRun(prev, studyId).stream()
                .filter(r -> r.flag() == KriFlag.RED).map(r -> r.kriId() + "|" + r.site()).collect(Collectors.toSet())).orElse(Set.of());
        return store.ofRun(nightlyRunId, studyId).stream()
                .filter(r -> r.flag() == KriFlag.RED && !before.contains(r.kriId() + "|" + r.site()))
                .map(r -> new Signal(r.kriId(), r.title(), r.site(), r.z(), r.metric(), r.numerator(), r.denominator())).toList();
    }

    /** Every site red in the run, new or not. */
    public List<Signal> red(String studyId, long nightlyRunId) {
        return store.ofRun(nightlyRunId, studyId).stream().filter(r -> r.flag() == KriFlag.RED)
                .map(r -> new Signal(r.kriId(), r.title(), r.site(), r.z(), r.metric(), r.numerator(), r.denominator())).toList();
    }
}
