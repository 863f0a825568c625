package io.protoguard.template;

import io.protoguard.intake.SheetKind;
import io.protoguard.model.CodeBook;
import io.protoguard.model.rules.DosingRule;
import io.protoguard.model.rules.ProtocolRule;
import io.protoguard.model.rules.VisitWindow;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolVersions;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The empty data workbook a monitor fills in for one protocol: a README sheet first (every column and the
 * protocol's schedule), then the SPEC section 3 sheets with drop-down lists built from the protocol's own
 * tables and date-time formats on time columns. Lists live on a hidden sheet, since Excel limits an
 * inline list to 255 characters.
 */
public final class TemplateWriter {
    static final int ROWS = 2000;
    private static final List<String> YES_NO = List.of("Y", "N");

    private TemplateWriter() {}

    public static void write(ProtocolVersions protocol, OutputStream out) throws IOException {
        LoadedProtocol p = protocol.latest();
        if (SdtmTemplate.applies(p)) { // its data is SDTM domains: list those, not the workbook's sheets
            SdtmTemplate.write(protocol, out);
            return;
        }
        CodeBook codes = protocol.codeBook();
        Map<String, List<String>> lists = lists(protocol, codes);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles styles = new Styles(wb);
            ReadmeSheet.write(wb.createSheet("README"), p, protocol, styles);
            for (SheetKind kind : SheetKind.values()) dataSheet(wb, kind, lists, styles);
            listSheet(wb, lists);
            wb.write(out);
        }
    }

    /** Drop-down values per "Sheet.Column", from the protocol's tables (and SPEC section 3 for fixed codes). */
    static Map<String, List<String>> lists(ProtocolVersions protocol, CodeBook codes) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        if (!codes.arms().isEmpty()) lists.put("Subjects.Arm", List.copyOf(codes.arms()));
        lists.put("Subjects.Sex", List.of("M", "F"));
        TreeSet<String> criteria = new TreeSet<>(codes.yesNoCriteria());
        criteria.addAll(codes.numericCriteria());
        lists.put("Criteria.Criterion", List.copyOf(criteria));
        List<String> visits = new ArrayList<>(protocol.latest().visitOrder().keySet());
        protocol.versions().forEach(v -> v.visitOrder().keySet().stream().filter(x -> !visits.contains(x)).forEach(visits::add));
        lists.put("Assessments.Visit", visits);
        TreeSet<String> tests = new TreeSet<>(codes.numericTests());
        tests.addAll(codes.codedTests());
        lists.put("Assessments.Test", List.copyOf(tests));
        TreeSet<String> treatments = new TreeSet<>(), units = new TreeSet<>();
        for (LoadedProtocol v : protocol.versions()) {
            for (ProtocolRule r : v.rules()) {
                if (!(r instanceof DosingRule d)) continue;
                treatments.add(d.treatment());
                String unit = doseUnit(d);
                if (unit != null) units.add(unit);
            }
        }
        if (!treatments.isEmpty()) lists.put("Doses.Treatment", List.copyOf(treatments));
        if (!units.isEmpty()) lists.put("Doses.Unit", List.copyOf(units));
        lists.put("Events.HeidelbergClass", List.of("1a", "1b", "1c", "2", "3a", "3b", "3c", "3d"));
        lists.put("Events.MajorIntervention", List.of("NONE", "INTUBATION", "HEMICRANIECTOMY", "EVD", "OTHER"));
        lists.put("Events.AlternativeExplanation", YES_NO);
        lists.put("Events.SiteReportedSymptomatic", YES_NO);
        return lists;
    }

    /** The Unit a Doses row carries for this rule: "mg" for a rate in mg/kg/day, the whole unit for a dose bound. */
    private static String doseUnit(DosingRule d) {
        if (d.unit() == null) return null;
        return switch (d.check()) {
            case RATE_PER_KG_DAY -> d.unit().split("/")[0].trim();
            case DOSE_MIN, DOSE_MAX, DAILY_DOSE_MIN, DAILY_DOSE_MAX -> d.unit();
            default -> null;
        };
    }

    private static void dataSheet(XSSFWorkbook wb, SheetKind kind, Map<String, List<String>> lists, Styles styles) {
        XSSFSheet sheet = wb.createSheet(kind.sheetName());
        Row header = sheet.createRow(0);
        DataValidationHelper dv = sheet.getDataValidationHelper();
        List<SheetKind.Column> columns = kind.columns();
        for (int c = 0; c < columns.size(); c++) {
            SheetKind.Column col = columns.get(c);
            var cell = header.createCell(c);
            cell.setCellValue(col.name());
            cell.setCellStyle(col.required() ? styles.requiredHeader : styles.header);
            String key = kind.sheetName() + "." + col.name();
            sheet.setColumnWidth(c, Math.max(14, col.name().length() + 4) * 256);
            if (col.name().endsWith("At")) {
                sheet.setDefaultColumnStyle(c, styles.dateTime);
                sheet.setColumnWidth(c, 18 * 256);
            }
            List<String> values = lists.get(key);
            if (values != null && !values.isEmpty()) {
                var constraint = dv.createFormulaListConstraint(listName(key));
                var validation = dv.createValidation(constraint, new CellRangeAddressList(1, ROWS, c, c));
                validation.setShowErrorBox(true);
                validation.setErrorStyle(org.apache.poi.ss.usermodel.DataValidation.ErrorStyle.WARNING);
                validation.createErrorBox("Not a code of this protocol", col.name() + " should be one of: " + String.join(", ", values));
                sheet.addValidationData(validation);
            }
        }
        sheet.createFreezePane(0, 1);
    }

    /** Hidden sheet "TemplateLists" (intake skips it) with one named range per drop-down list. */
    private static void listSheet(XSSFWorkbook wb, Map<String, List<String>> lists) {
        XSSFSheet sheet = wb.createSheet("TemplateLists");
        int c = 0;
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            List<String> values = e.getValue();
            if (values.isEmpty()) continue;
            row(sheet, 0).createCell(c).setCellValue(e.getKey());
            for (int r = 0; r < values.size(); r++) row(sheet, r + 1).createCell(c).setCellValue(values.get(r));
            Name name = wb.createName();
            name.setNameName(listName(e.getKey()));
            String col = CellReference.convertNumToColString(c);
            name.setRefersToFormula("TemplateLists!$" + col + "$2:$" + col + "$" + (values.size() + 1));
            c++;
        }
        wb.setSheetHidden(wb.getSheetIndex(sheet), true);
    }

    private static Row row(XSSFSheet sheet, int r) {
        return sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
    }

    static String listName(String key) {
        return "list_" + key.replace('.', '_');
    }

    /** Cell styles shared by the sheets. */
    static final class Styles {
        final CellStyle header, requiredHeader, dateTime, bold, wrap;

        Styles(XSSFWorkbook wb) {
            Font b = wb.createFont();
            b.setBold(true);
            header = wb.createCellStyle();
            header.setFont(b);
            requiredHeader = wb.createCellStyle();
            requiredHeader.cloneStyleFrom(header);
            requiredHeader.setFillForegroundColor(org.apache.poi.ss.usermodel.IndexedColors.LIGHT_YELLOW.getIndex());
            requiredHeader.setFillPattern(org.apache.poi.ss.usermodel.FillPatternType.SOLID_FOREGROUND);
            dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
            bold = header;
            wrap = wb.createCellStyle();
            wrap.setWrapText(true);
        }
    }
}
