package io.protoguard.protocol;

import io.protoguard.model.ProtocolInfo;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a protocol folder holds. Either one version (tables beside {@code protocol.properties}, which then
 * also gives version and effectiveDate), or amendments: subfolders with a {@code version.properties}
 * (version, effectiveDate), each replacing the same-named files of the version before it.
 */
final class ProtocolFolder {

    /** One version: its descriptor and its files by name (tables and protocol DRL). */
    record Version(ProtocolInfo info, String folder, Map<String, Path> files) {}

    private ProtocolFolder() {}

    static List<Version> versions(Path dir, List<ProtocolProblem> problems) {
        String folderId = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        Properties top = properties(dir.resolve("protocol.properties"), "protocol.properties", problems);
        String id = top.getProperty("id", folderId).trim();
        if (!id.equals(folderId)) {
            problems.add(new ProtocolProblem("protocol.properties", null, null, "id \"" + id + "\" differs from the folder "
                    + "name \"" + folderId + "\"; make them equal"));
        }
        String title = top.getProperty("title", "").trim();
        if (title.isEmpty()) problems.add(new ProtocolProblem("protocol.properties", null, null, "title is missing"));
        List<Path> amendmentDirs = list(dir, problems).stream()
                .filter(p -> Files.isDirectory(p) && Files.exists(p.resolve("version.properties"))).toList();
        Map<String, Path> base = files(dir, "", problems);
        if (amendmentDirs.isEmpty()) {
            return List.of(new Version(info(id, title, top, "protocol.properties", problems), "", base));
        }
        List<Version> versions = new ArrayList<>();
        for (Path v : amendmentDirs) {
            String name = v.getFileName().toString();
            Properties p = properties(v.resolve("version.properties"), name + "/version.properties", problems);
            versions.add(new Version(info(id, title, p, name + "/version.properties", problems), name + "/",
                    files(v, name + "/", problems)));
        }
        versions.sort(Comparator.comparing(v -> v.info().effectiveDate() == null ? LocalDate.MIN : v.info().effectiveDate()));
        Map<String, Path> current = new LinkedHashMap<>(base);
        List<Version> merged = new ArrayList<>();
        for (Version v : versions) {
            current.putAll(v.files());
            merged.add(new Version(v.info(), v.folder(), new LinkedHashMap<>(current)));
        }
        return merged;
    }

    private static ProtocolInfo info(String id, String title, Properties p, String file, List<ProtocolProblem> problems) {
        String version = p.getProperty("version", "").trim();
        if (version.isEmpty()) problems.add(new ProtocolProblem(file, null, null, "version is missing"));
        LocalDate effective = null;
        String text = p.getProperty("effectiveDate", "").trim();
        if (text.isEmpty()) {
            problems.add(new ProtocolProblem(file, null, null, "effectiveDate is missing (YYYY-MM-DD)"));
        } else {
            try {
                effective = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(new ProtocolProblem(file, null, null, "effectiveDate \"" + text + "\" is not a date (expected YYYY-MM-DD)"));
            }
        }
        return new ProtocolInfo(id, title.isEmpty() ? id : title, version.isEmpty() ? "?" : version, effective);
    }

    /** Table and DRL files by name; a spreadsheet Drools would ignore is a problem, not a silent loss. */
    private static Map<String, Path> files(Path dir, String prefix, List<ProtocolProblem> problems) {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path p : list(dir, problems)) {
            if (!Files.isRegularFile(p)) continue;
            String name = p.getFileName().toString(), lower = name.toLowerCase();
            if (lower.startsWith("~$") || lower.startsWith(".~lock")) continue; // Office lock files
            if (lower.endsWith(".drl.xlsx") || lower.endsWith(".drl")) out.put(name, p);
            else if (lower.endsWith(".xlsx") || lower.endsWith(".xls") || lower.endsWith(".csv") || lower.endsWith(".ods")) {
                problems.add(new ProtocolProblem(prefix + name, null, null, "Drools ignores this file name, so its rules "
                        + "would be lost; rename it to " + name.replaceFirst("\\.(?i)(xlsx|xls|csv|ods)$", "") + ".drl.xlsx"));
            }
        }
        return out;
    }

    private static List<Path> list(Path dir, List<ProtocolProblem> problems) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            problems.add(new ProtocolProblem(dir.toString(), null, null, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static Properties properties(Path file, String name, List<ProtocolProblem> problems) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            problems.add(new ProtocolProblem(name, null, null, "is missing or unreadable; it needs "
                    + (name.endsWith("version.properties") ? "version and effectiveDate (YYYY-MM-DD)"
                    : "id, title, version and effectiveDate (YYYY-MM-DD)")));
        }
        return p;
    }
}
