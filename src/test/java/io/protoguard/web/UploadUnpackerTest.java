package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upload kinds are told from bytes; zip entry names never become paths; a CSV zip bomb stops at the budget. */
class UploadUnpackerTest {
    @TempDir
    Path tmp;
    private final UploadUnpacker unpacker = new UploadUnpacker(1024 * 1024, 50);

    private UploadUnpacker.Unpacked unpack(byte[] bytes) throws Exception {
        Path original = Files.write(tmp.resolve("original"), bytes);
        return unpacker.unpack(original, "upload.zip", Files.createDirectories(tmp.resolve("scratch")));
    }

    @Test
    void xlsxIsRecognisedByItsContentNotItsName() throws Exception {
        UploadUnpacker.Unpacked u = unpack(ExampleWorkbooks.siteWorkbook());
        assertThat(u.kind()).isEqualTo(UploadUnpacker.Kind.XLSX);
        assertThat(u.readable().getFileName().toString()).isEqualTo(UploadUnpacker.WORKBOOK);
    }

    @Test
    void csvEntriesLandUnderFixedNamesInsideTheScratchFolder() throws Exception {
        UploadUnpacker.Unpacked u = unpack(ExampleWorkbooks.csvZip());
        assertThat(u.kind()).isEqualTo(UploadUnpacker.Kind.CSV_ZIP);
        assertThat(u.errors()).isEmpty();
        try (Stream<Path> all = Files.walk(tmp)) {
            assertThat(all.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()).toList())
                    .containsExactlyInAnyOrder("original", "scratch/csv/Subjects.csv", "scratch/csv/Criteria.csv",
                            "scratch/csv/Assessments.csv", "scratch/csv/Doses.csv");
        }
    }

    @Test
    void csvZipBombStopsAtTheBudget() throws Exception {
        UploadUnpacker.Unpacked u = unpack(ExampleWorkbooks.csvZipBomb(3));
        assertThat(u.readable()).isNull();
        assertThat(u.errors().get(0).message()).contains("expands to more than 1 MB");
    }

    @Test
    void otherBytesAndEmptyFilesAreExplained() throws Exception {
        assertThat(unpack("SubjectId,Site\n".getBytes()).errors().get(0).message()).contains("neither an .xlsx workbook nor a .zip");
        assertThat(unpack(new byte[0]).errors().get(0).message()).contains("empty");
    }

    @Test
    void displayNamesLoseTheirPathAndControlCharacters() {
        assertThat(UploadUnpacker.printable("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadUnpacker.printable("C:\\Users\\x\\site\u0007.xlsx")).isEqualTo("site.xlsx");
        assertThat(UploadUnpacker.printable(null)).isEqualTo("upload");
    }
}
