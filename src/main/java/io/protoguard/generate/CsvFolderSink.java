package io.protoguard.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One CSV file per sheet, all open at once and written as rows come, so no subject is kept in memory. */
final class CsvFolderSink implements SheetSink {
    private final Path folder;
    private final Map<GeneratedSheet, Writer> writers = new EnumMap<>(GeneratedSheet.class);

    CsvFolderSink(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    @Override
    public void header(GeneratedSheet sheet, List<String> columns) throws IOException {
        Writer w = new BufferedWriter(Files.newBufferedWriter(folder.resolve(sheet.sheetName + ".csv"), StandardCharsets.UTF_8), 1 << 16);
        writers.put(sheet, w);
        row(sheet, columns);
    }

    @Override
    public void row(GeneratedSheet sheet, List<String> cells) throws IOException {
        Writer w = writers.get(sheet);
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            w.write(cells.get(i)); // generated values hold no comma, quote or line break
        }
        w.write('\n');
    }

    @Override
    public void close() throws IOException {
        for (Writer w : writers.values()) w.close();
    }
}
