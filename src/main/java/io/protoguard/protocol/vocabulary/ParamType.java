package io.protoguard.protocol.vocabulary;

import io.protoguard.model.rules.DateFields;
import io.protoguard.model.rules.YesNo;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What one parameter cell of a decision table may hold. A type checks the cell's text before anything is
 * compiled and gives the canonical value the generated rule uses; the value never reaches Drools otherwise.
 * {@link #check} returns null when the text is fine, else the end of a sentence about the cell ("is not a number").
 */
public sealed interface ParamType {
    Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    /** A visit name as SDTM writes it (SV VISIT, e.g. "WEEK 10 (T)"): words of a code's characters and ( ), one space apart. */
    Pattern VISIT_NAME = Pattern.compile("(?=.{1,64}$)[A-Za-z0-9_.()-]+( [A-Za-z0-9_.()-]+)*");

    String check(String text);

    /** The value the rule is built with (upper-cased code, canonical number, trimmed text). */
    String canonical(String text);

    /** What the column takes, in words, for messages and docs/authoring.md. */
    String describe();

    /** A code such as a visit or test: letters, digits, {@code _ . -}; {@code declared} names the kind a protocol must declare. */
    record Code(CodeKind declared) implements ParamType {
        public String check(String t) {
            if (declared == CodeKind.VISIT) {
                // visit names may be SDTM's ("WEEK 10 (T)"); the Codes table's Code column declares visits too
                return VISIT_NAME.matcher(t).matches() ? null
                        : "is not a code (letters, digits, _ . - only, at most 64; a visit may also hold ( ) and single spaces)";
            }
            return CODE.matcher(t).matches() ? null : "is not a code (letters, digits, _ . - only, at most 64)";
        }

        public String canonical(String t) {
            return t.toUpperCase(Locale.ROOT);
        }

        public String describe() {
            return declared == null ? "a code" : "a declared " + declared.word() + " code";
        }
    }

    /** A rule id: like a code, kept as written. */
    record Id() implements ParamType {
        public String check(String t) {
            return CODE.matcher(t).matches() ? null : "is not a rule id (letters, digits, _ . - only, at most 64)";
        }

        public String canonical(String t) {
            return t;
        }

        public String describe() {
            return "a rule id";
        }
    }

    /** One of a fixed list of words; {@code aliases} maps other spellings (case-insensitive) to a value. */
    record Choice(List<String> values, Map<String, String> aliases) implements ParamType {
        public Choice(String... values) {
            this(List.of(values), Map.of());
        }

        public String check(String t) {
            if (canonical(t) != null) return null;
            return values.size() == 2 ? "is not " + values.get(0) + " or " + values.get(1) : "is not one of " + String.join(", ", values);
        }

        public String canonical(String t) {
            String k = t.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
            if (values.contains(k)) return k;
            for (String v : values) if (v.equalsIgnoreCase(t.trim())) return v;
            return aliases.get(k);
        }

        public String describe() {
            return "one of " + String.join(", ", values);
        }
    }

    /** Y or N (and the other spellings SPEC section 3 accepts). */
    record YesNoAnswer() implements ParamType {
        public String check(String t) {
            return YesNo.tryParse(t) == null ? "is not Y or N" : null;
        }

        public String canonical(String t) {
            return YesNo.tryParse(t) ? "Y" : "N";
        }

        public String describe() {
            return "Y or N";
        }
    }

    /**
     * A finite number within bounds ({@code lowOpen}/{@code highOpen}: the bound itself is excluded). Written as
     * digits, a point and an optional exponent; {@code 72,5}, {@code 12 h} or {@code NaN} are not numbers.
     */
    record Num(double low, boolean lowOpen, double high, boolean highOpen) implements ParamType {
        private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d{1,3})?");

        public static Num atLeast(double low, double high) {
            return new Num(low, false, high, false);
        }

        public static Num above(double low, double high) {
            return new Num(low, true, high, false);
        }

        public String check(String t) {
            if (!NUMBER.matcher(t.trim()).matches()) return "is not a number; this column takes a number (e.g. 12 or 4.8)";
            double v = Double.parseDouble(t.trim());
            if (Double.isInfinite(v) || (lowOpen ? v <= low : v < low) || (highOpen ? v >= high : v > high)) {
                return "is outside its domain: it must be " + describe();
            }
            return null;
        }

        public String canonical(String t) {
            return Double.toString(Double.parseDouble(t.trim()));
        }

        public String describe() {
            String lo = (lowOpen ? "greater than " : "at least ") + num(low);
            String hi = (highOpen ? "less than " : "at most ") + num(high);
            return "a number " + lo + " and " + hi;
        }

        static String num(double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
    }

    /**
     * Free text such as a citation: any characters but control characters (line breaks become spaces). It is
     * written into the rule as an escaped string literal, so it cannot end the literal.
     */
    record Text(int maxLength) implements ParamType {
        public String check(String t) {
            String c = canonical(t);
            if (c.length() > maxLength) return "is longer than " + maxLength + " characters";
            for (int i = 0; i < c.length(); i++) {
                char ch = c.charAt(i);
                if (Character.isISOControl(ch)) return "contains a control character (code " + (int) ch + ")";
            }
            return null;
        }

        public String canonical(String t) {
            return t.replaceAll("[\\r\\n\\t]+", " ").trim();
        }

        public String describe() {
            return "text (at most " + maxLength + " characters)";
        }
    }

    /** A unit such as {@code h}, {@code mg/kg/day}, {@code 10^6 cells/kg} or {@code %}. */
    /** The Code column of the Codes table: a code, or for a visit a name as SDTM writes it ("WEEK 10 (T)"). */
    record DeclaredCode() implements ParamType {
        public String check(String t) {
            return VISIT_NAME.matcher(t).matches() ? null
                    : "is not a code (letters, digits, _ . - only, at most 64; a visit may also hold ( ) and single spaces)";
        }

        public String canonical(String t) {
            return t.toUpperCase(Locale.ROOT);
        }

        public String describe() {
            return "a code (a visit may also hold ( ) and single spaces)";
        }
    }

    record Unit() implements ParamType {
        private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9%/^*. ()-]{1,40}");

        public String check(String t) {
            return UNIT.matcher(t.trim()).matches() ? null : "is not a unit (letters, digits, % / ^ * . ( ) - and spaces, at most 40)";
        }

        public String canonical(String t) {
            return t.trim();
        }

        public String describe() {
            return "a unit (e.g. h, d, mg/kg/day, %)";
        }
    }

    /** Codes separated by spaces or commas (a coded test's values, e.g. {@code NONE 1a 1b}). */
    record CodeList() implements ParamType {
        public String check(String t) {
            for (String c : t.trim().split("[,\\s]+")) {
                if (!CODE.matcher(c).matches()) return "holds \"" + c + "\", which is not a code (letters, digits, _ . -)";
            }
            return null;
        }

        public String canonical(String t) {
            return String.join(" ", t.trim().split("[,\\s]+"));
        }

        public String describe() {
            return "codes separated by spaces";
        }
    }

    /** A date column of the data workbook, written Sheet.Column (Subjects.RandomizedAt). */
    record DateField() implements ParamType {
        public String check(String t) {
            return canonical(t) == null ? "is not a date column; use one of " + all() : null;
        }

        public String canonical(String t) {
            String[] parts = t.trim().split("\\.", 2);
            if (parts.length != 2) return null;
            for (var e : DateFields.BY_SHEET.entrySet()) {
                if (!e.getKey().equalsIgnoreCase(parts[0])) continue;
                for (String c : e.getValue()) if (c.equalsIgnoreCase(parts[1])) return e.getKey() + "." + c;
            }
            return null;
        }

        public String describe() {
            return "a date column Sheet.Column (" + all() + ")";
        }

        private static String all() {
            return DateFields.BY_SHEET.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .flatMap(e -> e.getValue().stream().map(c -> e.getKey() + "." + c)).collect(Collectors.joining(", "));
        }
    }

    /** The severity words of ICH E3, written with a space or hyphen too. */
    static Choice severity() {
        return new Choice(List.of("IMPORTANT", "NON_IMPORTANT"), Map.of("NON-IMPORTANT", "NON_IMPORTANT"));
    }

    static Choice of(Class<? extends Enum<?>> e) {
        return new Choice(Arrays.stream(e.getEnumConstants()).map(Enum::name).toList(), Map.of());
    }
}
