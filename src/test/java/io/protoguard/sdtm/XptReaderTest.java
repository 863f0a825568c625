package io.protoguard.sdtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.protoguard.intake.sdtm.IbmFloat;
import io.protoguard.intake.sdtm.SdtmInputException;
import io.protoguard.intake.sdtm.SdtmRecord;
import io.protoguard.intake.sdtm.SdtmWriters;
import io.protoguard.intake.sdtm.SdtmWriters.Domain;
import io.protoguard.intake.sdtm.SdtmWriters.Variable;
import io.protoguard.intake.sdtm.XptReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The SAS XPORT v5 reader on the CDISC pilot's files and on files encoded here, value by value. */
class XptReaderTest {

    private static List<SdtmRecord> read(String name, byte[] bytes) throws SdtmInputException {
        List<SdtmRecord> out = new ArrayList<>();
        int n = XptReader.read(name, new ByteArrayInputStream(bytes), out::add);
        assertThat(n).isEqualTo(out.size());
        return out;
    }

    private static byte[] pilot(String file) throws Exception {
        return Files.readAllBytes(PilotData.xpt().resolve(file));
    }

    @Test
    void everyPilotFileIsReadWhole() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        for (String f : List.of("dm", "ds", "ex", "se", "sv", "ta", "te", "ti", "ts", "tv")) {
            List<SdtmRecord> records = read(f + ".xpt", pilot(f + ".xpt"));
            counts.put(f, records.size());
            assertThat(records).allMatch(r -> r.domain().equals(f.toUpperCase()));
            assertThat(records.get(records.size() - 1).row()).isEqualTo(records.size());
        }
        // the README's counts: 306 subjects, 3,559 visits; the others as SAS reports them
        assertThat(counts).containsEntry("dm", 306).containsEntry("sv", 3559).containsEntry("ds", 596)
                .containsEntry("ex", 591).containsEntry("tv", 21).containsEntry("ti", 31).containsEntry("ta", 8);
    }

    @Test
    void exdoseZeroIsZeroNotAnUnderflowedIbmFloat() throws Exception {
        List<SdtmRecord> ex = read("ex.xpt", pilot("ex.xpt"));
        Map<String, Integer> byDose = new TreeMap<>();
        for (SdtmRecord r : ex) byDose.merge(r.values().get("EXTRT") + " " + r.values().get("EXDOSE"), 1, Integer::sum);
        assertThat(byDose).containsOnlyKeys("PLACEBO 0.0", "XANOMELINE 54.0", "XANOMELINE 81.0");
        assertThat(byDose.get("PLACEBO 0.0")).isEqualTo(226);
        SdtmRecord first = ex.get(0);
        assertThat(first.values()).containsEntry("USUBJID", "01-701-1015").containsEntry("EXSEQ", 1.0)
                .containsEntry("EXSTDTC", "2014-01-02").containsEntry("VISITNUM", 3.0);
    }

    @Test
    void missingNumbersAndPaddedTextInThePilot() throws Exception {
        List<SdtmRecord> tv = read("tv.xpt", pilot("tv.xpt"));
        SdtmRecord followUp = tv.stream().filter(r -> r.text("VISIT").equals("AE FOLLOW-UP")).findFirst().orElseThrow();
        assertThat(followUp.values().get("VISITDY")).isNull();
        assertThat(followUp.values()).containsEntry("VISITNUM", 101.0).containsEntry("ARMCD", "");
        SdtmRecord week10 = tv.stream().filter(r -> r.text("VISIT").equals("WEEK 10 (T)")).findFirst().orElseThrow();
        assertThat(week10.values()).containsEntry("VISITNUM", 8.1).containsEntry("VISITDY", 70.0);
    }

    @Test
    void valuesEncodedHereComeBackExactly() throws Exception {
        double[] values = {0, 1, -1, 54, 81, 0.1, 8.1, -0.5, 1e-5, 123456.789, 16, 1.0 / 3, 1e60, -2.5e-60};
        List<List<Object>> rows = new ArrayList<>();
        for (double v : values) rows.add(Arrays.asList("A" + v, v, v));
        rows.add(Arrays.asList("", null, 54.0));
        Domain d = new Domain("NUM", "numbers", List.of(new Variable("NAME", false, 30), new Variable("X", true, 8),
                new Variable("SHORT", true, 4)), rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SdtmWriters.xpt(List.of(d), out);
        assertThat(out.size() % 80).isZero();
        List<SdtmRecord> back = read("num.xpt", out.toByteArray());
        assertThat(back).hasSize(values.length + 1);
        for (int i = 0; i < values.length; i++) {
            assertThat((Double) back.get(i).values().get("X")).as("value %s", values[i]).isEqualTo(values[i]);
            assertThat(back.get(i).values().get("NAME")).isEqualTo("A" + values[i]);
        }
        // a 4-byte number keeps 24 bits of fraction: integers and 0 stay exact
        assertThat(back.get(values.length).values()).containsEntry("X", null).containsEntry("SHORT", 54.0).containsEntry("NAME", "");
        assertThat(back.get(0).values()).containsEntry("SHORT", 0.0);
    }

    @Test
    void everySasMissingValueIsMissingAndOnlyThose() {
        for (char c : ("._" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ").toCharArray()) {
            byte[] b = new byte[8];
            b[0] = (byte) c;
            assertThat(IbmFloat.decode(b, 0, 8)).as("missing .%s", c).isNull();
        }
        byte[] notMissing = {0x41, 0x10, 0, 0, 0, 0, 0, 0}; // 'A' followed by a fraction: the number 1
        assertThat(IbmFloat.decode(notMissing, 0, 8)).isEqualTo(1.0);
        assertThat(IbmFloat.decode(new byte[8], 0, 8)).isEqualTo(0.0);
        byte[] half = {(byte) 0xC0, (byte) 0x80, 0, 0, 0, 0, 0, 0}; // sign, exponent 0, fraction 0.5
        assertThat(IbmFloat.decode(half, 0, 8)).isEqualTo(-0.5);
    }

    @Test
    void severalMembersInOneFileAndPaddingAfterShortRecords() throws Exception {
        Domain a = new Domain("AA", "", List.of(new Variable("V", false, 3)), List.of(List.of("x"), List.of("y"), List.of("z")));
        Domain b = new Domain("BB", "", List.of(new Variable("N", true, 8)), List.of(Arrays.asList(2.0)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SdtmWriters.xpt(List.of(a, b), out);
        List<SdtmRecord> back = read("two.xpt", out.toByteArray());
        assertThat(back).extracting(r -> r.domain() + ":" + r.row() + ":" + r.text(r.domain().equals("AA") ? "V" : "N"))
                .containsExactly("AA:1:x", "AA:2:y", "AA:3:z", "BB:1:2");
    }

    @Test
    void aTruncatedFileNamesTheFileAndTheRecord() throws Exception {
        byte[] sv = pilot("sv.xpt");
        // cut inside the data: the NAMESTR block ends well before byte 10,000
        byte[] cut = Arrays.copyOf(sv, 10_000 + 17);
        List<SdtmRecord> got = new ArrayList<>();
        assertThatThrownBy(() -> XptReader.read("sv.xpt", new ByteArrayInputStream(cut), got::add))
                .isInstanceOf(SdtmInputException.class)
                .hasMessageStartingWith("sv.xpt: is truncated: record " + (got.size() + 1) + " of SV")
                .satisfies(e -> assertThat(((SdtmInputException) e).record()).isEqualTo(got.size() + 1));
        assertThat(got).isNotEmpty();
    }

    @Test
    void aFileCutInsideItsHeadersOrNotXportSaysSo() throws Exception {
        byte[] dm = pilot("dm.xpt");
        assertThatThrownBy(() -> read("dm.xpt", Arrays.copyOf(dm, 500)))
                .hasMessageContaining("dm.xpt: ").hasMessageContaining("header record");
        byte[] notXpt = "STUDYID,DOMAIN\nX,DM\n".getBytes();
        assertThatThrownBy(() -> read("dm.xpt", notXpt)).hasMessageContaining("dm.xpt: ends at header record 1");
        byte[] other = Arrays.copyOf(dm, dm.length);
        other[20] = 'X';
        assertThatThrownBy(() -> read("dm.xpt", other)).hasMessage("dm.xpt: is not a SAS XPORT version 5 file (header record 1 is not the library header)");
    }

    @Test
    void aCorruptedVariableDescriptionIsNamed() throws Exception {
        byte[] dm = pilot("dm.xpt");
        byte[] bad = Arrays.copyOf(dm, dm.length);
        int namestrs = 8 * 80; // library (3) + member, descriptor (2 + 2) + NAMESTR header = 8 records
        bad[namestrs + 140 * 2 + 1] = 7; // variable 3's type: neither 1 (number) nor 2 (text)
        assertThatThrownBy(() -> read("dm.xpt", bad)).isInstanceOf(SdtmInputException.class)
                .hasMessageStartingWith("dm.xpt: variable description 3 is corrupted");
    }
}
