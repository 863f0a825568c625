package io.protoguard.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The embedded H2 database (the default {@code jdbc:h2:file:} URL), before anything connects to it, for serve and
 * nightly alike. AUTO_SERVER lets both share the file, but H2 opens that TCP server on every interface; here it is
 * bound to 127.0.0.1 (H2 reads {@code h2.bindAddress} once, so it is set before H2 is first used). The database gets
 * a generated password, kept in {@code <database>.h2-password} next to it (mode 0600) and read again by every later
 * start; the data folder is made 0700 and a new database file is created 0600 before H2 writes into it.
 * <p>
 * Applies only when no password is configured: {@code spring.datasource.password} given (even empty) is used as is.
 * An existing database without a password (made before this) gets the generated one on its first start.
 */
public class EmbeddedH2 implements EnvironmentPostProcessor {
    static final String PASSWORD_PROPERTY = "spring.datasource.password";
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        String url = env.getProperty("spring.datasource.url");
        Path database = databasePath(url);
        if (database == null) return;
        if (System.getProperty("h2.bindAddress") == null) System.setProperty("h2.bindAddress", "127.0.0.1");
        try {
            ownerOnlyFolder(database.getParent());
            if (env.containsProperty(PASSWORD_PROPERTY)) return;
            String user = env.getProperty("spring.datasource.username", "sa");
            String password = password(database, url, user);
            env.getPropertySources().addLast(new MapPropertySource("protoguard-embedded-h2", Map.of(PASSWORD_PROPERTY, password)));
        } catch (IOException e) {
            throw new UncheckedIOException("protoguard: cannot prepare the database folder " + database.getParent() + ": " + e.getMessage(), e);
        }
    }

    /** The database file's path without H2's extension, for a {@code jdbc:h2:file:} URL; null for any other URL. */
    static Path databasePath(String url) {
        if (url == null || !url.startsWith("jdbc:h2:file:")) return null;
        String path = url.substring("jdbc:h2:file:".length());
        int options = path.indexOf(';');
        if (options >= 0) path = path.substring(0, options);
        if (path.startsWith("~/")) path = System.getProperty("user.home") + path.substring(1);
        return Path.of(path).toAbsolutePath().normalize();
    }

    static Path passwordFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".h2-password");
    }

    /** The kept password; a new one (set on the existing database, if there is one) when there is none yet. */
    static String password(Path database, String url, String user) throws IOException {
        Path file = passwordFile(database);
        if (Files.exists(file)) {
            ownerOnly(file);
            return Files.readString(file).strip();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path dbFile = database.resolveSibling(database.getFileName() + ".mv.db");
        if (Files.exists(dbFile)) {
            setOnExistingDatabase(url, user, password, file);
        } else {
            // an empty file: H2 starts a new store in it and keeps its mode
            createOwnerOnly(dbFile);
        }
        Path written = file.resolveSibling("." + file.getFileName() + ".new");
        Files.deleteIfExists(written);
        createOwnerOnly(written);
        Files.writeString(written, password + "\n");
        Files.move(written, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return password;
    }

    private static void setOnExistingDatabase(String url, String user, String password, Path file) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute("ALTER USER \"" + user.toUpperCase(java.util.Locale.ROOT).replace("\"", "") + "\" SET PASSWORD '"
                    + password.replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("protoguard: the database " + url + " has a password, but its password file " + file
                    + " is missing: restore the file, or give the password with --spring.datasource.password=...", e);
        }
    }

    static void createOwnerOnly(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (FileAlreadyExistsException e) {
            ownerOnly(file);
        } catch (UnsupportedOperationException e) {
            Files.createFile(file); // not a POSIX file system: the folder's permissions are all there is
        }
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }

    static void ownerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder);
        try {
            Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
    }
}
