package io.protoguard.report;

import io.protoguard.model.Category;
import io.protoguard.model.Deviation;
import io.protoguard.model.Severity;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deviation counts by category x severity and by subject (subjects in order of first appearance). */
final class Tally {

    final Map<Category, int[]> byCategory = new EnumMap<>(Category.class);
    final Map<String, int[]> bySubject = new LinkedHashMap<>();
    final int[] total = new int[Severity.values().length];

    Tally(List<Deviation> deviations) {
        for (Category c : Category.values()) byCategory.put(c, new int[Severity.values().length]);
        for (Deviation d : deviations) {
            int s = severityIndex(d.severity());
            if (d.category() != null) byCategory.get(d.category())[s]++;
            bySubject.computeIfAbsent(subjectKey(d.subjectId()), k -> new int[Severity.values().length])[s]++;
            total[s]++;
        }
    }

    /** A deviation without a severity counts as important: the safe side for a monitor. */
    static int severityIndex(Severity s) {
        return (s == null ? Severity.IMPORTANT : s).ordinal();
    }

    static String subjectKey(String subjectId) {
        return subjectId == null ? "(no subject)" : subjectId;
    }

    int important() {
        return total[Severity.IMPORTANT.ordinal()];
    }

    int nonImportant() {
        return total[Severity.NON_IMPORTANT.ordinal()];
    }

    static int sum(int[] counts) {
        int n = 0;
        for (int c : counts) n += c;
        return n;
    }
}
