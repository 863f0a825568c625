package io.protoguard.intake;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Streams an .xlsx workbook sheet by sheet with POI's event API, so memory does not grow with the size of
 * the sheets. POI's zip-bomb limits (ZipSecureFile defaults) stay in force because they are never changed.
 */
final class XlsxRowSource {

    /** The workbook could not be read; the message is for the user. */
    static final class UnreadableWorkbook extends Exception {
        UnreadableWorkbook(String message) {
            super(message);
        }
    }

    private final Path path;
    private final String file;

    XlsxRowSource(Path path, String file) {
        this.path = path;
        this.file = file;
    }

    /** What the user reads for any damage POI finds: its own text names classes and zip internals. */
    static final String DAMAGED = "the file is damaged or truncated (not a complete .xlsx)";

    void feed(RowSink sink) throws UnreadableWorkbook {
        checkIsXlsx();
        String sheetName = null;
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            IsoCellFormatter formatter = new IsoCellFormatter(usesDate1904(reader));
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                sheetName = null;
                try (InputStream sheet = sheets.next()) {
                    sheetName = sheets.getSheetName();
                    RowSink.SheetRows rows = sink.startSheet(file, sheetName);
                    if (rows == null) continue;
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new RowCollector(rows),
                            formatter, false));
                    parser.parse(new InputSource(sheet));
                    rows.end();
                }
            }
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                 | RuntimeException | StackOverflowError e) {
            // POI reports corrupt packages, zip bombs and bad XML through many exception types, some unchecked,
            // all with its own wording; the user gets what it means for the file, and where.
            throw new UnreadableWorkbook(reason(e, sheetName));
        }
    }

    private void checkIsXlsx() throws UnreadableWorkbook {
        FileMagic magic;
        try {
            magic = FileMagic.valueOf(path.toFile());
        } catch (IOException e) {
            throw new UnreadableWorkbook("cannot read the file: " + IoReasons.of(e));
        }
        if (magic == FileMagic.OLE2) {
            throw new UnreadableWorkbook("is password-protected or an old Excel 97-2003 (.xls) file; "
                    + "save it as an unprotected .xlsx workbook");
        }
        if (magic != FileMagic.OOXML) {
            throw new UnreadableWorkbook("is not an .xlsx workbook (save it from Excel or LibreOffice as .xlsx)");
        }
        try {
            if (!hasEndOfZipDirectory()) throw new UnreadableWorkbook(DAMAGED);
        } catch (IOException e) {
            throw new UnreadableWorkbook("cannot read the file: " + IoReasons.of(e));
        }
    }

    /**
     * A zip ends with its central directory; a file cut anywhere after its last entry has lost it, yet POI
     * falls back to reading the entries one by one and reports nothing, so a truncated upload would pass as
     * whole. The end record (signature PK\5\6) sits in the last 22 bytes plus at most a 64 KB comment.
     */
    private boolean hasEndOfZipDirectory() throws IOException {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(path.toFile(), "r")) {
            long length = f.length();
            int tail = (int) Math.min(length, 22 + 0xFFFF);
            byte[] b = new byte[tail];
            f.seek(length - tail);
            f.readFully(b);
            for (int i = tail - 22; i >= 0; i--) {
                if (b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 5 && b[i + 3] == 6) return true;
            }
            return false;
        }
    }

    /** Workbooks made on old Macs count serial dates from 1904; reading them as 1900 shifts every date 4 years. */
    private static boolean usesDate1904(XSSFReader reader) throws IOException, OpenXML4JException, SAXException {
        boolean[] date1904 = {false};
        try (InputStream workbook = reader.getWorkbookData()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String value = attributes.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    }
                }
            });
            parser.parse(new InputSource(workbook));
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new SAXException(e);
        }
        return date1904[0];
    }

    private static String reason(Throwable e, String sheetName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            // POI's zip-bomb guard: the file unpacks to far more than its size.
            if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max")) {
                return "the file unpacks to far more data than a workbook holds (a zip bomb?); it is not read";
            }
            if (t instanceof java.nio.file.AccessDeniedException) return "cannot read the file: permission denied";
        }
        return DAMAGED + (sheetName == null ? "" : ": sheet " + RowCells.quoted(sheetName) + " cannot be read");
    }

    /** Adapts POI's cell callbacks to whole rows keyed by column position. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowSink.SheetRows rows;
        private SortedMap<Integer, String> cells;
        private int nextColumn;

        RowCollector(RowSink.SheetRows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowIndex) {
            cells = new TreeMap<>();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowIndex) {
            rows.row(rowIndex + 1, cells);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            // The reference is optional in the file format; without one a cell follows the previous one. A reference
            // with no column letters ("7", "$") names no column (POI gives -1): it is placed the same way, never at -1.
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            if (column < 0) column = nextColumn;
            nextColumn = column + 1;
            if (value != null) cells.put(column, value);
        }
    }
}
