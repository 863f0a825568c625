package io.protoguard.template;

import io.protoguard.intake.SheetKind;
import io.protoguard.model.rules.CriterionRule;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.EnrolmentRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.VisitWindow;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import java.util.Comparator;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The template's first sheet: how to fill it in, every column, and the protocol's rules in words. */
final class ReadmeSheet {
    private ReadmeSheet() {}

    static void write(XSSFSheet sheet, LoadedProtocol p, ProtocolVersions all, TemplateWriter.Styles styles) {
        int[] r = {0};
        line(sheet, r, styles, true, p.info().title());
        line(sheet, r, styles, false, "Protocol " + p.info().id() + ", version " + p.info().version() + " (effective "
                + p.info().effectiveDate() + ")" + (all.versions().size() > 1 ? "; " + all.versions().size() + " versions" : ""));
        line(sheet, r, styles, false, "Fill one row per subject, criterion, assessment, dose and event. Header names may not "
                + "change; required columns are yellow. Date-times: 2026-03-01 14:30 (local time of the site); a date "
                + "alone only where days matter. Check with: protoguard check --protocol " + p.info().id() + " <this file>");
        r[0]++;
        line(sheet, r, styles, true, "Columns");
        for (SheetKind kind : SheetKind.values()) {
            for (SheetKind.Column c : kind.columns()) {
                String key = kind.sheetName() + "." + c.name();
                row(sheet, r, styles, key + (c.required() ? " (required)" : ""), ColumnHelp.TEXT.getOrDefault(key, ""));
            }
        }
        r[0]++;
        line(sheet, r, styles, true, "Schedule (day 0 = randomization date; bounds inclusive)");
        p.windows().stream().sorted(Comparator.comparing((VisitWindow w) -> p.visitOrder().getOrDefault(w.visit(), 99))
                        .thenComparing(VisitWindow::test))
                .forEach(w -> row(sheet, r, styles, w.visit() + " " + w.test(), w.describe()
                        + (w.orOnDischarge() ? ", or on the discharge date when discharged earlier" : "")
                        + (w.arm() == null ? "" : " (arm " + w.arm() + ")")));
        r[0]++;
        line(sheet, r, styles, true, "Eligibility, consent and treatment");
        for (ProtocolRule rule : p.rules()) {
            String text = describe(rule);
            if (text != null) row(sheet, r, styles, rule.ruleId(), text);
        }
        sheet.setColumnWidth(0, 34 * 256);
        sheet.setColumnWidth(1, 110 * 256);
    }

    private static String describe(ProtocolRule rule) {
        if (rule instanceof CriterionRule c) {
            return c.criterion() + " " + Map.of(CriterionRule.Operator.EQ, "=", CriterionRule.Operator.NE, "must not be",
                    CriterionRule.Operator.LE, "<=", CriterionRule.Operator.GE, ">=", CriterionRule.Operator.LT, "<",
                    CriterionRule.Operator.GT, ">").get(c.operator()) + " " + c.value()
                    + (c.sex() == null ? "" : " (sex " + c.sex() + ")") + ": " + c.citation();
        }
        if (rule instanceof EnrolmentRule e) return e.check() + (e.limit() == null ? "" : " " + e.limit()) + ": " + e.citation();
        if (rule instanceof DosingRule d) {
            return (d.arm() == null ? "" : "arm " + d.arm() + ": ") + d.treatment() + " " + d.check()
                    + (d.value() == null ? "" : " " + d.value() + (d.unit() == null ? "" : " " + d.unit())) + ": " + d.citation();
        }
        return null;
    }

    private static void line(XSSFSheet sheet, int[] r, TemplateWriter.Styles styles, boolean bold, String text) {
        Row row = sheet.createRow(r[0]++);
        var cell = row.createCell(0);
        cell.setCellValue(text);
        if (bold) cell.setCellStyle(styles.bold);
    }

    private static void row(XSSFSheet sheet, int[] r, TemplateWriter.Styles styles, String key, String text) {
        Row row = sheet.createRow(r[0]++);
        row.createCell(0).setCellValue(key);
        var cell = row.createCell(1);
        cell.setCellValue(text);
        cell.setCellStyle(styles.wrap);
    }
}
