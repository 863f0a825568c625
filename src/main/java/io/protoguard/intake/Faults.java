package io.protoguard.intake;

import io.protoguard.model.InputError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The errors and warnings of one read. Each fault remembers its column position so the final list can be
 * sorted by where it sits in the sheet rather than by the column's name. Sheets may be read on several threads
 * at once; the sort by place makes the final lists independent of which thread reported first.
 */
final class Faults {

    private record Fault(InputError error, int columnIndex) {}

    private static final Comparator<Fault> BY_PLACE = Comparator
            .comparing((Fault f) -> f.error().file(), Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(f -> f.error().sheet(), Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(f -> f.error().row(), Comparator.nullsFirst(Comparator.<Integer>naturalOrder()))
            .thenComparingInt(Fault::columnIndex);

    private final List<Fault> errors = new ArrayList<>();
    private final List<Fault> warnings = new ArrayList<>();

    /** columnIndex is 0-based, or -1 when the fault concerns no single cell. */
    synchronized void error(String file, String sheet, Integer row, int columnIndex, String column, String message) {
        errors.add(fault(file, sheet, row, columnIndex, column, message));
    }

    synchronized void warning(String file, String sheet, Integer row, int columnIndex, String column, String message) {
        warnings.add(fault(file, sheet, row, columnIndex, column, message));
    }

    synchronized List<InputError> errors() {
        return sorted(errors);
    }

    synchronized List<InputError> warnings() {
        return sorted(warnings);
    }

    private static Fault fault(String file, String sheet, Integer row, int columnIndex, String column, String message) {
        String cell = columnIndex >= 0 && row != null ? columnLetters(columnIndex) + row : null;
        return new Fault(new InputError(file, sheet, row, column, cell, message), columnIndex);
    }

    private static List<InputError> sorted(List<Fault> faults) {
        return faults.stream().sorted(BY_PLACE).map(Fault::error).toList();
    }

    /** 0 -> A, 25 -> Z, 26 -> AA: the spreadsheet's bijective base-26 naming. */
    static String columnLetters(int columnIndex) {
        StringBuilder s = new StringBuilder();
        for (int n = columnIndex + 1; n > 0; n = (n - 1) / 26) {
            s.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return s.toString();
    }
}
