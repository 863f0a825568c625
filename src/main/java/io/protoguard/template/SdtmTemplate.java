package io.protoguard.template;

import io.protoguard.mapping.SdtmMapping;
import io.protoguard.model.rules.AfterDeathRule;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.DispensedDoseRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.VisitDayWindow;
import io.protoguard.model.rules.VisitWindow;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The data template of a protocol written for SDTM data (windows on visits done, doses by dispensing visit):
 * which domains and variables it reads, as the shipped mapping (mappings/sdtm.yaml) names them, and one
 * empty sheet per domain with those variables as its header (save each as dm.csv, sv.csv, ... or send XPT or
 * Dataset-JSON files with the same variables).
 */
public final class SdtmTemplate {
    private SdtmTemplate() {}

    /** A protocol is an SDTM protocol when its tables judge visits done or doses by dispensing visit. */
    public static boolean applies(LoadedProtocol p) {
        return p.rules().stream().anyMatch(r -> r instanceof VisitDayWindow || r instanceof DispensedDoseRule || r instanceof AfterDeathRule);
    }

    /** Domain -> variable -> what protoguard uses it for, for this protocol's rules. */
    public static Map<String, Map<String, String>> domains(LoadedProtocol p) {
        SdtmMapping m = SdtmMapping.standard();
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        SdtmMapping.Subjects s = m.subjects();
        Map<String, String> dm = put(out, s.domain());
        dm.put(s.subjectId(), "subject identifier (required)");
        dm.put(s.anchor(), "study day 1; a subject without it (screen failure) is not checked");
        dm.put(s.arm(), "planned arm: doses are judged against it");
        dm.put(s.site(), "site");
        dm.put(s.sex(), "sex (M/F)");
        dm.put(s.age(), "age in years");
        dm.put(s.diedAt(), "date of death: ends expectations; records after it are DATA_QUALITY");
        dm.put(s.consentAt(), "informed consent date");
        SdtmMapping.Disposition d = m.disposition();
        Map<String, String> ds = put(out, d.domain());
        ds.put(d.subjectId(), "subject identifier");
        ds.put(d.categoryVariable(), "only records with " + d.categoryVariable() + " = " + d.category() + " are read");
        ds.put(d.date(), "end of participation: ends expectations");
        ds.put(d.decode(), "a decode other than " + d.completed() + " is also a withdrawal");
        ds.put(d.seq(), "named in findings");
        List<ProtocolRule> rules = p.rules();
        if (rules.stream().anyMatch(r -> r instanceof VisitDayWindow || r instanceof AfterDeathRule)) {
            SdtmMapping.Visits v = m.visits();
            Map<String, String> sv = put(out, v.domain());
            sv.put(v.subjectId(), "subject identifier");
            sv.put(v.visit(), "visit name: windows match it (never the number)");
            sv.put(v.visitNumber(), "shown only");
            sv.put(v.date(), "the date the visit took place");
        }
        if (rules.stream().anyMatch(r -> r instanceof DispensedDoseRule || r instanceof AfterDeathRule)) {
            SdtmMapping.Doses x = m.doses();
            Map<String, String> ex = put(out, x.domain());
            ex.put(x.subjectId(), "subject identifier");
            ex.put(x.treatment(), "treatment");
            ex.put(x.dose(), "dose");
            ex.put(x.unit(), "dose unit");
            ex.put(x.visit(), "the visit the dose was dispensed at");
            ex.put(x.start(), "start date");
            ex.put(x.end(), "end date");
            ex.put(x.seq(), "named in findings");
        }
        if (rules.stream().anyMatch(r -> r instanceof CriterionRule)) {
            SdtmMapping.Criteria c = m.criteria();
            Map<String, String> ie = put(out, c.domain());
            ie.put(c.subjectId(), "subject identifier");
            ie.put(c.test(), "criterion code");
            ie.put(c.value(), "result (Y/N or a number)");
        }
        if (rules.stream().anyMatch(r -> r instanceof VisitWindow)) {
            for (SdtmMapping.Findings f : m.assessments()) {
                Map<String, String> fd = put(out, f.domain());
                fd.put(f.subjectId(), "subject identifier");
                fd.put(f.test(), "test code");
                fd.put(f.value(), "result as collected");
                fd.put(f.number(), "numeric result");
                fd.put(f.date(), "date of the assessment");
                fd.put(f.visit(), "visit");
            }
        }
        return out;
    }

    private static Map<String, String> put(Map<String, Map<String, String>> out, String domain) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("STUDYID", "study identifier");
        vars.put("DOMAIN", "domain abbreviation (" + domain + ")");
        out.put(domain, vars);
        return vars;
    }

    public static void write(ProtocolVersions protocol, OutputStream out) throws IOException {
        LoadedProtocol p = protocol.latest();
        Map<String, Map<String, String>> domains = domains(p);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            XSSFSheet readme = wb.createSheet("README");
            List<String[]> lines = new ArrayList<>();
            lines.add(new String[] {p.info().title()});
            lines.add(new String[] {"Protocol " + p.info().id() + ", version " + p.info().version() + ": reads CDISC SDTM domains "
                    + "(a folder or .zip of .xpt, Dataset-JSON .json or .csv files). Check with: protoguard check --protocol "
                    + p.info().id() + " <folder>"});
            lines.add(new String[] {});
            lines.add(new String[] {"Domain", "Variable", "Used for"});
            domains.forEach((domain, vars) -> vars.forEach((v, why) -> lines.add(new String[] {domain, v, why})));
            lines.add(new String[] {});
            lines.add(new String[] {"Rule", "Checks"});
            for (ProtocolRule r : p.rules()) {
                if (r instanceof VisitDayWindow w) lines.add(new String[] {r.ruleId(), "visit " + w.visit() + ": study day " + num(w.target())
                        + " -" + num(w.minus()) + "/+" + num(w.plus()) + " (" + w.numbering() + " numbering)"});
                else if (r instanceof DispensedDoseRule x) lines.add(new String[] {r.ruleId(), "arm " + x.arm() + (x.visit() == null ? "" : " at " + x.visit())
                        + ": " + x.treatment() + " " + num(x.dose()) + " " + x.unit()});
            }
            for (int i = 0; i < lines.size(); i++) {
                Row row = readme.createRow(i);
                for (int c = 0; c < lines.get(i).length; c++) row.createCell(c).setCellValue(lines.get(i)[c]);
            }
            readme.setColumnWidth(0, 24 * 256);
            readme.setColumnWidth(1, 14 * 256);
            readme.setColumnWidth(2, 80 * 256);
            for (Map.Entry<String, Map<String, String>> e : domains.entrySet()) {
                Row header = wb.createSheet(e.getKey()).createRow(0);
                int c = 0;
                for (String v : e.getValue().keySet()) header.createCell(c++).setCellValue(v);
            }
            wb.write(out);
        }
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
