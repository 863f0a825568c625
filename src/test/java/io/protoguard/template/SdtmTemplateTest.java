package io.protoguard.template;

import static org.assertj.core.api.Assertions.assertThat;

import io.protoguard.protocol.ProtocolLoader;
import io.protoguard.protocol.ProtocolVersions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

/** {@code protocol template} for a protocol on SDTM data lists the domains and variables it reads. */
class SdtmTemplateTest {

    @Test
    void cdiscpilot01ListsDomainsAndVariablesWithOneSheetPerDomain() throws Exception {
        ProtocolVersions p = ProtocolVersions.of(new ProtocolLoader(Path.of("rules")).load(Path.of("decision-tables", "cdiscpilot01")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TemplateWriter.write(p, out);
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(out.toByteArray()))) {
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("README", "DM", "DS", "SV", "EX"); // no IE: the pilot's only criterion is AGE in DM
            List<String> readme = new ArrayList<>();
            for (Row r : wb.getSheet("README")) {
                StringBuilder line = new StringBuilder();
                r.forEach(c -> line.append(c.getStringCellValue()).append('|'));
                readme.add(line.toString());
            }
            assertThat(readme).contains("DM|RFSTDTC|study day 1; a subject without it (screen failure) is not checked|",
                    "SV|VISIT|visit name: windows match it (never the number)|", "EX|VISIT|the visit the dose was dispensed at|");
            assertThat(readme).anyMatch(l -> l.startsWith("VIS-WEEK-2|visit WEEK 2: study day 14 -3/+3 (SDTM numbering)"));
            Sheet sv = wb.getSheet("SV");
            List<String> header = new ArrayList<>();
            sv.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header).containsExactly("STUDYID", "DOMAIN", "USUBJID", "VISIT", "VISITNUM", "SVSTDTC");
        }
    }
}
