package io.protoguard.intake;

import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The parts of an .xlsx package intake reads, found the way Excel and POI find them: the package's
 * relationships name the workbook, the workbook's relationships name its sheets, styles and shared strings.
 * Read straight from the zip with the JDK, so a check loads neither POI's package model nor XMLBeans
 * (a third of a cold check's time in the profile of docs/benchmarks.md, round 4).
 */
final class XlsxPackage implements AutoCloseable {

    /** A part is missing or cannot be resolved; the caller turns this into the "damaged" message. */
    static final class MissingPart extends IOException {
        MissingPart(String part) {
            super("missing part " + part);
        }
    }

    /** Thrown when a part unpacks to far more than it is stored as; its message is what the user reads. */
    static final class ZipBomb extends IOException {
        ZipBomb() {
            super("zip bomb");
        }
    }

    /** One sheet of the workbook, in workbook order: its name as the user sees it and its zip entry. */
    record Sheet(String name, String part) {}

    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    static final String MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    /** The relationships POI's sheet iterator followed: worksheets, chart sheets and macro sheets. */
    private static final List<String> SHEET_TYPES = List.of(REL + "worksheet", REL + "chartsheet",
            "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet");
    /** POI's zip-bomb guard, kept: past 100 KB a part may not unpack to more than 100 times its stored size. */
    private static final long GRACE_BYTES = 100_000;
    private static final double MAX_RATIO = 100;

    private final ZipFile zip;
    private final String workbookPart;
    private final Map<String, String> workbookRels = new LinkedHashMap<>();
    private final Map<String, String> workbookRelTypes = new LinkedHashMap<>();

    XlsxPackage(Path path) throws IOException, SAXException {
        zip = new ZipFile(path.toFile());
        try {
            // A package without its content types is not a package (POI refused it too).
            if (zip.getEntry("[Content_Types].xml") == null) throw new MissingPart("[Content_Types].xml");
            String found = null;
            for (String[] r : relationships("")) {
                if ((REL + "officeDocument").equals(r[1])) {
                    found = resolve("/", r[2]);
                    break;
                }
            }
            if (found == null) throw new MissingPart("workbook");
            workbookPart = found;
            for (String[] r : relationships(workbookPart)) {
                String target = resolve(workbookPart, r[2]);
                workbookRels.put(r[0], target);
                workbookRelTypes.put(r[0], r[1]);
            }
        } catch (IOException | SAXException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    String workbookPart() {
        return workbookPart;
    }

    /** The first part the workbook relates with this type ("styles", "sharedStrings"), or null. */
    String related(String type) {
        for (var e : workbookRelTypes.entrySet()) {
            if ((REL + type).equals(e.getValue())) return workbookRels.get(e.getKey());
        }
        return null;
    }

    /** The sheets in workbook order, and whether dates count from 1904; a sheet with no part is damage. */
    record Workbook(List<Sheet> sheets, boolean date1904) {}

    Workbook workbook() throws IOException, SAXException {
        List<Sheet> sheets = new ArrayList<>();
        boolean[] date1904 = {false};
        List<String[]> refs = new ArrayList<>();
        try (InputStream in = open(workbookPart)) {
            XlsxXml.parse(in, new DefaultHandler() {
                // Matched by local name in any namespace, as POI's workbook reader and sheet iterator matched them.
                @Override
                public void startElement(String uri, String localName, String qName, Attributes a) {
                    if ("workbookPr".equals(localName)) {
                        String value = a.getValue("date1904");
                        date1904[0] = "1".equals(value) || "true".equalsIgnoreCase(value);
                    } else if ("sheet".equalsIgnoreCase(localName)) {
                        String name = null;
                        String id = null;
                        for (int i = 0; i < a.getLength() && (name == null || id == null); i++) {
                            if ("name".equalsIgnoreCase(a.getLocalName(i))) name = a.getValue(i);
                            else if ("id".equalsIgnoreCase(a.getLocalName(i))) id = a.getValue(i);
                        }
                        if (name != null && id != null) refs.add(new String[]{name, id});
                    }
                }
            });
        }
        for (String[] ref : refs) {
            if (ref[1] == null || ref[1].isEmpty()) continue; // no relationship: not a sheet POI read either
            String type = workbookRelTypes.get(ref[1]);
            if (type == null || !SHEET_TYPES.contains(type)) continue;
            String part = workbookRels.get(ref[1]);
            if (zip.getEntry(part) == null) throw new MissingPart(part);
            sheets.add(new Sheet(ref[0], part));
        }
        return new Workbook(sheets, date1904[0]);
    }

    /** A part's bytes as stored, unpacked, with POI's zip-bomb limit. */
    InputStream open(String part) throws IOException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) throw new MissingPart(part);
        long stored = Math.max(entry.getCompressedSize(), 1);
        return new FilterInputStream(zip.getInputStream(entry)) {
            private long read;

            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) count(1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) count(n);
                return n;
            }

            private void count(int n) throws ZipBomb {
                read += n;
                if (read > GRACE_BYTES && read > stored * MAX_RATIO) throw new ZipBomb();
            }
        };
    }

    /** Id, type and target of each relationship of a part ("" for the package itself), internal ones only. */
    private List<String[]> relationships(String part) throws IOException, SAXException {
        int slash = part.lastIndexOf('/');
        String relsPart = part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
        List<String[]> rels = new ArrayList<>();
        if (zip.getEntry(relsPart) == null) throw new MissingPart(relsPart);
        try (InputStream in = open(relsPart)) {
            XlsxXml.parse(in, new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes a) {
                    if (!"Relationship".equals(localName) || "External".equals(a.getValue("TargetMode"))) return;
                    rels.add(new String[]{a.getValue("Id"), a.getValue("Type"), a.getValue("Target")});
                }
            });
        }
        return rels;
    }

    /** The zip entry a relationship's target names, relative to the part that holds the relationship. */
    private static String resolve(String fromPart, String target) throws MissingPart {
        if (target == null) throw new MissingPart("(no target)");
        try {
            URI base = new URI(null, null, fromPart.startsWith("/") ? fromPart : "/" + fromPart, null);
            String path = base.resolve(new URI(target)).normalize().getPath();
            if (path == null || path.contains("..")) throw new MissingPart(target);
            return path.startsWith("/") ? path.substring(1) : path;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new MissingPart(target);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
