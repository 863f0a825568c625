package io.protoguard.generate;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The share of subjects that gets each kind of deviation; kinds not named keep their default rate. */
public record DeviationRates(Map<DeviationKind, Double> rates) {

    public DeviationRates {
        rates = Map.copyOf(rates);
    }

    public static DeviationRates defaults() {
        Map<DeviationKind, Double> m = new EnumMap<>(DeviationKind.class);
        for (DeviationKind k : DeviationKind.values()) m.put(k, k.defaultRate());
        return new DeviationRates(m);
    }

    /** Every kind at the same rate (0 gives clean data). */
    public static DeviationRates all(double rate) {
        Map<DeviationKind, Double> m = new EnumMap<>(DeviationKind.class);
        for (DeviationKind k : DeviationKind.values()) m.put(k, rate);
        return new DeviationRates(m);
    }

    /** "late-h48=0.05,no-lvo=0" over the defaults; "all=0" sets every kind first. */
    public static DeviationRates parse(String spec) {
        Map<DeviationKind, Double> m = new EnumMap<>(defaults().rates());
        if (spec == null || spec.isBlank()) return new DeviationRates(m);
        for (String part : spec.split(",")) {
            String[] kv = part.split("=", 2);
            if (kv.length != 2) throw new IllegalArgumentException("rate \"" + part + "\" is not kind=share");
            double rate;
            try {
                rate = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rate \"" + part + "\": " + kv[1].trim() + " is not a number");
            }
            if (rate < 0 || rate > 1) throw new IllegalArgumentException("rate \"" + part + "\" is not between 0 and 1");
            if (kv[0].trim().equalsIgnoreCase("all")) {
                for (DeviationKind k : DeviationKind.values()) m.put(k, rate);
                continue;
            }
            DeviationKind kind = DeviationKind.byOption(kv[0]).orElseThrow(() -> new IllegalArgumentException(
                    "unknown deviation kind \"" + kv[0].trim() + "\" (kinds: all, "
                            + Arrays.stream(DeviationKind.values()).map(DeviationKind::option).collect(Collectors.joining(", ")) + ")"));
            m.put(kind, rate);
        }
        return new DeviationRates(m);
    }

    public double of(DeviationKind kind) {
        return rates.getOrDefault(kind, 0.0);
    }
}
