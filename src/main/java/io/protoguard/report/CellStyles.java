package io.protoguard.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The two cell styles every XLSX export uses: bold headers and ISO dates. Made once per workbook, since a workbook
 * holds a limited number of styles.
 */
public record CellStyles(CellStyle bold, CellStyle date) {

    public static CellStyles of(Workbook wb) {
        Font font = wb.createFont();
        font.setBold(true);
        CellStyle bold = wb.createCellStyle();
        bold.setFont(font);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        return new CellStyles(bold, date);
    }
}
