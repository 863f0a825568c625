package io.protoguard.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The "engine version" part of a cached rule base's key: the Drools and Java versions and a digest of
 * protoguard's own classes (the fact model, the engine helpers and the DRL generator the compiled rules
 * depend on). Any rebuild that changes a class therefore invalidates every cached rule base; that costs
 * one compile after a rebuild and rules out a rule base compiled against other classes.
 */
final class EngineFingerprint {
    /** The classes could not be digested: the rule base cache is not used at all. */
    static final String UNKNOWN = "";
    private static volatile String value;

    private EngineFingerprint() {}

    static String get() {
        String v = value;
        if (v == null) value = v = compute();
        return v;
    }

    private static String compute() {
        MessageDigest md = RuleBaseCache.sha256();
        String drools = org.drools.core.impl.RuleBaseFactory.class.getPackage().getImplementationVersion();
        md.update(("drools " + drools + "\njava " + Runtime.version() + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            Path code = Path.of(EngineFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) digestFolder(code, md);
            else digestJar(code, md);
        } catch (URISyntaxException | RuntimeException e) {
            // Unknown code source (e.g. a nested jar of the executable jar): no fingerprint, so nothing is cached.
            return UNKNOWN;
        }
        return RuleBaseCache.hex(md.digest());
    }

    /** target/classes (./protoguard, tests): the bytes of every class under io/protoguard. */
    private static void digestFolder(Path classes, MessageDigest md) {
        Path root = classes.resolve("io/protoguard");
        try (Stream<Path> s = Files.walk(root)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
            for (Path p : files) {
                md.update(classes.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                md.update(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A jar: each protoguard entry's name and CRC from the central directory (no need to inflate them). */
    private static void digestJar(Path jar, MessageDigest md) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            StringBuilder sb = new StringBuilder();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.getName().contains("io/protoguard/") && e.getName().endsWith(".class")) {
                    sb.append(e.getName()).append(' ').append(e.getCrc()).append('\n');
                }
            }
            md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
