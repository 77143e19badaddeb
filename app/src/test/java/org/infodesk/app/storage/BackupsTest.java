package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.Edit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupsTest {

    private static final DomainKey ROADS = new DomainKey("5650801", 2564, "infrastructure");

    @TempDir
    Path folder;

    @Test
    void aBackupRestoresToExactlyTheValuesItWasTakenWith() throws Exception {
        Path backup;
        try (Store store = StoreFixture.open(folder)) {
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
            answers.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
            answers.save(new Edit(ROADS, "road_km_total", new BigDecimal("42.36"), "somchai"));
            backup = store.backup("manual");
            answers.save(new Edit(ROADS, "road_routes_total", new BigDecimal("99"), "somchai"));
        }

        Store.restore(folder, backup, Clock.systemUTC());

        try (Store store = StoreFixture.open(folder)) {
            var values = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key()).current(ROADS).values();
            assertThat(values).containsEntry("road_routes_total", new BigDecimal("58"))
                    .containsEntry("road_km_total", new BigDecimal("42.36"));
        }
    }

    @Test
    void everyStartBacksUpAndOnlyTheNewestTenAreKept() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key())
                    .save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        }
        for (int i = 0; i < Backups.KEEP + 3; i++) {
            StoreFixture.open(folder).close();
        }

        var backups = new Backups(folder, Clock.systemUTC()).list();

        assertThat(backups).hasSize(Backups.KEEP);
        assertThat(backups).allSatisfy(p -> assertThat(Backups.isSound(p)).isTrue());
        assertThat(backups.get(0).getFileName().toString()).endsWith("-start.db");
    }

    @Test
    void aDamagedBackupIsNotRestoredAndTheDatabaseStaysAsItWas() throws Exception {
        try (Store store = StoreFixture.open(folder)) {
            new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key())
                    .save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
        }
        Path junk = java.nio.file.Files.writeString(folder.resolve("junk.db"), "not a database");

        var e = org.assertj.core.api.Assertions.catchThrowableOfType(org.infodesk.app.data.StoreException.class,
                () -> Store.restore(folder, junk, Clock.systemUTC()));

        assertThat(e.problem()).isEqualTo(org.infodesk.app.data.StoreException.Problem.CORRUPT);
        try (Store store = StoreFixture.open(folder)) {
            assertThat(new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key()).current(ROADS).values())
                    .containsEntry("road_routes_total", new BigDecimal("58"));
        }
    }

    @TempDir
    Path crashed;

    @Test
    void restoringKeepsTheCurrentDataIncludingWhatOnlyTheWriteAheadLogHolds() throws Exception {
        Path backup;
        try (Store store = StoreFixture.open(folder)) {
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
            answers.save(new Edit(ROADS, "road_routes_total", new BigDecimal("58"), "somchai"));
            backup = store.backup("manual");
            answers.save(new Edit(ROADS, "road_routes_total", new BigDecimal("77"), "somchai"));
            // the files as a crash leaves them: the last save is committed in the WAL, not yet in the main file
            for (String name : new String[] {Store.FILE, Store.FILE + "-wal", Store.FILE + "-shm"}) {
                java.nio.file.Files.copy(folder.resolve(name), crashed.resolve(name));
            }
        }

        Store.restore(crashed, backup, Clock.systemUTC());

        Path kept = new Backups(crashed, Clock.systemUTC()).list().stream()
                .filter(p -> p.getFileName().toString().endsWith("-before-restore.db")).findFirst().orElseThrow();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + kept);
             var s = c.createStatement();
             var r = s.executeQuery("SELECT value FROM answer WHERE item = 'road_routes_total'")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("\"77\"");
        }
    }
}
