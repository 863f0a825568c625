package io.protoguard.intake;

import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Streams an .xlsx workbook sheet by sheet with SAX straight from the zip (XlsxPackage, XlsxSheetHandler), so
 * memory does not grow with the size of the sheets and neither POI's package model nor XMLBeans is loaded:
 * they were a third of a cold check (docs/benchmarks.md, round 4 profile). POI's zip-bomb limit is kept (XlsxPackage).
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

    /** What the user reads for any damage found: the exceptions' own text names classes and zip internals. */
    static final String DAMAGED = "the file is damaged or truncated (not a complete .xlsx)";

    void feed(RowSink sink) throws UnreadableWorkbook {
        checkIsXlsx();
        String sheetName = null;
        try (XlsxPackage pkg = new XlsxPackage(path)) {
            XlsxPackage.Workbook workbook = pkg.workbook();
            XlsxSharedStrings strings = XlsxSharedStrings.NONE;
            String stringsPart = pkg.related("sharedStrings");
            if (stringsPart != null) {
                try (InputStream in = pkg.open(stringsPart)) {
                    strings = XlsxSharedStrings.read(in);
                }
            }
            XlsxStyles styles = XlsxStyles.NONE;
            String stylesPart = pkg.related("styles");
            if (stylesPart != null) {
                try (InputStream in = pkg.open(stylesPart)) {
                    styles = XlsxStyles.read(in);
                }
            }
            IsoCellFormatter formatter = new IsoCellFormatter(workbook.date1904());
            for (XlsxPackage.Sheet sheet : workbook.sheets()) {
                sheetName = sheet.name();
                RowSink.SheetRows rows = sink.startSheet(file, sheetName);
                if (rows == null) continue;
                try (InputStream in = pkg.open(sheet.part())) {
                    XlsxXml.parse(in, new XlsxSheetHandler(rows, styles, strings, formatter));
                }
                rows.end();
            }
        } catch (IOException | SAXException | RuntimeException | StackOverflowError e) {
            // Damaged packages, zip bombs and bad XML come as many exception types, some unchecked, all worded
            // for programmers; the user gets what it means for the file, and where.
            throw new UnreadableWorkbook(reason(e, sheetName));
        }
    }

    /** An OLE2 compound file: an encrypted (password-protected) .xlsx or an Excel 97-2003 .xls. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    /** A zip's local file header: every .xlsx starts with one. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    private void checkIsXlsx() throws UnreadableWorkbook {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UnreadableWorkbook("cannot read the file: " + IoReasons.of(e));
        }
        if (startsWith(head, n, OLE2)) {
            throw new UnreadableWorkbook("is password-protected or an old Excel 97-2003 (.xls) file; "
                    + "save it as an unprotected .xlsx workbook");
        }
        if (!startsWith(head, n, ZIP)) {
            throw new UnreadableWorkbook("is not an .xlsx workbook (save it from Excel or LibreOffice as .xlsx)");
        }
        try {
            if (!hasEndOfZipDirectory()) throw new UnreadableWorkbook(DAMAGED);
        } catch (IOException e) {
            throw new UnreadableWorkbook("cannot read the file: " + IoReasons.of(e));
        }
    }

    private static boolean startsWith(byte[] head, int length, byte[] magic) {
        if (length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) if (head[i] != magic[i]) return false;
        return true;
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

    private static String reason(Throwable e, String sheetName) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            // The zip-bomb guard (XlsxPackage.ZipBomb): the file unpacks to far more than its size.
            if (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("exceeds the max")) {
                return "the file unpacks to far more data than a workbook holds (a zip bomb?); it is not read";
            }
            if (t instanceof java.nio.file.AccessDeniedException) return "cannot read the file: permission denied";
        }
        return DAMAGED + (sheetName == null ? "" : ": sheet " + RowCells.quoted(sheetName) + " cannot be read");
    }
}
