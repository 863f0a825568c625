package io.protoguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.intake.sdtm.SdtmStudyReader;
import io.protoguard.mapping.SdtmMapping;
import io.protoguard.model.CheckContext;
import io.protoguard.model.SubjectData;
import io.protoguard.protocol.LoadedProtocol;
import io.protoguard.protocol.ProtocolLoader;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zip of SDTM domains is an upload of its own kind, and the timeline draws the visits done in their windows. */
class SdtmUploadTest {
    @TempDir
    Path tmp;

    private static Path pilot() {
        for (String p : new String[] {"../shared/real-data/cdiscpilot01-sdtm", "/work/shared/real-data/cdiscpilot01-sdtm"}) {
            if (Files.isDirectory(Path.of(p))) return Path.of(p);
        }
        throw new IllegalStateException("the CDISC pilot data is not at ../shared/real-data");
    }

    @Test
    void aZipOfXptDomainsIsUnpackedUnderItsOwnCheckedNames() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            for (String f : List.of("dm.xpt", "sv.xpt", "ds.xpt")) {
                z.putNextEntry(new ZipEntry("study/" + f));
                Files.copy(pilot().resolve(f), z);
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("../../etc/define.xml"));
            z.write("<xml/>".getBytes());
            z.closeEntry();
        }
        Path original = Files.write(tmp.resolve("original"), bytes.toByteArray());
        UploadUnpacker.Unpacked u = new UploadUnpacker(50L * 1024 * 1024, 50).unpack(original, "pilot.zip", Files.createDirectories(tmp.resolve("scratch")));
        assertThat(u.kind()).isEqualTo(UploadUnpacker.Kind.SDTM_ZIP);
        assertThat(u.errors()).isEmpty();
        assertThat(u.warnings()).hasSize(1).allMatch(w -> w.message().contains("define.xml") && w.message().contains("ignored"));
        try (Stream<Path> all = Files.walk(tmp.resolve("scratch"))) {
            assertThat(all.filter(Files::isRegularFile).map(p -> tmp.relativize(p).toString()).toList())
                    .containsExactlyInAnyOrder("scratch/sdtm/dm.xpt", "scratch/sdtm/sv.xpt", "scratch/sdtm/ds.xpt");
        }
    }

    @Test
    void theTimelineDrawsEachVisitInItsWindowAndOthersAsUnscheduled() throws Exception {
        LoadedProtocol protocol = new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables", "cdiscpilot01"));
        SubjectData first = new SdtmStudyReader(SdtmMapping.standard(), ZoneId.of("UTC")).read(pilot()).data().subjects().get(0);
        assertThat(first.subjectId()).isEqualTo("01-701-1015");
        SubjectTimeline t = new TimelineBuilder(protocol, new CheckContext(LocalDate.of(2015, 1, 1), ZoneId.of("UTC"))).build(first);
        SubjectTimeline.Lane week16 = t.lanes().stream().filter(l -> "WEEK 16".equals(l.visit())).findFirst().orElseThrow();
        // RFSTDTC 2014-01-02 is day 1 (position 0); WEEK 16 is study day 107 to 117: positions 106 to 117
        assertThat(week16.from()).isEqualTo(106.0);
        assertThat(week16.to()).isEqualTo(117.0);
        assertThat(week16.dots()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("OUT")); // 2014-05-07, study day 126
        SubjectTimeline.Lane week2 = t.lanes().stream().filter(l -> "WEEK 2".equals(l.visit())).findFirst().orElseThrow();
        assertThat(week2.dots()).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo("IN"));
        SubjectTimeline.Lane unscheduled = t.lanes().stream().filter(l -> l.visit() == null).findFirst().orElseThrow();
        assertThat(unscheduled.dots()).extracting(SubjectTimeline.Dot::value).contains("SCREENING 1", "AMBUL ECG PLACEMENT");
    }
}
