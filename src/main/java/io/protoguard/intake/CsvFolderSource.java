package io.protoguard.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a folder of CSV files, one per sheet, named after the sheet (case-insensitive). Files are UTF-8 (with
 * or without a byte-order mark); a file that is not valid UTF-8 is read as Windows-1252, the code page Excel
 * saves "CSV" in on Western Windows, with a warning naming the first byte that is not UTF-8 (SPEC section 8).
 * An encoding given by the user ({@code --encoding}) is used as it is, without a warning. The files are read
 * on several threads at once ({@link ParallelSheets}): on 2 cores the read of a 100k-subject folder was a serial
 * phase before any subject could be evaluated.
 */
final class CsvFolderSource {

    /** The header line decides the delimiter; a header longer than this is read as far as it goes. */
    private static final int HEADER_LOOKAHEAD = 1 << 15;
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final Path folder;
    private final Charset declared;

    /** @param declared the encoding the user named, or null to detect UTF-8 / Windows-1252 */
    CsvFolderSource(Path folder, Charset declared) {
        this.folder = folder;
        this.declared = declared;
    }

    void feed(RowSink sink) {
        feed(sink, null);
    }

    /** The merge of sorted sheets as they are read: first told to take rows from the readers, then run. */
    interface MergeWhileReading {
        void prepare();

        void run();
    }

    /**
     * Reads the folder. When {@code merge} is given and every sheet's file is already in SubjectId order (the
     * usual export), each file is read on a thread of its own while {@code merge} runs on this one, so subjects
     * reach evaluation while the files are still being read and no row is spooled to disk. Returns whether it
     * did so; otherwise the files are read in full first and the caller merges the spool.
     */
    boolean feed(RowSink sink, MergeWhileReading merge) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.sorted().toList();
        } catch (IOException e) {
            sink.fileError(folder.getFileName() + "", null, "cannot list the folder: " + IoReasons.of(e));
            return false;
        }
        // Sheets are started in file order (their order decides the merge's tie-break), then read in parallel.
        List<SheetFile> sheets = new ArrayList<>();
        for (Path path : files) {
            String file = path.getFileName().toString();
            if (file.startsWith(".") || Files.isDirectory(path)) continue; // system files and subfolders hold no sheets
            if (!file.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                sink.fileWarning(file, "not a .csv file: ignored");
                continue;
            }
            RowSink.SheetRows rows = sink.startSheet(file, file.substring(0, file.length() - ".csv".length()));
            if (rows != null) sheets.add(new SheetFile(path, file, rows));
        }
        java.util.function.Consumer<SheetFile> read = s -> {
            try {
                feedFile(s.path(), s.file(), s.rows(), sink);
            } finally {
                s.rows().readingDone();
            }
        };
        if (merge != null && declared == null && !sheets.isEmpty()
                && ParallelSheets.all(sheets, s -> SortedCsvScan.isSorted(s.path()))) {
            merge.prepare();
            ParallelSheets.runAlongside(sheets, read, merge::run);
            return true;
        }
        ParallelSheets.run(sheets, SheetFile::size, read);
        return false;
    }

    /** A CSV file whose sheet was started, to be read. */
    private record SheetFile(Path path, String file, RowSink.SheetRows rows) {
        long size() {
            try {
                return Files.size(path);
            } catch (IOException e) {
                return 0; // reading it will say why
            }
        }
    }

    private void feedFile(Path path, String file, RowSink.SheetRows rows, RowSink sink) {
        Charset charset = declared;
        try {
            if (charset == null && !isUtf8(path)) {
                charset = WINDOWS_1252;
                sink.fileWarning(file, firstNonUtf8(path) + "; the file is read as Windows-1252 "
                        + "(if it is another encoding, give it with --encoding, or save it as \"CSV UTF-8\")");
            }
        } catch (IOException e) {
            sink.fileError(file, sheetOf(file), "cannot read the file: " + IoReasons.of(e));
            return;
        }
        if (charset == null) charset = StandardCharsets.UTF_8;
        try (BufferedReader in = new BufferedReader(reader(path, charset, CodingErrorAction.REPLACE, "\uFFFD"), 1 << 16)) {
            readRecords(in, rows);
        } catch (IOException e) {
            sink.fileError(file, sheetOf(file), "cannot read the file: " + IoReasons.of(e));
            return;
        }
        rows.end();
    }

    /**
     * Hands each record over; a record with more non-empty fields than the header has names is an input error
     * for its row and is not read, because its values have most likely slid one column to the right (a
     * delimiter inside an unquoted value).
     */
    private static void readRecords(BufferedReader in, RowSink.SheetRows rows) throws IOException {
        in.mark(HEADER_LOOKAHEAD);
        char[] head = new char[HEADER_LOOKAHEAD];
        int n = in.read(head, 0, head.length);
        in.reset();
        String start = n <= 0 ? "" : new String(head, 0, n);
        if (start.startsWith("\uFEFF")) {
            in.skip(1);
            start = start.substring(1);
        }
        CsvRecordReader reader = new CsvRecordReader(in, CsvParser.detectDelimiter(firstNonBlankLine(start)));
        int headerFields = -1;
        for (CsvParser.Record record = reader.next(); record != null; record = reader.next()) {
            if (record.unterminated()) {
                rows.unreadableRow(record.line(), "a quoted field opened on this line is never closed (a missing \")");
                continue;
            }
            int used = usedFields(record.fields());
            if (headerFields < 0 && used > 0) {
                headerFields = used;
            } else if (headerFields >= 0 && used > headerFields) {
                rows.unreadableRow(record.line(), "this row has " + used + " fields but the header has " + headerFields
                        + ": the row is not read (a value holding the delimiter must be in quotes)");
                continue;
            }
            SortedMap<Integer, String> cells = new TreeMap<>();
            for (int i = 0; i < record.fields().size(); i++) cells.put(i, record.fields().get(i));
            rows.row(record.line(), cells);
        }
    }

    /** Fields up to the last non-blank one: trailing empty fields are what spreadsheets write, not data. */
    private static int usedFields(List<String> fields) {
        for (int i = fields.size() - 1; i >= 0; i--) if (!RowCells.trim(fields.get(i)).isEmpty()) return i + 1;
        return 0;
    }

    private static String firstNonBlankLine(String text) {
        for (String line : text.split("\r\n|\r|\n", -1)) if (!RowCells.trim(line).replace(",", "").replace(";", "").isEmpty()) return line;
        return text;
    }

    private static boolean isUtf8(Path path) throws IOException {
        try (Reader check = reader(path, StandardCharsets.UTF_8, CodingErrorAction.REPORT, null)) {
            char[] buf = new char[1 << 16];
            while (check.read(buf) >= 0) {
                // decoding is the check
            }
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Where the first byte that is not UTF-8 sits, as the user finds it: the row and column of the record that
     * holds it. Decoding marks it with U+FFFF, a noncharacter no real text holds, and the records are parsed
     * as usual until one shows the mark.
     */
    private static String firstNonUtf8(Path path) throws IOException {
        try (BufferedReader in = new BufferedReader(reader(path, StandardCharsets.UTF_8, CodingErrorAction.REPLACE, "\uFFFF"))) {
            in.mark(HEADER_LOOKAHEAD);
            char[] head = new char[HEADER_LOOKAHEAD];
            int n = in.read(head, 0, head.length);
            in.reset();
            String start = n <= 0 ? "" : new String(head, 0, n);
            CsvRecordReader reader = new CsvRecordReader(in, CsvParser.detectDelimiter(firstNonBlankLine(start)));
            for (CsvParser.Record r = reader.next(); r != null; r = reader.next()) {
                for (int i = 0; i < r.fields().size(); i++) {
                    String f = r.fields().get(i);
                    int at = f.indexOf('\uFFFF');
                    if (at >= 0) {
                        return "is not UTF-8: the first byte that is not is in row " + r.line() + ", column "
                                + Faults.columnLetters(i) + " (cell " + Faults.columnLetters(i) + r.line() + ", after "
                                + RowCells.quoted(f.substring(0, at)) + ")";
                    }
                }
            }
        }
        return "is not UTF-8";
    }

    private static Reader reader(Path path, Charset charset, CodingErrorAction onBad, String replacement) throws IOException {
        var decoder = charset.newDecoder().onMalformedInput(onBad).onUnmappableCharacter(onBad);
        if (replacement != null) decoder = decoder.replaceWith(replacement);
        return new InputStreamReader(Files.newInputStream(path), decoder);
    }

    private static String sheetOf(String file) {
        return SheetKind.byName(file.substring(0, file.length() - ".csv".length()))
                .map(SheetKind::sheetName).orElse(null);
    }
}
