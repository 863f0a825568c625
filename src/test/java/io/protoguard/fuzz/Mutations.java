package io.protoguard.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Deterministic mutations for the fuzz targets: the same seed gives the same bytes, so a failing input is
 * rebuilt from the seed jqwik reports. Workbooks are mutated both as raw bytes (a damaged zip) and inside one
 * zip entry (XML that parses differently), since raw flips mostly stop at the zip layer.
 */
public final class Mutations {
    private Mutations() {}

    /** Text a user must never see: a qualified Java class name, an exception's name, library internals. */
    public static final java.util.regex.Pattern JAVA_TEXT = java.util.regex.Pattern.compile(
            "\\b([a-z][a-z0-9_]*\\.)+[A-Z]\\w*|Exception|\\bnull\\b|invalid distance|\\tat ");

    /** Bytes that break readers: quotes, delimiters, line ends, a BOM, NBSP, invalid UTF-8, huge numbers. */
    private static final List<byte[]> TOKENS = List.of(
            b("\""), b(","), b(";"), b("\n"), b("\r"), b("\uFEFF"), b("\u00A0"), new byte[]{(byte) 0xE9},
            new byte[]{(byte) 0xC3}, new byte[]{(byte) 0xFF, (byte) 0xFE}, b("1e308"), b("-72"), b("#N/A"), b("TRUE"),
            b("9999-99-99T99:99"), b("2026-02-30"), b("+14:00"), b("0"), b("x".repeat(5000)), b("<"), b("&"),
            b("]]>"), b("<c r=\"XFD1048576\" t=\"s\"><v>99999</v></c>"), b("t=\"inlineStr\""), b("\u0000"));

    public static byte[] ofWorkbook(byte[] seed, long mutationSeed) {
        Random r = new Random(mutationSeed);
        if (r.nextInt(3) == 0) return raw(seed, r);
        try {
            Map<String, byte[]> entries = unzip(seed);
            List<String> names = new ArrayList<>(entries.keySet());
            String name = names.get(r.nextInt(names.size()));
            if (r.nextInt(8) == 0) entries.remove(name);
            else entries.put(name, raw(entries.get(name), r));
            return zip(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] ofText(byte[] seed, long mutationSeed) {
        return raw(seed, new Random(mutationSeed));
    }

    private static byte[] raw(byte[] in, Random r) {
        byte[] out = in.clone();
        int steps = 1 + r.nextInt(6);
        for (int i = 0; i < steps; i++) {
            int at = out.length == 0 ? 0 : r.nextInt(out.length);
            switch (r.nextInt(6)) {
                case 0 -> out = Arrays.copyOf(out, at); // truncate
                case 1 -> { if (out.length > 0) out[at] ^= (byte) (1 + r.nextInt(255)); } // flip
                case 2 -> out = splice(out, at, 0, TOKENS.get(r.nextInt(TOKENS.size()))); // insert a token
                case 3 -> out = splice(out, at, Math.min(out.length - at, r.nextInt(64)), new byte[0]); // delete
                case 4 -> { // duplicate a slice: repeated rows, repeated tags
                    int len = Math.min(out.length - at, r.nextInt(256));
                    out = splice(out, at, 0, Arrays.copyOfRange(out, at, at + len));
                }
                default -> out = splice(out, at, Math.min(out.length - at, 1), TOKENS.get(r.nextInt(TOKENS.size())));
            }
        }
        return out;
    }

    private static byte[] splice(byte[] in, int at, int remove, byte[] insert) {
        byte[] out = new byte[in.length - remove + insert.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(in, at + remove, out, at + insert.length, in.length - at - remove);
        return out;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) entries.put(e.getName(), in.readAllBytes());
        }
        return entries;
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
