package io.protoguard.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * The protocol's own document (protocol.properties {@code source=}, a text file beside the repository or under the
 * home), so the rules page can show a cited sentence in its context and link to the whole text. Absent when the
 * descriptor names no text file or it is not on this machine: the rules page then shows the citation alone.
 */
record ProtocolDocument(Path path, String text) {
    static final int CONTEXT = 240;

    static Optional<ProtocolDocument> of(Path home, String protocolId) {
        Path descriptor = home.resolve("decision-tables").resolve(protocolId).resolve("protocol.properties");
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(descriptor, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        String source = p.getProperty("source", "").strip();
        if (!source.endsWith(".txt")) return Optional.empty();
        for (Path base : new Path[] {home, home.getParent()}) {
            if (base == null) continue;
            Path file = base.resolve(source).normalize();
            if (Files.isRegularFile(file) && Files.isReadable(file)) {
                try {
                    return Optional.of(new ProtocolDocument(file, Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** The cited words with up to 240 characters either side, whitespace squeezed; null when not found verbatim. */
    String context(String citation) {
        if (citation == null || citation.isBlank()) return null;
        String all = squeeze(text), wanted = squeeze(citation);
        int at = all.indexOf(wanted);
        if (at < 0) return null;
        int from = Math.max(0, at - CONTEXT), to = Math.min(all.length(), at + wanted.length() + CONTEXT);
        return (from > 0 ? "\u2026" : "") + all.substring(from, to) + (to < all.length() ? "\u2026" : "");
    }

    private static String squeeze(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
