package io.protoguard.intake;

import io.protoguard.fuzz.Mutations;
import io.protoguard.model.WorkbookData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.protoguard.intake.TestWorkbooks.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guards intake's own .xlsx reader keeps from POI: the file kind told from its first bytes, the zip-bomb
 * limit, and XML without DOCTYPEs (no external entities). Each refusal is one error in words, and no subject.
 */
class XlsxGuardsTest {

    @TempDir
    Path dir;

    private Map<String, byte[]> goodParts() throws Exception {
        Path xlsx = writeXlsx(dir, "good.xlsx", book()
                .sheet("Subjects", row("SubjectId", "RandomizedAt"), row("S-1", "2026-03-01T10:00")));
        assertThat(read(xlsx).subjects()).hasSize(1);
        return Mutations.unzip(Files.readAllBytes(xlsx));
    }

    private WorkbookData readBytes(String name, byte[] bytes) throws Exception {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return read(p);
    }

    private static void assertRefused(WorkbookData data, String message) {
        assertThat(data.subjects()).isEmpty();
        assertThat(data.errors()).singleElement().satisfies(e -> assertThat(e.message()).isEqualTo(message));
    }

    @Test
    void aSheetThatUnpacksToFarMoreThanItsSizeIsAZipBomb() throws Exception {
        Map<String, byte[]> parts = goodParts();
        String sheet = new String(parts.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        // 20 MB of blanks between two elements: legal XML, stored in a few KB.
        parts.put("xl/worksheets/sheet1.xml", sheet.replace("<sheetData>", "<sheetData>" + " ".repeat(20_000_000))
                .getBytes(StandardCharsets.UTF_8));

        assertRefused(readBytes("bomb.xlsx", Mutations.zip(parts)),
                "the file unpacks to far more data than a workbook holds (a zip bomb?); it is not read");
    }

    @Test
    void aSheetWithADoctypeIsRefusedAndItsEntitiesNeverRead() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "S-SECRET");
        Map<String, byte[]> parts = goodParts();
        String sheet = new String(parts.get("xl/worksheets/sheet1.xml"), StandardCharsets.UTF_8);
        String hostile = sheet.replaceFirst("<worksheet", "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]><worksheet").replace("S-1", "&x;");
        parts.put("xl/worksheets/sheet1.xml", hostile.getBytes(StandardCharsets.UTF_8));

        WorkbookData data = readBytes("xxe.xlsx", Mutations.zip(parts));

        assertRefused(data, "the file is damaged or truncated (not a complete .xlsx): sheet \"Subjects\" cannot be read");
    }

    @Test
    void anOldExcelOrEncryptedFileIsToldFromItsFirstBytes() throws Exception {
        byte[] ole2 = new byte[512];
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        System.arraycopy(magic, 0, ole2, 0, magic.length);

        assertRefused(readBytes("old.xlsx", ole2), "is password-protected or an old Excel 97-2003 (.xls) file; "
                + "save it as an unprotected .xlsx workbook");
        assertRefused(readBytes("text.xlsx", "SubjectId,Site\nS-1,12\n".getBytes(StandardCharsets.UTF_8)),
                "is not an .xlsx workbook (save it from Excel or LibreOffice as .xlsx)");
        assertRefused(readBytes("empty.xlsx", new byte[0]),
                "is not an .xlsx workbook (save it from Excel or LibreOffice as .xlsx)");
    }
}
