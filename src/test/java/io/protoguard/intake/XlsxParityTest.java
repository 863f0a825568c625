package io.protoguard.intake;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static io.protoguard.intake.TestWorkbooks.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake's own .xlsx reader (XlsxPackage, XlsxSheetHandler) gives every cell the text POI's event API gave it,
 * the reader it replaced: checked against POI itself on the shipped example, on workbooks POI writes, and on
 * hand-written parts with what POI's writer never produces (rich and phonetic runs, escapes, inline strings,
 * formulas, booleans, errors, missing references, 1904 dates, custom and missing styles).
 */
class XlsxParityTest {

    @TempDir
    Path dir;

    @Test
    void theShippedExampleReadsAsPoiReadIt() throws Exception {
        Path example = Path.of("examples/sivelestat-evt-site-XW01.xlsx");
        List<String> rows = ours(example);
        assertThat(rows).hasSizeGreaterThan(50).isEqualTo(poi(example));
    }

    @Test
    void aWorkbookPoiWroteReadsAsPoiReadIt() throws Exception {
        Path xlsx = writeXlsx(dir, "written.xlsx", WorkbookReaderFormatsTest.cleanBook());
        assertThat(ours(xlsx)).hasSizeGreaterThan(10).isEqualTo(poi(xlsx));
    }

    @Test
    void handWrittenCellsOfEveryKindReadAsPoiReadThem() throws Exception {
        Path xlsx = handWritten("kinds.xlsx", true, false);
        List<String> rows = ours(xlsx);
        assertThat(rows).isEqualTo(poi(xlsx));
        // What the cases mean, so that parity is not parity in nothing.
        assertThat(rows).contains(
                "Subjects|1|{0=SubjectId, 1=Name, 2=When, 3=Flag, 4=Err, 5=Num, 6=Calc}",
                "Subjects|2|{0=S-1, 2=2026-03-01T10:30, 3=TRUE, 4=ERROR:#N/A, 5=4.5, 6=2026-03-02}",
                "Subjects|3|{0=S-2\r, 1=in line, 2=2026-03-03, 3=FALSE, 4=70, 6=text result}",
                "Subjects|7|{0=S-3, 1=Anna Bell ア, 2=12:00, 3=placed after, 5=1E3}");
    }

    @Test
    void a1904WorkbookWithoutStylesReadsAsPoiReadIt() throws Exception {
        Path xlsx = handWritten("mac.xlsx", false, true);
        List<String> rows = ours(xlsx);
        assertThat(rows).isEqualTo(poi(xlsx));
        assertThat(rows).contains("Subjects|2|{0=S-1, 2=46082.4375, 3=TRUE, 4=ERROR:#N/A, 5=4.50, 6=46083}");
    }

    @Test
    void everyCellReferenceNamesThePoiColumn() {
        List<String> refs = new ArrayList<>(List.of("A1", "Z9", "AA10", "AZ1", "BA1", "ZZ99", "AAA1", "XFD1048576",
                "a1", "$A$1", "A$1", "7", "$", "ABCD1", "A", "A1B", "Sheet1!B2"));
        for (int c = 0; c < 18_278; c += 7) refs.add(CellReference.convertNumToColString(c) + (c + 1));
        for (String ref : refs) {
            int poi;
            try {
                poi = new CellReference(ref).getCol();
            } catch (RuntimeException e) {
                poi = Integer.MIN_VALUE;
            }
            int ours;
            try {
                ours = XlsxSheetHandler.column(ref);
            } catch (RuntimeException e) {
                ours = Integer.MIN_VALUE;
            }
            assertThat(ours).as(ref).isEqualTo(poi);
        }
    }

    private Path handWritten(String name, boolean withStyles, boolean date1904) throws Exception {
        Map<String, String> parts = new LinkedHashMap<>();
        String ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + (withStyles ? "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>" : "")
                + "</Types>");
        parts.put("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
        parts.put("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"/xl/sharedStrings.xml\"/>"
                + (withStyles ? "<Relationship Id=\"rId3\" Type=\"" + rel + "/styles\" Target=\"styles.xml\"/>" : "")
                + "</Relationships>");
        parts.put("xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + ns + " xmlns:r=\"" + rel + "\">"
                + (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets><sheet name=\"Subjects\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
        parts.put("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst " + ns + " count=\"9\" uniqueCount=\"9\">"
                + "<si><t>SubjectId</t></si><si><t>Name</t></si><si><t>When</t></si><si><t>Flag</t></si><si><t>Err</t></si>"
                + "<si><t>Num</t></si><si><t>Calc</t></si>"
                + "<si><r><t>Anna </t></r><r><rPr><b/></rPr><t>Bell</t></r><rPh sb=\"0\" eb=\"1\"><t>ア</t></rPh></si>"
                + "<si><t>S-2_x000D_</t></si></sst>");
        if (withStyles) {
            parts.put("xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + ns + ">"
                    + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd hh:mm\"/></numFmts>"
                    + "<cellStyleXfs count=\"1\"><xf numFmtId=\"14\"/></cellStyleXfs>"
                    + "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"14\"/><xf/></cellXfs>"
                    + "<dxfs count=\"1\"><dxf><numFmt numFmtId=\"0\" formatCode=\"yyyy\"/></dxf></dxfs></styleSheet>");
        }
        parts.put("xl/worksheets/sheet1.xml", "<?xml version=\"1.0\"?><worksheet " + ns + " xmlns:x=\"urn:other\"><sheetData>"
                + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c>"
                + "<c r=\"D1\" t=\"s\"><v>3</v></c><c r=\"E1\" t=\"s\"><v>4</v></c><c r=\"F1\" t=\"s\"><v>5</v></c><c r=\"G1\" t=\"s\"><v>6</v></c></row>"
                + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>S-1</t></is></c><c r=\"B2\" t=\"s\"><v> 7 </v></c>"
                + "<c r=\"C2\" s=\"1\"><v>46082.4375</v></c><c r=\"D2\" t=\"b\"><v>1</v></c><c r=\"E2\" t=\"e\"><v>#N/A</v></c>"
                + "<c r=\"F2\"><v>4.50</v></c><c r=\"G2\" s=\"2\"><f>C2+1</f><v>46083</v></c></row>"
                + "<row><c t=\"s\"><v>8</v></c><c t=\"inlineStr\"><is><r><t>in </t></r><r><t>line</t></r></is></c>"
                + "<c s=\"2\"><v>46084</v></c><c t=\"b\"><v>0</v></c><x:c><x:v>ignored</x:v></x:c><c s=\"0\"><v>70</v></c>"
                + "<c r=\"G3\" t=\"str\"><f>\"text \"&amp;\"result\"</f><v>text result</v></c></row>"
                + "<row r=\"7\"><c r=\"A7\" t=\"inlineStr\"><is><t>S-3</t></is></c><c r=\"B7\" t=\"s\"><v>7</v></c><c r=\"C7\" s=\"2\"><v>0.5</v></c>"
                + "<c r=\"7\" t=\"inlineStr\"><is><t>placed after</t></is></c><c r=\"F7\" s=\"9\"><v>1E3</v></c><c r=\"G7\"/></row>"
                + "</sheetData></worksheet>");
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        parts.forEach((k, v) -> bytes.put(k, v.getBytes(StandardCharsets.UTF_8)));
        Path path = dir.resolve(name);
        Files.write(path, io.protoguard.fuzz.Mutations.zip(bytes));
        return path;
    }

    /** Every row of every sheet through intake's reader, as "sheet|row|{column=text}". */
    private static List<String> ours(Path xlsx) throws Exception {
        List<String> rows = new ArrayList<>();
        new XlsxRowSource(xlsx, xlsx.getFileName().toString()).feed(new RowSink() {
            @Override
            public SheetRows startSheet(String file, String sheetName) {
                return new SheetRows() {
                    @Override
                    public void row(int rowNumber, SortedMap<Integer, String> cells) {
                        rows.add(sheetName + "|" + rowNumber + "|" + cells);
                    }

                    @Override
                    public void unreadableRow(int rowNumber, String message) {
                        rows.add(sheetName + "|" + rowNumber + "|unreadable " + message);
                    }

                    @Override
                    public void end() {
                    }
                };
            }

            @Override
            public void fileError(String file, String sheet, String message) {
                rows.add("error " + message);
            }

            @Override
            public void fileWarning(String file, String message) {
                rows.add("warning " + message);
            }
        });
        return rows;
    }

    /** The same through POI's event API, configured as intake used it before (formula values, ISO dates). */
    private static List<String> poi(Path xlsx) throws Exception {
        List<String> rows = new ArrayList<>();
        try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            boolean date1904;
            try (InputStream wb = reader.getWorkbookData()) {
                date1904 = new String(wb.readAllBytes(), StandardCharsets.UTF_8).contains("date1904=\"1\"");
            }
            IsoCellFormatter iso = new IsoCellFormatter(date1904);
            DataFormatter formatter = new DataFormatter() {
                @Override
                public String formatRawCellContents(double value, int formatIndex, String formatString) {
                    return iso.format(value, formatIndex, formatString);
                }
            };
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    String name = sheets.getSheetName();
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                            new XSSFSheetXMLHandler.SheetContentsHandler() {
                                private SortedMap<Integer, String> cells;
                                private int next;

                                @Override
                                public void startRow(int rowNum) {
                                    cells = new TreeMap<>();
                                    next = 0;
                                }

                                @Override
                                public void endRow(int rowNum) {
                                    rows.add(name + "|" + (rowNum + 1) + "|" + cells);
                                }

                                @Override
                                public void cell(String ref, String value, XSSFComment comment) {
                                    int col = ref == null ? next : new CellReference(ref).getCol();
                                    if (col < 0) col = next;
                                    next = col + 1;
                                    if (value != null) cells.put(col, value);
                                }
                            }, formatter, false));
                    parser.parse(new InputSource(sheet));
                }
            }
        }
        return rows;
    }
}
