package io.protoguard.intake;

import org.apache.poi.ss.util.CellReference;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns one worksheet's XML into whole rows of cell text, the way POI's XSSFSheetXMLHandler did for intake
 * (cell types b, e, s, str, inlineStr and numbers; numbers formatted by their style's number format; values
 * of formulas rather than formulas), so that a workbook reads exactly as it did through POI. Elements outside
 * the SpreadsheetML namespace are ignored, as POI ignored them.
 */
final class XlsxSheetHandler extends DefaultHandler {

    private enum Kind { NUMBER, BOOLEAN, ERROR, FORMULA, INLINE_STRING, SHARED_STRING }

    private final RowSink.SheetRows rows;
    private final XlsxStyles styles;
    private final XlsxSharedStrings strings;
    private final IsoCellFormatter formatter;

    private final StringBuilder value = new StringBuilder(64);
    private boolean inValue;
    private boolean inInlineString;
    private int rowIndex;
    private int nextRowIndex;
    private SortedMap<Integer, String> cells = new TreeMap<>();
    private int nextColumn;

    private Kind kind = Kind.NUMBER;
    private XlsxStyles.NumberFormat format;
    private String reference;

    XlsxSheetHandler(RowSink.SheetRows rows, XlsxStyles styles, XlsxSharedStrings strings, IsoCellFormatter formatter) {
        this.rows = rows;
        this.styles = styles;
        this.strings = strings;
        this.formatter = formatter;
    }

    /** v, and t inside an inline string, hold a cell's value; POI also took an element named inlineStr so. */
    private boolean holdsValue(String name) {
        return "v".equals(name) || "inlineStr".equals(name) || ("t".equals(name) && inInlineString);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes a) {
        if (!XlsxPackage.MAIN_NS.equals(uri)) return;
        if (holdsValue(localName)) {
            inValue = true;
            if (!inInlineString) value.setLength(0); // the runs of one inline string are joined
        } else if ("is".equals(localName)) {
            inInlineString = true;
        } else if ("f".equals(localName)) {
            if (kind == Kind.NUMBER) kind = Kind.FORMULA;
        } else if ("row".equals(localName)) {
            String r = a.getValue("r");
            rowIndex = r != null ? Integer.parseInt(r) - 1 : nextRowIndex;
            cells = new TreeMap<>();
            nextColumn = 0;
        } else if ("c".equals(localName)) {
            startCell(a);
        }
    }

    private void startCell(Attributes a) {
        kind = Kind.NUMBER;
        format = null;
        reference = a.getValue("r");
        String type = a.getValue("t");
        if ("b".equals(type)) kind = Kind.BOOLEAN;
        else if ("e".equals(type)) kind = Kind.ERROR;
        else if ("inlineStr".equals(type)) kind = Kind.INLINE_STRING;
        else if ("s".equals(type)) kind = Kind.SHARED_STRING;
        else if ("str".equals(type)) kind = Kind.FORMULA;
        else format = styles.formatOf(a.getValue("s")); // only numbers look at their style
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        if (!XlsxPackage.MAIN_NS.equals(uri)) return;
        if (holdsValue(localName)) {
            inValue = false;
            if (!inInlineString) {
                cell(cellText());
                value.setLength(0);
            }
        } else if ("is".equals(localName)) {
            inInlineString = false;
            cell(cellText());
            value.setLength(0);
        } else if ("row".equals(localName)) {
            rows.row(rowIndex + 1, cells);
            nextRowIndex = rowIndex + 1; // rows without a number follow the previous one, as Excel reads them
        }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (inValue) value.append(ch, start, length);
    }

    private String cellText() {
        switch (kind) {
            case BOOLEAN:
                return value.charAt(0) == '0' ? "FALSE" : "TRUE"; // an empty boolean is damage, as in POI
            case ERROR:
                return "ERROR:" + value;
            case INLINE_STRING:
                return XlsxSharedStrings.decode(value.toString());
            case SHARED_STRING: {
                String index = value.toString(); // untrimmed: POI 5.4 gave " 7 " no value either
                if (index.isEmpty()) return null;
                try {
                    return strings.get(Integer.parseInt(index));
                } catch (NumberFormatException e) {
                    return null; // POI logged such an index and gave the cell no value
                }
            }
            case FORMULA:
                return format == null ? value.toString() : formatted(value.toString());
            default: {
                String n = value.toString();
                return format == null || n.isEmpty() ? n : formatted(n);
            }
        }
    }

    /** A number in its cell's format; text that is not a number (a formula's string result) stays as written. */
    private String formatted(String n) {
        try {
            return formatter.format(Double.parseDouble(n), format.id(), format.code());
        } catch (RuntimeException e) {
            return n;
        }
    }

    /**
     * The reference is optional in the file format; without one a cell follows the previous one. A reference with
     * no column letters ("7", "$") names no column (POI gives -1): it is placed the same way, never at -1.
     */
    private void cell(String text) {
        int column = reference == null ? nextColumn : column(reference);
        if (column < 0) column = nextColumn;
        nextColumn = column + 1;
        if (text != null) cells.put(column, text);
    }

    /**
     * The 0-based column of a reference. What Excel writes ("AB12") is read here directly: POI's CellReference
     * matched a regular expression per cell, 7 % of reading a large workbook. Anything else ("$A$1", "7",
     * lower case, a sheet name) goes through CellReference as before, so every reference means what it meant.
     */
    static int column(String reference) {
        int letters = 0;
        int col = 0;
        while (letters < reference.length() && letters < 3) {
            char c = reference.charAt(letters);
            if (c < 'A' || c > 'Z') break;
            col = col * 26 + (c - 'A' + 1);
            letters++;
        }
        if (letters == 0 || letters == reference.length()) return new CellReference(reference).getCol();
        for (int i = letters; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < '0' || c > '9') return new CellReference(reference).getCol();
        }
        return col - 1;
    }
}
