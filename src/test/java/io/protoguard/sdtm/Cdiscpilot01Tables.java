package io.protoguard.sdtm;

import io.protoguard.intake.sdtm.SdtmRecord;
import io.protoguard.intake.sdtm.XptReader;
import io.protoguard.sdtm.TableWorkbook.Column;
import io.protoguard.sdtm.TableWorkbook.Table;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decision tables of protocol cdiscpilot01, built from the pilot's trial design domains (TV visits, TI
 * criteria, TE elements, TS parameters) and SPEC section 5's protocol choices. The shipped files under
 * decision-tables/cdiscpilot01/ are this class's output; Cdiscpilot01TablesTest checks they still are, and
 * writes them again with -Dcdiscpilot01.write=true.
 */
final class Cdiscpilot01Tables {
    /** SPEC section 5: on-site visits ±3 d up to WEEK 8, ±5 d from WEEK 10 on; telephone visits (T) NON_IMPORTANT. */
    private static int halfWidth(double visitDay) {
        return visitDay <= 56 ? 3 : 5;
    }

    private Cdiscpilot01Tables() {}

    static Map<String, List<Table>> build(Path sdtm) throws Exception {
        Map<String, List<Table>> files = new LinkedHashMap<>();
        files.put("visits.drl.xlsx", List.of(visits(read(sdtm, "tv.xpt"))));
        files.put("eligibility.drl.xlsx", List.of(enrolment(read(sdtm, "ti.xpt"))));
        files.put("dispensing.drl.xlsx", List.of(dispensing(read(sdtm, "te.xpt"), read(sdtm, "ts.xpt"))));
        files.put("data-quality.drl.xlsx", List.of(afterDeath()));
        files.put("codes.drl.xlsx", List.of(codes(read(sdtm, "tv.xpt"), read(sdtm, "ta.xpt"))));
        files.put("risk.drl.xlsx", List.of(RiskTables.risk(false))); // site KRIs (docs/central-monitoring.md)
        return files;
    }

    static void write(Path folder, Map<String, List<Table>> files) throws Exception {
        for (Map.Entry<String, List<Table>> e : files.entrySet()) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(e.getKey()))) {
                TableWorkbook.write(e.getValue(), out);
            }
        }
    }

    private static List<SdtmRecord> read(Path folder, String file) throws Exception {
        List<SdtmRecord> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(folder.resolve(file))) {
            XptReader.read(file, in, out::add);
        }
        return out;
    }

    private static Table visits(List<SdtmRecord> tv) {
        List<List<Object>> rows = TableWorkbook.rows();
        for (SdtmRecord r : tv) {
            String visit = r.text("VISIT");
            if (!visit.equals("BASELINE") && !visit.startsWith("WEEK ")) continue; // screening, ECG, follow-up: not checked
            double day = Double.parseDouble(r.text("VISITDY"));
            int width = visit.equals("BASELINE") ? 0 : halfWidth(day);
            boolean telephone = visit.endsWith("(T)");
            String citation = "TV VISITNUM=" + r.text("VISITNUM") + ", VISIT=" + visit + ", VISITDY=" + r.text("VISITDY")
                    + ", TVSTRL=" + r.text("TVSTRL") + (r.has("TVENRL") ? ", TVENRL=" + r.text("TVENRL") : "");
            rows.add(List.of("VIS-" + visit.replace(" (T)", "-T").replace(' ', '-'), visit, day, width, width, "SDTM",
                    width == 0 ? "PROTOCOL" : "SPONSOR", telephone ? "NON_IMPORTANT" : "IMPORTANT", "PROTOCOL", citation));
        }
        return new Table("Visits", "Visit windows on visits done (SV), matched by VISIT name, never VISITNUM. Target = TV VISITDY "
                + "in SDTM study days (day 1 = RFSTDTC, no day 0); the window is Target - Minus to Target + Plus, inclusive. "
                + "WindowSource: whose choice the width is (SPEC section 5: the sponsor's). Visits not listed are not checked.",
                List.of(new Column("RuleId", "VisitDayWindow.Builder r = VisitDayWindow.rule(\"$param\");"),
                        new Column("Visit", "r.visit(\"$param\");"), new Column("Target", "r.target($param);"),
                        new Column("Minus", "r.minus($param);"), new Column("Plus", "r.plus($param);"),
                        new Column("Numbering", "r.numbering(\"$param\");"), new Column("WindowSource", "r.windowSource(\"$param\");"),
                        new Column("Severity", "r.severity(\"$param\");"), new Column("CitationSource", "r.citationSource(\"$param\");"),
                        new Column("Citation", "insert(r.citation(\"$param\"));")), rows);
    }

    private static Table enrolment(List<SdtmRecord> ti) {
        SdtmRecord incl01 = ti.stream().filter(r -> r.text("IETESTCD").equals("INCL01")).findFirst().orElseThrow();
        List<List<Object>> rows = TableWorkbook.rows();
        rows.add(java.util.Arrays.asList("ELIG-AGE-50", "AGE_MIN", 50, null, "IMPORTANT",
                "TI IETESTCD=INCL01, IECAT=" + incl01.text("IECAT") + ", IETEST=" + incl01.text("IETEST")));
        return new Table("Enrolment", "The only criterion checked (SPEC section 5): the pilot has no IE domain and no consent dates.",
                List.of(new Column("RuleId", "EnrolmentRule.Builder r = EnrolmentRule.rule(\"$param\");"),
                        new Column("Check", "r.check(\"$param\");"), new Column("Limit", "r.limit($param);"),
                        new Column("Arm", "r.arm(\"$param\");"), new Column("Severity", "r.severity(\"$param\");"),
                        new Column("Citation", "insert(r.citation(\"$param\"));")), rows);
    }

    private static Table dispensing(List<SdtmRecord> te, List<SdtmRecord> ts) {
        String objective = ts.stream().filter(r -> r.text("TSPARMCD").equals("OBJPRIM") && r.text("TSVAL").contains("mg"))
                .map(r -> "TS OBJPRIM: " + r.text("TSVAL")).findFirst().orElseThrow();
        Map<String, String> element = new LinkedHashMap<>();
        for (SdtmRecord r : te) element.put(r.text("ETCD"), "TE ETCD=" + r.text("ETCD") + ", ELEMENT=" + r.text("ELEMENT")
                + ", TESTRL=" + r.text("TESTRL") + ", TEDUR=" + r.text("TEDUR"));
        List<List<Object>> rows = TableWorkbook.rows();
        rows.add(java.util.Arrays.asList("DOSE-PBO", "Pbo", null, "PLACEBO", 0, "mg", "IMPORTANT", "PROTOCOL", element.get("PBO") + "; " + objective));
        rows.add(java.util.Arrays.asList("DOSE-XANLO", "Xan_Lo", null, "XANOMELINE", 54, "mg", "IMPORTANT", "PROTOCOL", element.get("LO") + "; " + objective));
        rows.add(java.util.Arrays.asList("DOSE-XANHI-BASELINE", "Xan_Hi", "BASELINE", "XANOMELINE", 54, "mg", "IMPORTANT", "PROTOCOL", element.get("HIS") + "; " + objective));
        rows.add(java.util.Arrays.asList("DOSE-XANHI-WEEK-2", "Xan_Hi", "WEEK 2", "XANOMELINE", 81, "mg", "IMPORTANT", "PROTOCOL", element.get("HIM") + "; " + objective));
        rows.add(java.util.Arrays.asList("DOSE-XANHI-WEEK-24", "Xan_Hi", "WEEK 24", "XANOMELINE", 54, "mg", "IMPORTANT", "PROTOCOL", element.get("HIE") + "; " + objective));
        return new Table("Dispensing", "Each recorded dose (EX) against its planned arm (DM ARMCD) and the visit it was dispensed at "
                + "(EX VISIT). Visit empty = every visit the arm has no row of its own for. Only recorded doses are judged.",
                List.of(new Column("RuleId", "DispensedDoseRule.Builder r = DispensedDoseRule.rule(\"$param\");"),
                        new Column("Arm", "r.arm(\"$param\");"), new Column("Visit", "r.visit(\"$param\");"),
                        new Column("Treatment", "r.treatment(\"$param\");"), new Column("Dose", "r.dose($param);"),
                        new Column("Unit", "r.unit(\"$param\");"), new Column("Severity", "r.severity(\"$param\");"),
                        new Column("CitationSource", "r.citationSource(\"$param\");"),
                        new Column("Citation", "insert(r.citation(\"$param\"));")), rows);
    }

    private static Table afterDeath() {
        String ich = "ICH E6(R2) 4.9.0: The investigator/institution should maintain adequate and accurate source documents and trial "
                + "records that include all pertinent observations on each of the site's trial subjects. Source data should be "
                + "attributable, legible, contemporaneous, original, accurate, and complete.";
        List<List<Object>> rows = TableWorkbook.rows();
        rows.add(List.of("DQ-VISIT-AFTER-DEATH", "VISIT", "IMPORTANT", "REGULATION", ich));
        rows.add(List.of("DQ-DOSE-AFTER-DEATH", "DOSE", "IMPORTANT", "REGULATION", ich));
        return new Table("AfterDeath", "A visit (SV) or dose (EX) dated after death (DM DTHDTC) is DATA_QUALITY, and nothing else is judged on it.",
                List.of(new Column("RuleId", "AfterDeathRule.Builder r = AfterDeathRule.rule(\"$param\");"),
                        new Column("Record", "r.record(\"$param\");"), new Column("Severity", "r.severity(\"$param\");"),
                        new Column("CitationSource", "r.citationSource(\"$param\");"),
                        new Column("Citation", "insert(r.citation(\"$param\"));")), rows);
    }

    /** SPEC section 8: the visits, arms and treatments the other tables name, declared in one place. */
    private static Table codes(List<SdtmRecord> tv, List<SdtmRecord> ta) {
        List<List<Object>> rows = TableWorkbook.rows();
        for (SdtmRecord r : tv) {
            String visit = r.text("VISIT");
            if (!visit.equals("BASELINE") && !visit.startsWith("WEEK ")) continue;
            rows.add(List.of("VISIT", visit, "study day " + r.text("VISITDY"), "TV VISITNUM=" + r.text("VISITNUM") + ", VISIT=" + visit
                    + ", VISITDY=" + r.text("VISITDY")));
        }
        Map<String, String> arms = new LinkedHashMap<>();
        for (SdtmRecord r : ta) arms.putIfAbsent(r.text("ARMCD"), r.text("ARM"));
        for (Map.Entry<String, String> arm : arms.entrySet()) {
            rows.add(List.of("ARM", arm.getKey(), arm.getValue(), "TA ARMCD=" + arm.getKey() + ", ARM=" + arm.getValue()));
        }
        rows.add(List.of("TREATMENT", "PLACEBO", "placebo patch (EX EXTRT)", "TE ETCD=PBO, ELEMENT=Placebo"));
        rows.add(List.of("TREATMENT", "XANOMELINE", "xanomeline TTS patch (EX EXTRT)", "TE ETCD=LO, ELEMENT=Xanomeline Low Dose"));
        return new Table("Codes", "The codes this protocol uses, declared in one place (SPEC section 8): visits as SV VISIT names, "
                + "arms as DM ARMCD, treatments as EX EXTRT. A table cell naming a code not declared here is refused.",
                List.of(new Column("Kind", ""), new Column("Code", ""), new Column("Meaning", ""), new Column("Citation", "")), rows);
    }
}
