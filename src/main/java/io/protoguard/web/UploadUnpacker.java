package io.protoguard.web;

import io.protoguard.intake.SheetKind;
import io.protoguard.model.InputError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Turns a stored upload into what the workbook reader takes: an .xlsx file, or a folder of CSV files from a
 * zip. The kind is told from the bytes, never from the file name, and nothing the user named (file or zip
 * entry) becomes a path: files are written under fixed names. A CSV zip is expanded with a byte budget, so
 * a zip bomb stops at the budget (an .xlsx is screened below, and guarded again by POI's zip-bomb limit, which intake's
 * XlsxPackage applies, when it is read).
 */
final class UploadUnpacker {
    /** The name an .xlsx upload gets in the scratch folder; input errors naming it are relabelled to the user's name. */
    static final String WORKBOOK = "workbook.xlsx";

    enum Kind { XLSX, CSV_ZIP, SDTM_ZIP, UNKNOWN }

    record Unpacked(Kind kind, Path readable, List<InputError> errors, List<InputError> warnings) {}

    private final long maxExpandedBytes;
    private final int maxEntries;

    UploadUnpacker(long maxExpandedBytes, int maxEntries) {
        this.maxExpandedBytes = maxExpandedBytes;
        this.maxEntries = maxEntries;
    }

    Unpacked unpack(Path original, String displayName, Path scratch) throws IOException {
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(original)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (n == 0) return failed(displayName, "the file is empty");
        boolean zip = n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole2 = n >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0;
        if (ole2) return asWorkbook(original, scratch); // the reader explains: password-protected or old .xls
        if (!zip) {
            return failed(displayName, "is neither an .xlsx workbook nor a .zip of CSV files (a single CSV file must be zipped, "
                    + "with its siblings, as Subjects.csv, Criteria.csv, ...)");
        }
        try (ZipFile z = new ZipFile(original.toFile())) {
            if (z.getEntry("[Content_Types].xml") != null) {
                String refused = screenWorkbook(z);
                return refused != null ? failed(displayName, refused) : asWorkbook(original, scratch);
            }
            if (holdsSdtm(z)) return sdtmFolder(z, displayName, scratch);
            return csvFolder(z, displayName, scratch);
        } catch (ZipException e) {
            return failed(displayName, "is a damaged or truncated file: it is not a complete .xlsx workbook or .zip");
        }
    }

    /** How much a workbook part may expand over its compressed size before it counts as a zip bomb (POI's own limit). */
    static final int MAX_INFLATE_RATIO = 100;
    private static final long RATIO_GRACE_BYTES = 1 << 20;

    /**
     * Reads every part of a workbook once, before the reader sees it: a part that expands beyond the budget or more
     * than {@value #MAX_INFLATE_RATIO} to 1 (a zip bomb), and an XML part with a document type declaration (which
     * Excel never writes, and which is how XML external entity attacks begin) are refused in words; null when fine.
     */
    private String screenWorkbook(ZipFile zip) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long budget = maxExpandedBytes;
        int entries = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (++entries > 10_000) return "holds more parts than any workbook does; it was not read";
            if (entry.isDirectory()) continue;
            boolean xml = entry.getName().endsWith(".xml") || entry.getName().endsWith(".rels");
            long compressed = Math.max(1, entry.getCompressedSize());
            long total = 0;
            DoctypeScan doctype = new DoctypeScan();
            try (InputStream in = zip.getInputStream(entry)) {
                for (int r; (r = in.read(buffer)) > 0; ) {
                    total += r;
                    if (total > budget || (total > RATIO_GRACE_BYTES && total > compressed * MAX_INFLATE_RATIO)) {
                        return "is a zip bomb: its parts expand to far more than any workbook of this size (over "
                                + MAX_INFLATE_RATIO + " times their compressed size); it was not read";
                    }
                    if (xml && doctype.found(buffer, r)) {
                        return "contains a document type declaration (<!DOCTYPE) in its part " + printable(entry.getName())
                                + ": Excel never writes one, and it can make a reader fetch other files; the workbook was not read";
                    }
                }
            }
            budget -= total;
        }
        return null;
    }

    /** Finds "<!DOCTYPE" (any case) across buffer boundaries. */
    private static final class DoctypeScan {
        private static final byte[] NEEDLE = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private int matched;

        boolean found(byte[] b, int n) {
            for (int i = 0; i < n; i++) {
                int c = b[i] >= 'a' && b[i] <= 'z' ? b[i] - 32 : b[i];
                if (c == NEEDLE[matched]) {
                    if (++matched == NEEDLE.length) return true;
                } else {
                    matched = c == NEEDLE[0] ? 1 : 0;
                }
            }
            return false;
        }
    }

    private static Unpacked asWorkbook(Path original, Path scratch) throws IOException {
        Path target = scratch.resolve(WORKBOOK);
        Files.copy(original, target);
        return new Unpacked(Kind.XLSX, target, List.of(), List.of());
    }

    private Unpacked csvFolder(ZipFile zip, String displayName, Path scratch) throws IOException {
        List<InputError> errors = new ArrayList<>(), warnings = new ArrayList<>();
        Path folder = Files.createDirectories(scratch.resolve("csv"));
        Set<String> written = new HashSet<>();
        long budget = maxExpandedBytes;
        int entries = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (++entries > maxEntries) {
                return failed(displayName, "holds more than " + maxEntries + " entries; zip only the sheet CSV files");
            }
            if (entry.isDirectory()) continue;
            String base = baseName(entry.getName());
            if (base.startsWith(".") || entry.getName().startsWith("__MACOSX/")) continue; // macOS and system files
            String sheet = sheetFileName(base);
            if (sheet == null) {
                warnings.add(new InputError(displayName, null, null, null, null, "zip entry \"" + printable(entry.getName())
                        + "\" ignored: only CSV files named after a sheet are read (" + sheetFileNames() + ")"));
                continue;
            }
            if (!written.add(sheet)) {
                errors.add(new InputError(displayName, null, null, null, null, "holds " + sheet + " twice; keep one"));
                continue;
            }
            long used = copyWithBudget(zip, entry, folder.resolve(sheet), budget);
            if (used < 0) {
                return failed(displayName, "expands to more than " + (maxExpandedBytes / (1024 * 1024))
                        + " MB of CSV (a zip bomb?); nothing of it was read");
            }
            budget -= used;
        }
        if (written.isEmpty()) {
            errors.add(new InputError(displayName, null, null, null, null, "holds no CSV file named after a sheet ("
                    + sheetFileNames() + ")"));
        }
        return new Unpacked(Kind.CSV_ZIP, folder, errors, warnings);
    }

    /** A zip of SDTM domains: it holds dm.xpt, dm.json or dm.csv (SPEC section 3). */
    private static boolean holdsSdtm(ZipFile zip) {
        return zip.stream().anyMatch(e -> baseName(e.getName()).toLowerCase(java.util.Locale.ROOT).matches("dm\\.(xpt|json|csv)"));
    }

    /**
     * SDTM domains (.xpt, .json, .csv) are copied under their own names, which are checked to be a SAS dataset
     * name and an extension (so no name the user wrote can become a path), within the same byte budget.
     */
    private Unpacked sdtmFolder(ZipFile zip, String displayName, Path scratch) throws IOException {
        List<InputError> errors = new ArrayList<>(), warnings = new ArrayList<>();
        Path folder = Files.createDirectories(scratch.resolve("sdtm"));
        Set<String> written = new HashSet<>();
        long budget = maxExpandedBytes;
        int entries = 0;
        for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
            ZipEntry entry = e.nextElement();
            if (++entries > maxEntries) return failed(displayName, "holds more than " + maxEntries + " entries; zip only the domain files");
            if (entry.isDirectory()) continue;
            String base = baseName(entry.getName());
            if (base.startsWith(".") || entry.getName().startsWith("__MACOSX/")) continue;
            String name = base.toLowerCase(java.util.Locale.ROOT);
            if (!name.matches("[a-z][a-z0-9_]{0,7}\\.(xpt|json|csv)")) {
                warnings.add(new InputError(displayName, null, null, null, null, "zip entry \"" + printable(entry.getName())
                        + "\" ignored: only SDTM domain files (dm.xpt, dm.json, dm.csv, ...) are read"));
                continue;
            }
            if (!written.add(name)) {
                errors.add(new InputError(displayName, null, null, null, null, "holds " + name + " twice; keep one"));
                continue;
            }
            long used = copyWithBudget(zip, entry, folder.resolve(name), budget);
            if (used < 0) return failed(displayName, "expands to more than " + (maxExpandedBytes / (1024 * 1024)) + " MB; nothing of it was read");
            budget -= used;
        }
        return new Unpacked(Kind.SDTM_ZIP, folder, errors, warnings);
    }

    /** Copies at most {@code budget} bytes; returns the bytes copied, or -1 when the entry is bigger than the budget. */
    private static long copyWithBudget(ZipFile zip, ZipEntry entry, Path target, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try (InputStream in = zip.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
            for (int r; (r = in.read(buffer)) > 0; ) {
                total += r;
                if (total > budget) return -1;
                out.write(buffer, 0, r);
            }
        }
        return total;
    }

    /** The canonical file name ("Subjects.csv") for a zip entry name, matched case-insensitively; null if none. */
    private static String sheetFileName(String base) {
        for (SheetKind s : SheetKind.values()) {
            if ((s.sheetName() + ".csv").equalsIgnoreCase(base)) return s.sheetName() + ".csv";
        }
        return null;
    }

    private static String sheetFileNames() {
        return String.join(", ", java.util.Arrays.stream(SheetKind.values()).map(s -> s.sheetName() + ".csv").toList());
    }

    static String baseName(String name) {
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    /** A user-supplied name made safe to show: no path, no control characters, at most 200 characters. */
    static String printable(String name) {
        String s = name == null ? "" : baseName(name).replaceAll("\\p{Cntrl}", "").strip();
        if (s.isEmpty()) s = "upload";
        return s.length() <= 200 ? s : s.substring(0, 200);
    }

    private static Unpacked failed(String file, String message) {
        return new Unpacked(Kind.UNKNOWN, null, List.of(new InputError(file, null, null, null, null, message)), List.of());
    }
}
