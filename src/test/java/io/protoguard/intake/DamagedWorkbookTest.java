package io.protoguard.intake;

import io.protoguard.model.InputError;
import io.protoguard.model.WorkbookData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.protoguard.intake.TestWorkbooks.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of damaged workbooks made from a good one: truncated at many offsets, bytes flipped, parts
 * missing or corrupt. Each is read without an exception, with no data kept, and with a message in words:
 * "the file is damaged or truncated (not a complete .xlsx)", naming the sheet when it is a sheet's XML.
 */
class DamagedWorkbookTest {

    static final Pattern JAVA_TEXT = io.protoguard.fuzz.Mutations.JAVA_TEXT;

    @TempDir
    Path dir;
    byte[] good;

    @BeforeEach
    void goodWorkbook() throws IOException {
        Path xlsx = writeXlsx(dir, "good.xlsx", book()
                .sheet("Subjects", row("SubjectId", "RandomizedAt"), row("S-1", "2026-03-01T10:00"), row("S-2", "2026-03-02T10:00"))
                .sheet("Criteria", row("SubjectId", "Criterion", "Value"), row("S-1", "LVO", "Y")));
        good = Files.readAllBytes(xlsx);
        assertThat(read(xlsx).subjects()).hasSize(2);
    }

    private WorkbookData readBytes(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return read(p);
    }

    private static void assertRefusedInWords(WorkbookData data, String name) {
        assertThat(data.subjects()).as(name).isEmpty();
        assertThat(data.errors()).as(name).isNotEmpty();
        for (InputError e : data.errors()) {
            assertThat(e.message()).as(name).doesNotContainPattern(JAVA_TEXT.pattern()).hasSizeLessThan(200);
        }
    }

    @Test
    void aWorkbookTruncatedAtAnyOffsetIsDamagedNeverAnException() throws IOException {
        List<Integer> cuts = new ArrayList<>();
        for (int cut = 0; cut < good.length; cut += Math.max(1, good.length / 60)) cuts.add(cut);
        // Cut after the last entry, inside the zip's directory: POI reads the entries anyway and said nothing.
        for (int k : new int[]{1, 10, 22, 60, 200}) cuts.add(good.length - k);
        for (int cut : cuts) {
            byte[] part = java.util.Arrays.copyOf(good, cut);
            WorkbookData data = readBytes("cut-" + cut + ".xlsx", part);
            assertRefusedInWords(data, "cut at " + cut);
            if (cut > 8) {
                assertThat(data.errors()).as("cut at " + cut).singleElement()
                        .satisfies(e -> assertThat(e.message()).startsWith("the file is damaged or truncated (not a complete .xlsx)"));
            }
        }
    }

    @Test
    void flippedBytesGiveAMessageInWordsOrAReadableWorkbook() throws IOException {
        Random random = new Random(14);
        for (int i = 0; i < 120; i++) {
            byte[] bytes = good.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
            WorkbookData data = readBytes("flip-" + i + ".xlsx", bytes);
            // A flip inside unused bytes (zip padding, a style) may leave the data readable; a damaged one is refused in words.
            for (InputError e : data.errors()) {
                assertThat(e.message()).as("flip " + i).doesNotContainPattern(JAVA_TEXT.pattern()).hasSizeLessThan(300);
            }
        }
    }

    @Test
    void aCorruptSheetIsNamed() throws IOException {
        byte[] bytes = rezip(entries -> entries.put("xl/worksheets/sheet1.xml",
                "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\""
                        .getBytes(StandardCharsets.UTF_8)));

        WorkbookData data = readBytes("corrupt-sheet.xlsx", bytes);

        assertRefusedInWords(data, "corrupt sheet");
        assertThat(data.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .isEqualTo("the file is damaged or truncated (not a complete .xlsx): sheet \"Subjects\" cannot be read"));
    }

    @Test
    void missingPartsAndACorruptCorePropertiesPartAreDamagedInWords() throws IOException {
        Map<String, byte[]> damaged = new LinkedHashMap<>();
        damaged.put("no-workbook", rezip(e -> e.remove("xl/workbook.xml")));
        damaged.put("no-sheet", rezip(e -> e.remove("xl/worksheets/sheet1.xml")));
        damaged.put("no-content-types", rezip(e -> e.remove("[Content_Types].xml")));
        damaged.put("no-rels", rezip(e -> e.remove("_rels/.rels")));
        damaged.put("no-shared-strings", rezip(e -> e.remove("xl/sharedStrings.xml")));
        damaged.put("bad-core", rezip(e -> e.put("docProps/core.xml", "<cp:coreProperties><oops".getBytes(StandardCharsets.UTF_8))));
        damaged.put("bad-workbook", rezip(e -> e.put("xl/workbook.xml", "not xml at all".getBytes(StandardCharsets.UTF_8))));
        damaged.put("bad-strings", rezip(e -> e.put("xl/sharedStrings.xml", "<sst><si><t>".getBytes(StandardCharsets.UTF_8))));
        damaged.put("bad-styles", rezip(e -> e.put("xl/styles.xml", "<styleSheet".getBytes(StandardCharsets.UTF_8))));
        List<String> notRefused = new ArrayList<>();
        for (var d : damaged.entrySet()) {
            WorkbookData data = readBytes(d.getKey() + ".xlsx", d.getValue());
            for (InputError e : data.errors()) {
                assertThat(e.message()).as(d.getKey()).doesNotContainPattern(JAVA_TEXT.pattern()).hasSizeLessThan(200);
            }
            if (data.errors().isEmpty()) notRefused.add(d.getKey());
        }
        // Core properties are metadata intake never reads; a workbook whose data parts are whole stays readable.
        assertThat(notRefused).doesNotContain("no-workbook", "no-sheet", "bad-workbook", "bad-strings");
    }

    interface Edit {
        void apply(Map<String, byte[]> entries);
    }

    private byte[] rezip(Edit edit) throws IOException {
        Map<String, byte[]> entries = io.protoguard.fuzz.Mutations.unzip(good);
        edit.apply(entries);
        return io.protoguard.fuzz.Mutations.zip(entries);
    }
}
