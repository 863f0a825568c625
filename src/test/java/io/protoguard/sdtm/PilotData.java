package io.protoguard.sdtm;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the CDISC pilot files are: ../shared/real-data next to the work tree (SPEC section 3). */
final class PilotData {
    private PilotData() {}

    static Path root() {
        for (Path p : new Path[] {Path.of("../shared/real-data"), Path.of("/work/shared/real-data")}) {
            if (Files.isDirectory(p.resolve("cdiscpilot01-sdtm"))) return p.toAbsolutePath().normalize();
        }
        throw new IllegalStateException("the CDISC pilot data is not at ../shared/real-data (see its README)");
    }

    static Path xpt() {
        return root().resolve("cdiscpilot01-sdtm");
    }

    static Path datasetJson() {
        return root().resolve("cdiscpilot01-dataset-json");
    }
}
