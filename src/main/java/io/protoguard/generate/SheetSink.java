package io.protoguard.generate;

import java.io.IOException;
import java.util.List;

/** Where generated rows go: one header per sheet, then rows in any order across sheets. */
interface SheetSink extends AutoCloseable {
    void header(GeneratedSheet sheet, List<String> columns) throws IOException;

    void row(GeneratedSheet sheet, List<String> cells) throws IOException;

    @Override
    void close() throws IOException;
}
