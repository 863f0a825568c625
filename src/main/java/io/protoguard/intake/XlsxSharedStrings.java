package io.protoguard.intake;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workbook's shared strings (xl/sharedStrings.xml), read as POI's ReadOnlySharedStringsTable read them: the
 * text of every run of each item, phonetic runs appended after a space, and Excel's _xHHHH_ escapes decoded
 * when a string is handed out (as XSSFRichTextString did), so cells read exactly as before.
 */
final class XlsxSharedStrings {

    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    /** Null when the workbook has no table (or an empty one): any shared-string cell is then damage. */
    private final List<String> items;

    private XlsxSharedStrings(List<String> items) {
        this.items = items;
    }

    static final XlsxSharedStrings NONE = new XlsxSharedStrings(null);

    static XlsxSharedStrings read(InputStream stream) throws IOException, SAXException {
        PushbackInputStream in = new PushbackInputStream(stream, 1);
        int first = in.read();
        if (first < 0) return NONE; // an empty part: no table, as POI treated it
        in.unread(first);
        List<List<String>> table = new ArrayList<>(1);
        XlsxXml.parse(in, new DefaultHandler() {
            private StringBuilder text;
            private boolean inText;
            private boolean inPhonetic;

            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) {
                if (!XlsxPackage.MAIN_NS.equals(uri)) return;
                switch (localName) {
                    case "sst" -> {
                        String count = a.getValue("count");
                        if (count != null) Long.parseLong(count); // a count that is no number is damage, as in POI
                        String unique = a.getValue("uniqueCount");
                        int expected = unique == null ? 0 : (int) Long.parseLong(unique);
                        table.add(new ArrayList<>(Math.max(0, Math.min(expected, 1 << 16))));
                        text = new StringBuilder(64);
                    }
                    case "si" -> {
                        if (text != null) text.setLength(0);
                    }
                    case "t" -> inText = true;
                    case "rPh" -> {
                        inPhonetic = true;
                        if (text != null && text.length() > 0) text.append(' ');
                    }
                    default -> { }
                }
            }

            @Override
            public void endElement(String uri, String localName, String qName) {
                if (!XlsxPackage.MAIN_NS.equals(uri)) return;
                switch (localName) {
                    case "si" -> {
                        if (!table.isEmpty() && text != null) table.get(table.size() - 1).add(text.toString());
                    }
                    case "t" -> inText = false;
                    case "rPh" -> inPhonetic = false;
                    default -> { }
                }
            }

            @Override
            public void characters(char[] ch, int start, int length) {
                if (inText && text != null) text.append(ch, start, length);
            }
        });
        return new XlsxSharedStrings(table.isEmpty() ? null : table.get(table.size() - 1));
    }

    /** Item idx as the cell shows it; an index the table lacks is damage (IllegalStateException). */
    String get(int idx) {
        if (items == null || idx >= items.size()) {
            throw new IllegalStateException("no shared string " + idx);
        }
        return decode(items.get(idx));
    }

    /** Excel writes characters XML cannot hold (control characters) as _xHHHH_. */
    static String decode(String value) {
        if (!value.contains("_x")) return value;
        Matcher m = ESCAPE.matcher(value);
        StringBuilder out = new StringBuilder(value.length());
        int at = 0;
        while (m.find()) {
            out.append(value, at, m.start()).append((char) Integer.parseInt(m.group(1), 16));
            at = m.end();
        }
        return at == 0 ? value : out.append(value, at, value.length()).toString();
    }
}
