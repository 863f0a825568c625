package io.protoguard.generate;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --site-rate SITE-03=2}: sites whose subjects get every deviation kind at a multiple of its rate (capped at
 * 1), for planting a site that central monitoring should flag. With no site named, the data is exactly what the
 * generator wrote before this option existed.
 */
public record SiteRates(Map<String, Double> multipliers) {
    /** The generator's sites: SITE-01 .. SITE-20. */
    public static final int SITES = 20;

    public SiteRates {
        multipliers = Map.copyOf(multipliers);
    }

    public static SiteRates none() {
        return new SiteRates(Map.of());
    }

    public boolean any() {
        return !multipliers.isEmpty();
    }

    public double of(String site) {
        return multipliers.getOrDefault(site, 1.0);
    }

    static String site(int number) {
        return String.format(Locale.ROOT, "SITE-%02d", number);
    }

    /** "SITE-03=2,SITE-07=0.5". */
    public static SiteRates parse(String spec) {
        Map<String, Double> m = new TreeMap<>();
        if (spec == null || spec.isBlank()) return new SiteRates(m);
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("site rate \"" + part + "\" is not SITE-nn=multiplier");
            String site = kv[0].trim().toUpperCase(Locale.ROOT);
            if (!site.matches("SITE-\\d\\d") || Integer.parseInt(site.substring(5)) < 1 || Integer.parseInt(site.substring(5)) > SITES) {
                throw new IllegalArgumentException("site rate \"" + part + "\": " + kv[0].trim() + " is not a generated site (SITE-01 to SITE-20)");
            }
            double multiplier;
            try {
                multiplier = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("site rate \"" + part + "\": " + kv[1].trim() + " is not a number");
            }
            if (multiplier < 0 || multiplier > 100) throw new IllegalArgumentException("site rate \"" + part + "\" is not between 0 and 100");
            m.put(site, multiplier);
        }
        return new SiteRates(m);
    }
}
