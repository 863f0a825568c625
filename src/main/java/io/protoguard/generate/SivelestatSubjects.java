package io.protoguard.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Makes one sivelestat-evt subject's rows. Each subject draws from its own random stream, seeded by the run's
 * seed and the subject's number, so a subject is the same whatever order subjects are written in. A clean
 * subject follows the protocol with realistic spread (times around each window, 4.8 mg/kg/day within a few
 * per cent, some deaths, withdrawals, early discharges and ICH events); injected kinds break one rule each.
 */
final class SivelestatSubjects {

    /** The rows of one subject by sheet, and the deviation kinds planted in it. */
    record Generated(String subjectId, Map<GeneratedSheet, List<List<String>>> rows, Set<DeviationKind> injected) {}

    private static final LocalDateTime FIRST_RANDOMIZATION = LocalDateTime.of(2025, 1, 1, 0, 0);
    /** Randomizations spread over 13 months, so every D90 window has closed by mid-2026. */
    private static final int RANDOMIZATION_DAYS = 395;
    private static final String[] CLASSES = {"1a", "1b", "1c", "2"};

    private final long seed;
    private final DeviationRates rates;
    private final SiteRates siteRates;

    SivelestatSubjects(long seed, DeviationRates rates, SiteRates siteRates) {
        this.seed = seed;
        this.rates = rates;
        this.siteRates = siteRates;
    }

    static String subjectId(long index) {
        return String.format(Locale.ROOT, "EVT-%07d", index + 1);
    }

    Generated subject(long index) {
        SplittableRandom rnd = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        // With --site-rate the site comes from a stream of its own, before the deviations (whose rates depend on
        // it); rnd draws exactly as before, so the rest of the subject is unchanged.
        String plannedSite = siteRates.any()
                ? SiteRates.site(1 + new SplittableRandom(seed * 0x2545F4914F6CDD1DL + index).nextInt(SiteRates.SITES)) : null;
        double multiplier = plannedSite == null ? 1 : siteRates.of(plannedSite);
        Set<DeviationKind> inject = EnumSet.noneOf(DeviationKind.class);
        for (DeviationKind k : DeviationKind.values()) if (rnd.nextDouble() < Math.min(1, rates.of(k) * multiplier)) inject.add(k);
        if (inject.contains(DeviationKind.MISSED_D90)) inject.remove(DeviationKind.LATE_D90); // one MRS row at most
        if (inject.contains(DeviationKind.SICH_DISAGREE)) inject.remove(DeviationKind.LATE_SAE);
        String id = subjectId(index);
        Map<GeneratedSheet, List<List<String>>> rows = new EnumMap<>(GeneratedSheet.class);
        for (GeneratedSheet s : GeneratedSheet.values()) rows.put(s, new ArrayList<>());

        LocalDateTime rand = FIRST_RANDOMIZATION.plusDays(rnd.nextInt(RANDOMIZATION_DAYS)).plusMinutes(rnd.nextInt(24 * 60));
        LocalDateTime onset = inject.contains(DeviationKind.LATE_ONSET)
                ? rand.minusMinutes(rnd.nextInt(25 * 60, 40 * 60)) : rand.minusMinutes(rnd.nextInt(90, 22 * 60));
        LocalDateTime consent = inject.contains(DeviationKind.LATE_CONSENT)
                ? rand.plusMinutes(rnd.nextInt(60, 600)) : rand.minusMinutes(rnd.nextInt(10, 60));
        double weight = Math.round(rnd.nextDouble(48, 115) * 10) / 10.0;
        int age = (int) Math.max(18, Math.min(95, Math.round(68 + 12 * rnd.nextGaussian())));

        // Treatment: five 24 h infusion periods from a start within 2 h of randomization.
        LocalDateTime start = inject.contains(DeviationKind.LATE_DOSE)
                ? rand.plusMinutes(rnd.nextInt(150, 360)) : rand.plusMinutes(rnd.nextInt(15, 110));
        int periods = inject.contains(DeviationKind.SHORT_COURSE) ? 4 : 5;
        int wrongPeriod = inject.contains(DeviationKind.WRONG_RATE) ? rnd.nextInt(periods) : -1;
        LocalDateTime lastEnd = start.plusHours(24L * periods);
        for (int p = 0; p < periods; p++) {
            double factor = p == wrongPeriod ? rnd.nextDouble(1.2, 1.5) : rnd.nextDouble(0.97, 1.03);
            rows.get(GeneratedSheet.DOSES).add(List.of(id, "SIVELESTAT", t(start.plusHours(24L * p)),
                    t(start.plusHours(24L * (p + 1))), num(Math.round(4.8 * weight * factor * 10) / 10.0), "mg"));
        }

        // Course of the stay: early discharge (D7 NIHSS then on the discharge date), death or withdrawal.
        boolean d90Injected = inject.contains(DeviationKind.MISSED_D90) || inject.contains(DeviationKind.LATE_D90)
                || inject.contains(DeviationKind.OUT_OF_RANGE);
        double fate = rnd.nextDouble();
        LocalDateTime died = null, withdrawn = null;
        if (!d90Injected && fate < 0.08) died = rand.plusDays(rnd.nextInt(10, 80)).plusMinutes(rnd.nextInt(1440));
        else if (!d90Injected && fate < 0.10) withdrawn = rand.plusDays(rnd.nextInt(20, 80)).plusMinutes(rnd.nextInt(1440));
        LocalDateTime discharged = rnd.nextDouble() < 0.25
                ? lastEnd.plusMinutes(rnd.nextInt(60, 360))
                : rand.plusDays(rnd.nextInt(9, 30)).plusMinutes(rnd.nextInt(1440));
        if (died != null && discharged.isAfter(died)) discharged = null;
        LocalDate firstD7Day = rand.toLocalDate().plusDays(6);
        boolean earlyDischarge = discharged != null && discharged.toLocalDate().isBefore(firstD7Day);

        String drawnSite = SiteRates.site(1 + rnd.nextInt(SiteRates.SITES));
        rows.get(GeneratedSheet.SUBJECTS).add(List.of(id, plannedSite != null ? plannedSite : drawnSite,
                "SIVELESTAT", rnd.nextBoolean() ? "M" : "F", Integer.toString(age), num(weight), t(consent), t(onset),
                t(rand), t(discharged), t(died), t(withdrawn)));
        rows.get(GeneratedSheet.CRITERIA).add(List.of(id, "LVO", inject.contains(DeviationKind.NO_LVO) ? "N" : "Y"));
        rows.get(GeneratedSheet.CRITERIA).add(List.of(id, "EVT", "Y"));

        List<List<String>> a = rows.get(GeneratedSheet.ASSESSMENTS);
        int nihss = rnd.nextInt(6, 26);
        a.add(List.of(id, "BASELINE", "NIHSS", t(rand.minusMinutes(rnd.nextInt(15, 360))), Integer.toString(nihss)));
        boolean ich = inject.contains(DeviationKind.SICH_DISAGREE) || inject.contains(DeviationKind.LATE_SAE)
                || rnd.nextDouble() < 0.10;
        if (!inject.contains(DeviationKind.MISSED_IMAGING)) {
            a.add(List.of(id, "IMG48", "IMAGING", t(rand.plusMinutes(rnd.nextInt(12 * 60, 36 * 60))),
                    ich ? CLASSES[rnd.nextInt(CLASSES.length)] : "NONE"));
        }
        long h48 = inject.contains(DeviationKind.LATE_H48)
                ? (rnd.nextBoolean() ? rnd.nextInt(61 * 60, 80 * 60) : rnd.nextInt(20 * 60, 35 * 60))
                : rnd.nextInt(38 * 60, 58 * 60);
        a.add(List.of(id, "H48", "NIHSS", t(rand.plusMinutes(h48)), Integer.toString(Math.max(0, nihss - rnd.nextInt(-2, 9)))));
        LocalDateTime d7 = earlyDischarge ? discharged : rand.plusDays(rnd.nextInt(6, 9)).withHour(rnd.nextInt(8, 18));
        a.add(List.of(id, "D7", "NIHSS", t(d7), Integer.toString(Math.max(0, nihss - rnd.nextInt(0, 12)))));
        if (died == null && withdrawn == null) {
            LocalDate d90 = rand.toLocalDate().plusDays(rnd.nextInt(84, 97));
            int mrs = rnd.nextInt(0, 6);
            if (!inject.contains(DeviationKind.MISSED_D90)) {
                LocalDate mrsDay = inject.contains(DeviationKind.LATE_D90) ? rand.toLocalDate().plusDays(rnd.nextInt(99, 120)) : d90;
                a.add(List.of(id, "D90", "MRS", mrsDay.toString(), Integer.toString(mrs)));
            }
            a.add(List.of(id, "D90", "EQ5D5L", d90.toString(), Integer.toString(5 + mrs * 3 + rnd.nextInt(0, 3))));
            int barthel = inject.contains(DeviationKind.OUT_OF_RANGE) ? 100 + 5 * rnd.nextInt(1, 4)
                    : Math.min(100, Math.max(0, 100 - mrs * 20 + 5 * rnd.nextInt(0, 3)));
            a.add(List.of(id, "D90", "BARTHEL", d90.toString(), Integer.toString(barthel)));
        }
        if (ich) rows.get(GeneratedSheet.EVENTS).add(ichEvent(id, rand, inject, rnd));
        return new Generated(id, rows, inject);
    }

    /** An ICH: mostly asymptomatic; symptomatic ones get a timely SAE report unless an injection says otherwise. */
    private static List<String> ichEvent(String id, LocalDateTime rand, Set<DeviationKind> inject, SplittableRandom rnd) {
        boolean symptomatic = inject.contains(DeviationKind.SICH_DISAGREE) || inject.contains(DeviationKind.LATE_SAE)
                || rnd.nextDouble() < 0.25;
        LocalDateTime detected = rand.plusMinutes(rnd.nextInt(4 * 60, 40 * 60));
        int before = rnd.nextInt(4, 20);
        int rise = symptomatic ? rnd.nextInt(4, 10) : rnd.nextInt(0, 3);
        boolean siteSays = symptomatic != inject.contains(DeviationKind.SICH_DISAGREE);
        LocalDateTime reported = !symptomatic ? null
                : inject.contains(DeviationKind.LATE_SAE) ? detected.plusMinutes(rnd.nextInt(26 * 60, 60 * 60))
                : detected.plusMinutes(rnd.nextInt(30, 20 * 60));
        return List.of(id, "ICH-1", "ICH", t(detected), symptomatic ? "3a" : CLASSES[rnd.nextInt(3)],
                Integer.toString(before), Integer.toString(before + rise), Integer.toString(symptomatic ? 2 : rnd.nextInt(0, 2)),
                symptomatic && rnd.nextBoolean() ? "INTUBATION" : "NONE", "N", siteSays ? "Y" : "N", t(reported));
    }

    private static String t(LocalDateTime time) {
        return time == null ? "" : time.toString();
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
