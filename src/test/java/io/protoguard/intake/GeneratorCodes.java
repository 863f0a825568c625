package io.protoguard.intake;

import io.protoguard.model.CodeBook;
import java.util.Map;
import java.util.Set;

/** The code book of the sivelestat-evt data that {@code DataGenerator} writes, for intake tests that read it without loading the protocol. */
final class GeneratorCodes {
    static final CodeBook CODES = new CodeBook(Set.of("NIHSS", "MRS", "EQ5D5L", "BARTHEL"), Set.of("IMAGING"),
            Set.of(), Set.of("LVO", "EVT"), Set.of(),
            Map.of("BASELINE", Set.of("NIHSS"), "H48", Set.of("NIHSS"), "D7", Set.of("NIHSS"),
                    "D90", Set.of("MRS", "EQ5D5L", "BARTHEL"), "IMG48", Set.of("IMAGING")));

    private GeneratorCodes() {
    }
}
