package org.infodesk.app.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.infodesk.app.data.StoreException;
import org.sqlite.SQLiteConfig;

/**
 * Rotating backups of the database in {@code <data folder>/backups}, made with SQLite's
 * {@code VACUUM INTO} (a consistent copy while the database is open): at every start, before
 * every migration, and before a restore. The newest {@link #KEEP} are kept.
 */
public final class Backups {

    public static final int KEEP = 10;
    static final String DIR = "backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final Path dir;
    private final Clock clock;

    Backups(Path folder, Clock clock) {
        this.dir = folder.resolve(DIR);
        this.clock = clock;
    }

    /** Copies the open database to a new backup and drops the oldest beyond {@link #KEEP}. */
    Path create(Connection connection, String reason) throws SQLException, IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve("infodesk-" + STAMP.format(clock.instant()) + "-" + reason + ".db");
        for (int i = 1; Files.exists(target); i++) {
            target = dir.resolve("infodesk-" + STAMP.format(clock.instant()) + "-" + reason + "-" + i + ".db");
        }
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        rotate();
        return target;
    }

    private void rotate() throws IOException {
        List<Path> all = list();
        for (Path old : all.subList(Math.min(KEEP, all.size()), all.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** Every backup, newest first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("infodesk-\\d{8}-\\d{6}-\\d{3}-.*\\.db"))
                    .sorted((a, b) -> b.getFileName().toString().compareTo(a.getFileName().toString()))
                    .toList();
        }
    }

    /** The newest backup that passes SQLite's integrity check. */
    public Optional<Path> latestSound() {
        try {
            for (Path p : list()) {
                if (isSound(p)) {
                    return Optional.of(p);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether a database file opens and passes {@code PRAGMA quick_check}. Opens it read-only. */
    static boolean isSound(Path file) {
        try {
            return passesQuickCheck(file);
        } catch (SQLException e) {
            return false;
        }
    }

    /**
     * Whether a database file passes {@code PRAGMA quick_check} (opened read-only): false when
     * SQLite finds it damaged or not a database; a failure that says nothing of the file (SQLite's
     * library cannot load, the file cannot be opened or is locked) is thrown, so that it is not
     * reported as damage with a backup to restore.
     */
    static boolean passesQuickCheck(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA quick_check")) {
            return r.next() && "ok".equals(r.getString(1));
        } catch (SQLException e) {
            if (SqliteErrors.isDamage(e)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Keeps the current database before it is replaced. The WAL may hold committed changes that
     * the main file does not have yet, so the copy is made through SQLite ({@code VACUUM INTO}
     * sees both); if SQLite cannot read it (a damaged file), the three files are copied raw.
     */
    private static void keepCurrent(Path db, Path target) throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
            return;
        } catch (SQLException e) {
            Files.deleteIfExists(target);
        }
        Files.copy(db, target, StandardCopyOption.REPLACE_EXISTING);
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(side)) {
                Files.copy(side, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Replaces the database of a closed store with a backup. The current file, if it can be
     * read at all, is kept first as a backup named {@code before-restore}; the backup must be
     * sound, or nothing changes.
     */
    static void restore(Path folder, Path backup, Clock clock) throws StoreException {
        Path db = folder.resolve(Store.FILE);
        if (!isSound(backup)) {
            throw new StoreException(StoreException.Problem.CORRUPT, folder, null, "the backup is damaged: " + backup, null);
        }
        try {
            Path keep = folder.resolve(DIR);
            Files.createDirectories(keep);
            if (Files.exists(db)) {
                keepCurrent(db, keep.resolve("infodesk-" + STAMP.format(clock.instant()) + "-before-restore.db"));
            }
            Path tmp = folder.resolve(Store.FILE + ".restoring");
            Files.copy(backup, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(folder.resolve(Store.FILE + "-wal"));
            Files.deleteIfExists(folder.resolve(Store.FILE + "-shm"));
            Files.move(tmp, db, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.IO, folder, null, e.getMessage(), e);
        }
    }
}
