package io.protoguard.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DRL Drools generated from one sheet's decision table, kept to map build errors back to cells.
 * Rule names are read from the DRL itself (each follows a {@code // rule values at A10} comment), since
 * Drools names them differently when a single worksheet is compiled.
 */
record CompiledTable(RuleTableSheet table, String resourcePath, String drl, Map<String, Integer> rowsByRule) {
    private static final Pattern VALUES_AT = Pattern.compile("// rule values at [A-Z]+(\\d+)[^\\n]*\\n\\s*rule \"([^\"]+)\"");

    static CompiledTable of(RuleTableSheet table, String resourcePath, String drl) {
        Map<String, Integer> rows = new HashMap<>();
        Matcher m = VALUES_AT.matcher(drl);
        while (m.find()) rows.put(m.group(2), Integer.parseInt(m.group(1)));
        return new CompiledTable(table, resourcePath, drl, rows);
    }

    private static final Pattern RULE = Pattern.compile("(?m)^\\s*rule\\s+\"([^\"]+)\"");

    /** Every rule the table's DRL declares (the dry run records what they insert). */
    java.util.Set<String> ruleNames() {
        java.util.Set<String> names = new java.util.HashSet<>(rowsByRule.keySet());
        Matcher m = RULE.matcher(drl);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    RuleTableSheet.RuleRow row(String ruleName) {
        Integer excelRow = rowsByRule.get(ruleName);
        if (excelRow == null) return null;
        return table.rows().stream().filter(r -> r.excelRow() == excelRow).findFirst().orElse(null);
    }
}
