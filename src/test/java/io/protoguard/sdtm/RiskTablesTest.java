package io.protoguard.sdtm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Risk tables of sivelestat-evt and msc-septic-shock are RiskTables' output (cdiscpilot01's: Cdiscpilot01TablesTest). */
class RiskTablesTest {

    @Test
    void shippedRiskTablesAreTheBuiltOnes(@TempDir Path tmp) throws Exception {
        for (String protocol : List.of("sivelestat-evt", "msc-septic-shock")) {
            Path shipped = Path.of("decision-tables", protocol, "risk.drl.xlsx");
            var table = RiskTables.risk(protocol.equals("sivelestat-evt"));
            if (Boolean.getBoolean("risk.write")) write(shipped, table);
            write(tmp.resolve(protocol + ".xlsx"), table);
            assertThat(Cdiscpilot01TablesTest.cells(shipped)).as(protocol).isEqualTo(Cdiscpilot01TablesTest.cells(tmp.resolve(protocol + ".xlsx")));
        }
    }

    private static void write(Path file, TableWorkbook.Table table) throws Exception {
        try (OutputStream out = Files.newOutputStream(file)) {
            TableWorkbook.write(List.of(table), out);
        }
    }
}
