package io.protoguard.engine;

import io.protoguard.model.Category;
import io.protoguard.model.Dose;
import io.protoguard.model.rules.DosingRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dose per day ("1-2 millions/kg/day"): the sum of one calendar day's infusions (by StartAt, the date as
 * written) against a minimum or maximum. A row in another unit is reported once for its value and leaves its
 * day unjudged: a sum over mixed units means nothing.
 */
public final class DailyDoses {
    private DailyDoses() {}

    public static List<Finding> judge(DosingRule r, List<Dose> doses, boolean min) {
        String expected = r.treatment() + " " + (min ? "at least " : "at most ") + Texts.num(r.value()) + " " + r.unit()
                + " a day (the sum of the day's infusions)";
        Map<LocalDate, List<Dose>> byDay = new TreeMap<>();
        for (Dose d : doses) byDay.computeIfAbsent(d.startAt().date(), k -> new ArrayList<>()).add(d);
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Dose>> day : byDay.entrySet()) {
            List<Dose> wrong = day.getValue().stream().filter(d -> r.unit() != null && !Dosing.sameUnit(r.unit(), d.unit())).toList();
            if (!wrong.isEmpty()) {
                wrong.forEach(d -> out.add(Dosing.wrongUnit(r, d, expected)));
                continue;
            }
            double sum = day.getValue().stream().mapToDouble(Dose::dose).sum();
            boolean ok = min ? sum >= r.value() - 1e-9 : sum <= r.value() + 1e-9;
            if (ok) continue;
            String total = Texts.beside(sum, r.value());
            String parts = day.getValue().size() == 1 ? "one infusion"
                    : String.join(" + ", day.getValue().stream().map(d -> Texts.num(d.dose())).toList());
            out.add(new Finding(Category.DOSING, null, day.getKey(), "The " + r.treatment() + " infusions started on "
                    + day.getKey() + " add up to " + total + " " + r.unit() + " (" + parts + "), " + (min ? "below" : "above")
                    + " the protocol's " + (min ? "minimum" : "maximum") + " of " + Texts.num(r.value()) + " a day", expected,
                    total + " " + r.unit() + " on " + day.getKey() + " (" + parts + ")", day.getValue().get(0).source()));
        }
        return out;
    }
}
