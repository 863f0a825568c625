package io.protoguard.intake.sdtm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A study's SDTM domains as they arrive: a folder or a .zip of .xpt (SAS XPORT v5), .json (Dataset-JSON 1.1)
 * or .csv files. Each file is streamed to the reader of its format; other files (define.xml, a schema) are
 * named in {@link Listener#skipped} and not read.
 */
public final class SdtmFiles {
    private SdtmFiles() {}

    public interface Listener {
        void record(SdtmRecord record);

        /** A file that could not be read on; its records read before the fault were delivered. */
        void unreadable(SdtmInputException fault);

        void skipped(String file, String why);
    }

    /** Domains an SDTM study must have for protoguard to call it one (its subjects). */
    public static boolean looksLikeSdtm(Path path) {
        try {
            for (String name : names(path)) {
                String n = base(name).toLowerCase(Locale.ROOT);
                if (n.equals("dm.xpt") || n.equals("dm.json") || n.equals("dm.csv")) return true;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    public static void read(Path path, Listener listener) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (reader(name) == null) { skip(name, listener); continue; }
                try (InputStream in = Files.newInputStream(f)) {
                    readOne(name, in, listener);
                }
            }
        } else {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.isDirectory()) continue;
                    String name = base(e.getName());
                    if (name.startsWith(".") || e.getName().startsWith("__MACOSX")) continue;
                    if (reader(name) == null) { skip(name, listener); continue; }
                    readOne(name, zip, listener);
                }
            }
        }
    }

    private static void skip(String name, Listener listener) {
        if (!name.toLowerCase(Locale.ROOT).endsWith(".schema.json")) listener.skipped(name, "not an SDTM dataset (.xpt, .json or .csv); not read");
    }

    private interface Reader {
        int read(String file, InputStream in, Consumer<SdtmRecord> sink) throws SdtmInputException;
    }

    private static Reader reader(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".xpt")) return XptReader::read;
        if (n.endsWith(".schema.json")) return null;
        if (n.endsWith(".json")) return DatasetJsonReader::read;
        if (n.endsWith(".csv")) return SdtmCsvReader::read;
        return null;
    }

    private static void readOne(String name, InputStream in, Listener listener) {
        InputStream unclosable = new java.io.FilterInputStream(in) {
            @Override
            public void close() {} // a zip entry's stream belongs to the zip
        };
        try {
            if (reader(name).read(name, unclosable, listener::record) == SdtmCsvReader.NOT_SDTM)
                listener.skipped(name, "has no STUDYID, DOMAIN or USUBJID column, so it is not an SDTM dataset; not read");
        } catch (SdtmInputException e) {
            listener.unreadable(e);
        }
    }

    private static List<String> names(Path path) throws IOException {
        List<String> out = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.forEach(p -> out.add(p.getFileName().toString()));
            }
        } else if (Files.isRegularFile(path) && path.toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(path))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) out.add(e.getName());
            }
        }
        return out;
    }

    private static String base(String name) {
        return name.replaceAll(".*[/\\\\]", "");
    }
}
