package io.protoguard.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The method against numbers worked out by hand (SPEC section 8, test 1). */
class KriStatisticsTest {

    @Test
    void theWinsorizingConstantIsTheNormalsClampedSquareMean() {
        // a = 1.281552, tail 0.1, density 0.175498: 0.8 - 2a*0.175498 + 2a^2*0.1 = 0.8 - 0.449823 + 0.328475 = 0.678653
        assertThat(KriStatistics.WINSORIZED_CONSISTENCY).isCloseTo(0.678654, within(1e-6));
    }

    @Test
    void percentilesInterpolateLinearlyAsRsDefault() {
        // sorted -2,-1,0,1,4 (n=5): the 10th percentile sits at h=(n-1)*0.1=0.4 -> -2+0.4*1 = -1.6, the 90th at
        // h=3.6 -> 1+0.6*3 = 2.8; clamped: -1.6,-1,0,1,2.8, squares sum 2.56+1+0+1+7.84 = 12.4, mean 2.48
        double[] z = {4, -1, 0, -2, 1};
        assertThat(KriStatistics.phi(z, KriMethod.WINSORIZED)).isCloseTo(2.48 / KriStatistics.WINSORIZED_CONSISTENCY, within(1e-12));
        // gsm: (16+1+0+4+1)/5
        assertThat(KriStatistics.phi(z, KriMethod.GSM)).isCloseTo(4.4, within(1e-12));
    }

    @Test
    void winsorizedPhiIsNeverBelowOne() {
        // clamped to -0.4 and 0.4: (0.16+0+0.16)/3 = 0.1067, /0.6787 = 0.157: floored to 1; gsm keeps 0.5/3
        double[] z = {-0.5, 0, 0.5};
        assertThat(KriStatistics.phi(z, KriMethod.WINSORIZED)).isEqualTo(1.0);
        assertThat(KriStatistics.phi(z, KriMethod.GSM)).isCloseTo(0.5 / 3, within(1e-12));
    }

    /** Ten sites: G at 10 of 10, H at 2 of 2 (under the minimum of 3 subjects), the others 2 to 4 of 10. */
    private static final List<SiteCount> TEN = List.of(
            new SiteCount("A", 2, 10), new SiteCount("B", 3, 10), new SiteCount("C", 3, 10), new SiteCount("D", 4, 10),
            new SiteCount("E", 3, 10), new SiteCount("F", 3, 10), new SiteCount("G", 10, 10), new SiteCount("H", 2, 2),
            new SiteCount("I", 3, 10), new SiteCount("J", 3, 10));

    @Test
    void proportionsByHandWithTheWinsorizedPhi() {
        KriScores s = KriStatistics.score(TEN, KriKind.PROPORTION, KriMethod.WINSORIZED, 2, 3, 3);
        // p = 36/92 (H's 2 of 2 count: without it 34/90); p(1-p) = 0.238185
        assertThat(s.overall()).isCloseTo(36.0 / 92, within(1e-12));
        double sd10 = Math.sqrt((36.0 / 92) * (56.0 / 92) / 10); // 0.154333
        assertThat(site(s, "G").unadjustedZ()).isCloseTo((1 - 36.0 / 92) / sd10, within(1e-9)); // 3.944053
        assertThat(site(s, "H").unadjustedZ()).isCloseTo(1.763834, within(1e-6));
        // sorted z: -1.239560, -0.591608 (x6), 0.056344, 1.763834, 3.944053; 10th pct at h=0.9: -1.239560 +
        // 0.9*0.647952 = -0.656403; 90th at h=8.1: 1.763834 + 0.1*2.180219 = 1.981856; mean of clamped squares
        // (0.430865 + 6*0.350000 + 0.003175 + 3.111130 + 3.927751)/10 = 0.957290; /0.678654 = 1.410571
        assertThat(s.phi()).isCloseTo(1.410571, within(1e-6));
        assertThat(site(s, "G").z()).isCloseTo(3.320820, within(1e-6)); // 3.944053/sqrt(1.410571)
        assertThat(site(s, "G").flag()).isEqualTo(KriFlag.RED);
        assertThat(site(s, "A").z()).isCloseTo(-1.043686, within(1e-6));
        assertThat(site(s, "A").flag()).isEqualTo(KriFlag.NONE);
        assertThat(site(s, "H").flag()).as("under the minimum denominator: never flagged").isEqualTo(KriFlag.SMALL);
        assertThat(s.sites()).filteredOn(x -> x.flag().flagged()).extracting(SiteScore::site).containsExactly("G");
    }

    @Test
    void gsmsPlainPhiLeavesTheSameSiteOnlyAmber() {
        KriScores s = KriStatistics.score(TEN, KriKind.PROPORTION, KriMethod.GSM, 2, 3, 3);
        // (1.536508 + 6*0.350000 + 0.003175 + 3.111130 + 15.555556)/10 = 2.230635: G inflates its own phi
        assertThat(s.phi()).isCloseTo(2.230635, within(1e-6));
        assertThat(site(s, "G").z()).isCloseTo(2.640757, within(1e-6)); // 3.944053/sqrt(2.230635);
        assertThat(site(s, "G").flag()).isEqualTo(KriFlag.AMBER);
    }

    @Test
    void theMinimumDenominatorIsInclusiveAndBeyondMeansStrictlyBeyond() {
        // H at exactly the minimum is judged; with phi 1 (all other sites alike) a site at z exactly 2 is not amber
        List<SiteCount> counts = List.of(new SiteCount("A", 1, 3), new SiteCount("B", 1, 3), new SiteCount("C", 1, 3));
        KriScores s = KriStatistics.score(counts, KriKind.PROPORTION, KriMethod.WINSORIZED, 2, 3, 3);
        assertThat(s.sites()).extracting(SiteScore::flag).containsOnly(KriFlag.NONE);
        assertThat(KriStatistics.score(counts, KriKind.PROPORTION, KriMethod.WINSORIZED, 2, 3, 3.5).sites())
                .extracting(SiteScore::flag).containsOnly(KriFlag.SMALL);
    }

    @Test
    void ratesUseExposureInDays() {
        // lambda = 15/320 = 0.046875; C: (0.08 - 0.046875)/sqrt(0.046875/100) = 1.529978; D (20 days < 30) small
        List<SiteCount> counts = List.of(new SiteCount("A", 2, 100), new SiteCount("B", 2, 100),
                new SiteCount("C", 8, 100), new SiteCount("D", 3, 20));
        KriScores s = KriStatistics.score(counts, KriKind.RATE, KriMethod.GSM, 2, 3, 30);
        assertThat(s.overall()).isCloseTo(0.046875, within(1e-12));
        assertThat(site(s, "C").unadjustedZ()).isCloseTo(1.529978, within(1e-6));
        assertThat(s.phi()).isCloseTo(2.49, within(1e-9)); // (2*1.540833 + 2.340833 + 4.537500)/4
        assertThat(site(s, "D").flag()).isEqualTo(KriFlag.SMALL);
        // funnel limit at T = 100 for z = 3: 0.046875 + 3*sqrt(2.49*0.046875/100) = 0.149046
        assertThat(s.limit(100, 3)).isCloseTo(0.046875 + 3 * Math.sqrt(2.49 * 0.046875 / 100), within(1e-12));
        assertThat(s.limit(100, -3)).isEqualTo(0.0); // clipped: a rate is never negative
    }

    @Test
    void noEventsAnywhereFlagsNothing() {
        KriScores s = KriStatistics.score(List.of(new SiteCount("A", 0, 10), new SiteCount("B", 0, 10), new SiteCount("C", 0, 0)),
                KriKind.PROPORTION, KriMethod.WINSORIZED, 2, 3, 3);
        assertThat(s.phi()).isEqualTo(1.0);
        assertThat(s.sites()).extracting(SiteScore::flag).containsExactly(KriFlag.NONE, KriFlag.NONE, KriFlag.SMALL);
    }

    static SiteScore site(KriScores s, String site) {
        return s.sites().stream().filter(x -> x.site().equals(site)).findFirst().orElseThrow();
    }
}
