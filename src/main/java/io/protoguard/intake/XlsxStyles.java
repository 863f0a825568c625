package io.protoguard.intake;

import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one thing intake needs from a workbook's styles: each cell style's number format (id and format code),
 * which tells a date from a number. Read from xl/styles.xml's numFmts and cellXfs with SAX, as POI's
 * StylesTable read them, without loading XMLBeans for the fonts, fills and borders intake never looks at.
 */
final class XlsxStyles {

    /** A number format: its id (as POI's short) and its format code. */
    record NumberFormat(short id, String code) {}

    /** A workbook without a styles part: numbers are passed through as written. */
    static final XlsxStyles NONE = new XlsxStyles(new short[0], Map.of());

    private final short[] formatIdByStyle;
    private final Map<Short, String> customFormats;

    private XlsxStyles(short[] formatIdByStyle, Map<Short, String> customFormats) {
        this.formatIdByStyle = formatIdByStyle;
        this.customFormats = customFormats;
    }

    static XlsxStyles read(InputStream in) throws IOException, SAXException {
        List<Short> ids = new ArrayList<>();
        Map<Short, String> custom = new HashMap<>();
        XlsxXml.parse(in, new DefaultHandler() {
            private final List<String> path = new ArrayList<>();

            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) {
                boolean main = XlsxPackage.MAIN_NS.equals(uri);
                String parent = path.isEmpty() ? "" : path.get(path.size() - 1);
                // Only styleSheet/numFmts/numFmt and styleSheet/cellXfs/xf: dxfs and cellStyleXfs hold elements
                // of the same names that do not define cell formats.
                if (main && path.size() == 2 && "numFmts".equals(parent) && "numFmt".equals(localName)) {
                    // POI kept the id as a short and the last definition of an id.
                    custom.put((short) Long.parseLong(a.getValue("numFmtId").trim()), a.getValue("formatCode"));
                } else if (main && path.size() == 2 && "cellXfs".equals(parent) && "xf".equals(localName)) {
                    String id = a.getValue("numFmtId");
                    ids.add(id == null ? 0 : (short) Long.parseLong(id.trim()));
                }
                path.add(main ? localName : "");
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                path.remove(path.size() - 1);
            }
        });
        short[] byStyle = new short[ids.size()];
        for (int i = 0; i < byStyle.length; i++) byStyle[i] = ids.get(i);
        return new XlsxStyles(byStyle, custom);
    }

    /**
     * The number format of a numeric cell with this style attribute ("s", null when absent): style 0 when the
     * cell names none, and none (null) when the style does not exist or the workbook has no styles.
     */
    NumberFormat formatOf(String styleAttribute) {
        int index;
        if (styleAttribute != null) {
            index = Integer.parseInt(styleAttribute);
        } else if (formatIdByStyle.length > 0) {
            index = 0;
        } else {
            return null;
        }
        if (index < 0 || index >= formatIdByStyle.length) return null;
        short id = formatIdByStyle[index];
        String code = customFormats.get(id);
        if (code == null) code = BuiltinFormats.getBuiltinFormat(id);
        return code == null ? null : new NumberFormat(id, code); // no format code: the number as written
    }
}
