package io.protoguard.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a folder of CSV files, one per sheet, named after the sheet (case-insensitive). */
final class CsvFolderSource {

    /** The header line decides the delimiter; a header longer than this is read as far as it goes. */
    private static final int HEADER_LOOKAHEAD = 1 << 15;

    private final Path folder;

    CsvFolderSource(Path folder) {
        this.folder = folder;
    }

    void feed(RowSink sink) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.sorted().toList();
        } catch (IOException e) {
            sink.fileError(folder.getFileName() + "", null, "cannot list the folder: " + e.getMessage());
            return;
        }
        for (Path path : files) {
            String file = path.getFileName().toString();
            if (file.startsWith(".") || Files.isDirectory(path)) continue; // system files and subfolders hold no sheets
            if (!file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                sink.fileWarning(file, "not a .csv file: ignored");
                continue;
            }
            RowSink.SheetRows rows = sink.startSheet(file, file.substring(0, file.length() - ".csv".length()));
            if (rows != null) feedFile(path, file, rows, sink);
        }
    }

    private static void feedFile(Path path, String file, RowSink.SheetRows rows, RowSink sink) {
        // A first pass only decodes: a file in a legacy code page is reported whole, before any row is read.
        try (Reader check = utf8(path)) {
            char[] buf = new char[1 << 16];
            while (check.read(buf) >= 0) {
                // decoding is the check
            }
        } catch (CharacterCodingException e) {
            sink.fileError(file, sheetOf(file), "is not UTF-8 text (save it as \"CSV UTF-8\")");
            return;
        } catch (IOException e) {
            sink.fileError(file, sheetOf(file), "cannot read the file: " + e.getMessage());
            return;
        }
        try (BufferedReader in = new BufferedReader(utf8(path), 1 << 16)) {
            in.mark(HEADER_LOOKAHEAD);
            char[] head = new char[HEADER_LOOKAHEAD];
            int n = in.read(head, 0, head.length);
            in.reset();
            String start = n <= 0 ? "" : new String(head, 0, n);
            if (start.startsWith("\uFEFF")) in.skip(1);
            CsvRecordReader reader = new CsvRecordReader(in, CsvParser.detectDelimiter(start.startsWith("\uFEFF") ? start.substring(1) : start));
            for (CsvParser.Record record = reader.next(); record != null; record = reader.next()) {
                if (record.unterminated()) {
                    rows.unreadableRow(record.line(), "a quoted field opened on this line is never closed (a missing \")");
                    continue;
                }
                SortedMap<Integer, String> cells = new TreeMap<>();
                for (int i = 0; i < record.fields().size(); i++) cells.put(i, record.fields().get(i));
                rows.row(record.line(), cells);
            }
        } catch (IOException e) {
            sink.fileError(file, sheetOf(file), "cannot read the file: " + e.getMessage());
            return;
        }
        rows.end();
    }

    /** Strict decoding: a file saved in a legacy code page must be reported, not read as garbled names. */
    private static Reader utf8(Path path) throws IOException {
        return new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static String sheetOf(String file) {
        return SheetKind.byName(file.substring(0, file.length() - ".csv".length()))
                .map(SheetKind::sheetName).orElse(null);
    }
}
