package io.protoguard.risk;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The nightly report's "KRI signals" sheet: the NEW red signals first, then every KRI with its sites' scores and
 * its funnel plot as a PNG beside the table.
 */
public final class RiskReportSheet {
    public static final String NAME = "KRI signals";
    static final List<String> COLUMNS = List.of("KRI", "Title", "Site", "Numerator", "Denominator", "Metric", "z", "Flag", "New signal");

    private RiskReportSheet() {}

    public static void write(Workbook wb, CellStyle bold, List<RiskSignals.KriView> kris, List<RiskSignals.Signal> newSignals) {
        Sheet sheet = wb.createSheet(NAME);
        int r = 0;
        Row title = sheet.createRow(r++);
        title.createCell(0).setCellValue(newSignals.isEmpty() ? "No new signals (no site turned red since the previous run)"
                : newSignals.size() + " new signal(s): sites red on a KRI that were not red in the previous run");
        title.getCell(0).setCellStyle(bold);
        for (RiskSignals.Signal s : newSignals) {
            Row row = sheet.createRow(r++);
            row.createCell(0).setCellValue(s.kriId());
            row.createCell(1).setCellValue(s.title());
            row.createCell(2).setCellValue(s.site());
            row.createCell(6).setCellValue(Math.round(s.z() * 100) / 100.0);
        }
        r++;
        Row header = sheet.createRow(r++);
        for (int i = 0; i < COLUMNS.size(); i++) {
            header.createCell(i).setCellValue(COLUMNS.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        Drawing<?> drawing = sheet.createDrawingPatriarch();
        for (RiskSignals.KriView k : kris) {
            int first = r;
            for (KriStore.Row s : k.rows()) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(k.kriId());
                row.createCell(1).setCellValue(k.title());
                row.createCell(2).setCellValue(s.site());
                row.createCell(3).setCellValue(s.numerator());
                row.createCell(4).setCellValue(s.denominator());
                if (s.metric() != null) row.createCell(5).setCellValue(s.metric());
                if (s.z() != null) row.createCell(6).setCellValue(Math.round(s.z() * 100) / 100.0);
                row.createCell(7).setCellValue(s.flag().name());
                boolean fresh = newSignals.stream().anyMatch(n -> n.kriId().equals(k.kriId()) && n.site().equals(s.site()));
                if (fresh) row.createCell(8).setCellValue("NEW");
            }
            int picture = wb.addPicture(FunnelPng.render(FunnelPlot.of(k.kriId() + " " + k.title(), k.scores()), k.xLabel()),
                    Workbook.PICTURE_TYPE_PNG);
            ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
            anchor.setCol1(10);
            anchor.setRow1(first);
            anchor.setCol2(18);
            anchor.setRow2(first + 16);
            drawing.createPicture(anchor, picture);
            r = Math.max(r, first + 17); // room for the plot before the next KRI
        }
    }
}
