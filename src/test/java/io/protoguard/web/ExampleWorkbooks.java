package io.protoguard.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Small sivelestat-evt data workbooks for the web tests, written here so the tests depend on no example
 * file. S-01 is clean except a late H48 NIHSS (60:01 h, VISIT_WINDOW); S-02 died on day 18 after its
 * baseline, so its later windows are expected empty.
 */
final class ExampleWorkbooks {
    private ExampleWorkbooks() {}

    static final List<List<Object>> SUBJECTS = List.of(
            List.of("SubjectId", "Sex", "Age", "WeightKg", "ConsentAt", "OnsetAt", "RandomizedAt", "DiedAt"),
            List.of("S-01", "M", 60, 70, "2026-03-01T07:00", "2026-03-01T02:00", "2026-03-01T08:00", ""),
            List.of("S-02", "F", 71, 65, "2026-03-02T07:00", "2026-03-02T01:00", "2026-03-02T09:00", "2026-03-20"));
    static final List<List<Object>> CRITERIA = List.of(List.of("SubjectId", "Criterion", "Value"),
            List.of("S-01", "LVO", "Y"), List.of("S-01", "EVT", "Y"), List.of("S-02", "LVO", "Y"), List.of("S-02", "EVT", "Y"));
    static final List<List<Object>> ASSESSMENTS = List.of(List.of("SubjectId", "Visit", "Test", "PerformedAt", "Value"),
            List.of("S-01", "BASELINE", "NIHSS", "2026-03-01T07:30", 12),
            List.of("S-01", "IMG48", "IMAGING", "2026-03-02T08:00", "NONE"),
            List.of("S-01", "H48", "NIHSS", "2026-03-03T20:01", 7),
            List.of("S-01", "D7", "NIHSS", "2026-03-08T09:00", 5),
            List.of("S-01", "D90", "MRS", "2026-05-30", 1),
            List.of("S-01", "D90", "EQ5D5L", "2026-05-30", 7),
            List.of("S-01", "D90", "BARTHEL", "2026-05-30", 95),
            List.of("S-02", "BASELINE", "NIHSS", "2026-03-02T08:30", 15),
            List.of("S-02", "IMG48", "IMAGING", "2026-03-03T08:00", "NONE"),
            List.of("S-02", "H48", "NIHSS", "2026-03-04T09:00", 14),
            List.of("S-02", "D7", "NIHSS", "2026-03-09T10:00", 13));
    static final List<List<Object>> DOSES = List.of(List.of("SubjectId", "Treatment", "StartAt", "EndAt", "Dose", "Unit"),
            List.of("S-01", "SIVELESTAT", "2026-03-01T09:00", "2026-03-06T09:00", 1680, "mg"),
            List.of("S-02", "SIVELESTAT", "2026-03-02T10:00", "2026-03-07T10:00", 1560, "mg"));

    static byte[] siteWorkbook() throws IOException {
        return workbook(SUBJECTS, CRITERIA, ASSESSMENTS, DOSES);
    }

    /** The same data, with a formula-looking subject id and a real formula cell, to prove reports neutralise them. */
    static byte[] withFormulas() throws IOException {
        List<List<Object>> subjects = List.of(SUBJECTS.get(0),
                List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "M", 60, 70, "2026-03-01T07:00", "2026-03-01T02:00", "2026-03-01T08:00", ""));
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(wb, "Subjects", subjects);
            sheet(wb, "Criteria", List.of(CRITERIA.get(0)));
            Sheet a = sheet(wb, "Assessments", List.of(ASSESSMENTS.get(0)));
            Row r = a.createRow(1);
            r.createCell(0).setCellValue(subjects.get(1).get(0).toString());
            r.createCell(1).setCellValue("BASELINE");
            r.createCell(2).setCellValue("NIHSS");
            r.createCell(3).setCellValue("2026-03-01T07:30");
            r.createCell(4).setCellFormula("6*7"); // no cached value: must never be evaluated by us
            wb.write(out);
            return out.toByteArray();
        }
    }

    @SafeVarargs
    static byte[] workbook(List<List<Object>> subjects, List<List<Object>> criteria, List<List<Object>> assessments,
                           List<List<Object>>... doses) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            sheet(wb, "Subjects", subjects);
            sheet(wb, "Criteria", criteria);
            sheet(wb, "Assessments", assessments);
            for (List<List<Object>> d : doses) sheet(wb, "Doses", d);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static Sheet sheet(XSSFWorkbook wb, String name, List<List<Object>> rows) {
        Sheet sheet = wb.createSheet(name);
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof Number n) row.createCell(c).setCellValue(n.doubleValue());
                else if (!v.toString().isEmpty()) row.createCell(c).setCellValue(v.toString());
            }
        }
        return sheet;
    }

    /** The site data as a zip of CSV files, the other upload format. */
    static byte[] csvZip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            csv(zip, "export/Subjects.csv", SUBJECTS);
            csv(zip, "export/Criteria.csv", CRITERIA);
            csv(zip, "export/Assessments.csv", ASSESSMENTS);
            csv(zip, "../../Doses.csv", DOSES); // a hostile entry name: must land as Doses.csv in the scratch folder, nowhere else
        }
        return bytes.toByteArray();
    }

    private static void csv(ZipOutputStream zip, String name, List<List<Object>> rows) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        for (List<Object> row : rows) {
            zip.write((String.join(",", row.stream().map(Object::toString).toList()) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        zip.closeEntry();
    }

    /** A valid workbook whose first sheet inflates to 30 MB of blanks from a few kilobytes: POI must refuse it. */
    static byte[] xlsxZipBomb() throws IOException {
        byte[] valid = siteWorkbook();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(valid));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(in.readAllBytes());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    byte[] blanks = new byte[1024 * 1024];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 30; i++) out.write(blanks); // whitespace after the root element is legal XML
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The site workbook with a Site column: subject i at {@code sites[i]}. */
    static byte[] withSites(String... sites) throws IOException {
        List<List<Object>> subjects = new java.util.ArrayList<>();
        for (int i = 0; i < SUBJECTS.size(); i++) {
            List<Object> row = new java.util.ArrayList<>(SUBJECTS.get(i));
            row.add(1, i == 0 ? "Site" : sites[Math.min(i - 1, sites.length - 1)]);
            subjects.add(row);
        }
        return workbook(subjects, CRITERIA, ASSESSMENTS, DOSES);
    }

    /** A valid workbook whose workbook.xml declares a DOCTYPE with an external entity (an XXE attempt). */
    static byte[] withDoctype() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(siteWorkbook()));
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] content = in.readAllBytes();
                if (e.getName().equals("xl/workbook.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
                    xml = xml.substring(0, afterDeclaration) + "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                            + xml.substring(afterDeclaration);
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip whose Subjects.csv inflates to {@code megabytes} MB of zeros. */
    static byte[] csvZipBomb(int megabytes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("Subjects.csv"));
            byte[] zeros = new byte[1024 * 1024];
            java.util.Arrays.fill(zeros, (byte) '0');
            for (int i = 0; i < megabytes; i++) zip.write(zeros);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
