package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.data.StoreException.Problem;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.Edit;
import org.infodesk.app.i18n.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store under trouble: each failure gives its problem and message, and nothing saved is lost. */
class StoreFailureTest {

    private static final DomainKey ROADS = new DomainKey("5650801", 2564, "infrastructure");
    private static final String KEY = StoreFixture.DEFINITION.key();

    @TempDir
    Path folder;

    private static void saveRoutes(Store store, int routes) throws StoreException {
        new SqliteAnswerRepository(store, KEY).save(new Edit(ROADS, "road_routes_total", new BigDecimal(routes), "somchai"));
    }

    private static Object routes(Store store) throws StoreException {
        return new SqliteAnswerRepository(store, KEY).current(ROADS).values().get("road_routes_total");
    }

    @Test
    void aSecondInstanceOnTheSameFolderIsRefusedAndTheFirstCarriesOn() throws Exception {
        try (Store first = StoreFixture.open(folder)) {
            saveRoutes(first, 58);

            StoreException e = catchThrowableOfType(StoreException.class, () -> StoreFixture.open(folder));

            assertThat(e.problem()).isEqualTo(Problem.LOCKED);
            assertThat(Messages.thai().get(e.messageKey())).contains("เปิดอยู่แล้ว");
            saveRoutes(first, 59);
            assertThat(routes(first)).isEqualTo(new BigDecimal("59"));
        }
        try (Store again = StoreFixture.open(folder)) {
            assertThat(routes(again)).isEqualTo(new BigDecimal("59"));
        }
    }

    @Test
    void anInfoDeskInAnotherProcessKeepsTheFolderAndASecondOneIsRefused() throws Exception {
        try (var other = org.infodesk.app.storage.crash.ChildJvm.start(StoreHolder.class, folder.resolveSibling("holder.err"),
                folder.toString())) {
            other.awaitLine("READY", java.time.Duration.ofSeconds(60));

            StoreException e = catchThrowableOfType(StoreException.class, () -> StoreFixture.open(folder));

            assertThat(e.problem()).isEqualTo(Problem.LOCKED);
            other.closeInput();
            other.waitFor(java.time.Duration.ofSeconds(30));
        }
        try (Store store = StoreFixture.open(folder)) {
            saveRoutes(store, 58); // the lock went with the other process
        }
    }

    @Test
    void aDamagedFileIsRefusedUntouchedAndTheLatestBackupIsOffered() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            saveRoutes(store, 58);
        }
        try (Store store = StoreFixture.open(folder)) { // the start backup now holds 58
            saveRoutes(store, 60);
        }
        Path db = folder.resolve(Store.FILE);
        try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
            f.seek(100);
            f.write(new byte[4096]); // wipe the rest of the header page and the start of page 2
            f.seek(0);
            f.write("this is not a database at all".getBytes());
        }
        byte[] damaged = Files.readAllBytes(db);

        StoreException e = catchThrowableOfType(StoreException.class, () -> StoreFixture.open(folder));

        assertThat(e.problem()).isEqualTo(Problem.CORRUPT);
        assertThat(e.latestBackup()).isPresent();
        assertThat(Files.readAllBytes(db)).isEqualTo(damaged);
        Store.restore(folder, e.latestBackup().orElseThrow(), Clock.systemUTC());
        try (Store restored = StoreFixture.open(folder)) {
            assertThat(routes(restored)).isEqualTo(new BigDecimal("58"));
        }
        assertThat(new Backups(folder, Clock.systemUTC()).list())
                .anySatisfy(p -> assertThat(p.getFileName().toString()).endsWith("-before-restore.db"));
    }

    @Test
    void sqliteThatCannotLoadIsNotTakenForADamagedFileAndNoBackupIsOffered() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            saveRoutes(store, 58);
        }
        try (Store store = StoreFixture.open(folder)) { // a start backup exists: a damaged file would offer it
            saveRoutes(store, 59);
        }
        byte[] before = Files.readAllBytes(folder.resolve(Store.FILE));
        Path nowhere = folder.resolveSibling("no-such-folder");
        // sqlite-jdbc's native library neither where it is named nor extractable to its temporary folder
        List<String> cannotLoad = List.of("-Dorg.sqlite.lib.path=" + nowhere, "-Dorg.sqlite.lib.name=libnone.so",
                "-Dorg.sqlite.tmpdir=" + nowhere);
        List<String> said;
        try (var child = org.infodesk.app.storage.crash.ChildJvm.Launch.ofTestClassPath().withOptions(cannotLoad)
                .start(StoreOpener.class, folder.resolveSibling("opener.err"), folder.toString())) {
            said = child.awaitLine("DONE", java.time.Duration.ofSeconds(60));
            child.waitFor(java.time.Duration.ofSeconds(30));
        }

        assertThat(said).containsExactly("PROBLEM IO backup=false");
        assertThat(Files.readAllBytes(folder.resolve(Store.FILE))).isEqualTo(before);
        try (Store store = StoreFixture.open(folder)) { // with SQLite loading, the same file opens as it was
            assertThat(routes(store)).isEqualTo(new BigDecimal("59"));
        }
    }

    @Test
    void aReadOnlyFolderIsRefusedWithItsMessageAndTheDataStays() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            saveRoutes(store, 58);
        }
        StoreException e;
        try (ReadOnlyFolder readOnly = ReadOnlyFolder.of(folder)) {
            assumeThat(readOnly.holds()).as("this file system can make a folder read-only").isTrue();

            e = catchThrowableOfType(StoreException.class, () -> StoreFixture.open(folder));
        }

        assertThat(e.problem()).isEqualTo(Problem.READ_ONLY);
        assertThat(e.folder()).contains(folder);
        assertThat(Messages.of(java.util.Locale.ENGLISH).get(e.messageKey(), folder)).contains(folder.toString());
        try (Store store = StoreFixture.open(folder)) {
            assertThat(routes(store)).isEqualTo(new BigDecimal("58"));
        }
    }

    @Test
    void aFullDiskRefusesTheChangeKeepsWhatWasSavedAndWorksAgainWhenThereIsRoom() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            saveRoutes(store, 58);
            try (Statement s = store.connection().createStatement()) {
                s.execute("PRAGMA max_page_count = " + pageCount(store));
            }
            DomainKey culture = new DomainKey("5650801", 2564, "society_religion_culture");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("tradition_name", "ประเพณีประจำปีของชุมชน หมู่ที่ " + i);
                row.put("tradition_month", "4");
                rows.add(row);
            }
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, KEY);

            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> answers.save(new Edit(culture, "traditions", rows, "somchai")));

            assertThat(e.problem()).isEqualTo(Problem.DISK_FULL);
            assertThat(Messages.thai().get(e.messageKey())).contains("เต็ม");
            assertThat(routes(store)).isEqualTo(new BigDecimal("58"));
            assertThat(answers.current(culture).values()).isEmpty();
            try (Statement s = store.connection().createStatement()) {
                s.execute("PRAGMA max_page_count = 1073741823");
            }
            answers.save(new Edit(culture, "traditions", rows, "somchai"));
            assertThat(answers.current(culture).values().get("traditions")).isEqualTo(rows);
        }
    }

    private static long pageCount(Store store) throws Exception {
        try (Statement s = store.connection().createStatement(); var r = s.executeQuery("PRAGMA page_count")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void dataWrittenByANewerInfoDeskIsRefusedAndLeftAlone() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            saveRoutes(store, 58);
            try (Statement s = store.connection().createStatement()) {
                s.execute("""
                    INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,
                        installed_by, installed_on, execution_time, success)
                    SELECT 99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, installed_by, installed_on, 0, 1
                    FROM flyway_schema_history WHERE version = '1'""");
            }
            store.connection().commit();
        }

        StoreException e = catchThrowableOfType(StoreException.class, () -> StoreFixture.open(folder));

        assertThat(e.problem()).as(e.getMessage()).isEqualTo(Problem.NEWER_SCHEMA);
        assertThat(Backups.isSound(folder.resolve(Store.FILE))).isTrue();
    }
}
