package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.security.SecureRandom;
import java.time.Clock;
import org.flywaydb.core.Flyway;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.users.PasswordHasher;
import org.infodesk.app.users.SignIn;
import org.infodesk.app.users.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database of an older schema, holding data, migrates to the latest with nothing lost. */
class MigrationTest {

    @TempDir
    Path folder;

    /** Makes the database of an older schema and runs statements on it; returns its JDBC URL. */
    private String schemaWithData(String version, String... statements) throws Exception {
        String url = "jdbc:sqlite:" + folder.resolve(Store.FILE).toAbsolutePath();
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration").target(version).load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return url;
    }

    @Test
    void theFirstSchemaWithDataMigratesToTheLatestKeepingEveryRowAndBackingUpFirst() throws Exception {
        String url = schemaWithData("1", """
                INSERT INTO domain_revision (id, lao_code, fiscal_year, domain, revision, definition_key, state, created_at, updated_at)
                VALUES (1, '5650801', 2564, 'infrastructure', 1, 'dla-lao-info/2564/1', 'DRAFT',
                        '2021-06-01T02:00:00Z', '2021-06-01T02:00:00Z'),
                       (2, '5650801', 2564, 'water_management', 1, 'dla-lao-info/2564/1', 'DRAFT',
                        '2021-06-01T02:00:00Z', '2021-06-01T02:00:00Z')""",
            """
                INSERT INTO answer (revision_id, item, value, updated_at, updated_by) VALUES
                (1, 'road_routes_total', '"58"', '2021-06-01T02:00:00Z', 'somchai'),
                (2, 'village_water_systems', '"9"', '2021-06-01T02:00:00Z', 'somchai')""",
            """
                INSERT INTO audit_log (at, user_name, revision_id, item, old_value, new_value)
                VALUES ('2021-06-01T02:00:00Z', 'somchai', 1, 'road_routes_total', NULL, '"58"')""",
            """
                INSERT INTO certified_snapshot (revision_id, submission_id, payload, digest, signature, certifier_name,
                    certifier_position, certified_at)
                VALUES (2, '0190a1b2-0000-7000-8000-000000000001', x'7b7d', 'abc', x'01', 'นายสมชาย', 'ปลัด', '2021-06-02T02:00:00Z')""",
            "UPDATE domain_revision SET state = 'QUEUED' WHERE id = 2",
            """
                INSERT INTO outbox_item (submission_id, state, created_at, updated_at)
                VALUES ('0190a1b2-0000-7000-8000-000000000001', 'QUEUED', '2021-06-02T02:00:00Z', '2021-06-02T02:00:00Z')""");

        String latest = java.util.Arrays.stream(Flyway.configure().dataSource(url, null, null)
                        .locations("classpath:db/migration").load().info().all())
                .map(m -> m.getVersion()).max(org.flywaydb.core.api.MigrationVersion::compareTo).orElseThrow().getVersion();
        assertThat(Integer.parseInt(latest)).isGreaterThan(1).isEqualTo(Store.SCHEMA_VERSION);

        try (Store store = StoreFixture.open(folder)) {
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
            var roads = answers.current(new DomainKey("5650801", 2564, "infrastructure"));
            var water = answers.current(new DomainKey("5650801", 2564, "water_management"));

            assertThat(roads.values()).containsEntry("road_routes_total", new BigDecimal("58"));
            assertThat(water.state()).isEqualTo(DomainState.QUEUED);
            assertThat(answers.audit(roads.key())).hasSize(1);
            assertThat(new SqliteOutboxRepository(store).undelivered()).hasSize(1);
            assertThat(new SqliteCertificationRepository(store, answers).snapshots(water.key())).hasSize(1);
            try (Statement s = store.connection().createStatement();
                 ResultSet r = s.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history")) {
                r.next();
                assertThat(r.getString(1)).isEqualTo(latest);
            }
        }
        assertThat(new Backups(folder, Clock.systemUTC()).list()).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).endsWith("-before-migration-to-v" + latest + ".db"));
    }

    @Test
    void aSchema3DatabaseWithDataUpgradesToUsersTheDeviceKeyAndTheSavedDashboardKeepingItsData() throws Exception {
        schemaWithData("3", """
                INSERT INTO domain_revision (id, lao_code, fiscal_year, domain, revision, definition_key, state, created_at, updated_at)
                VALUES (1, '5650801', 2564, 'infrastructure', 1, 'dla-lao-info/2564/1', 'DRAFT',
                        '2021-06-01T02:00:00Z', '2021-06-01T02:00:00Z')""",
            """
                INSERT INTO answer (revision_id, item, value, updated_at, updated_by) VALUES
                (1, 'road_routes_total', '"58"', '2021-06-01T02:00:00Z', 'officer')""",
            """
                INSERT INTO justification (revision_id, subject, text, updated_at, updated_by) VALUES
                (1, 'road_routes_total', 'สร้างถนนใหม่ 6 สาย', '2021-06-01T02:00:00Z', 'officer')""",
            """
                INSERT INTO last_year_value (lao_code, fiscal_year, domain, item, value, imported_at) VALUES
                ('5650801', 2563, 'infrastructure', 'road_routes_total', '"52"', '2021-05-01T02:00:00Z')""");

        try (Store store = StoreFixture.open(folder)) {
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
            DomainKey roads = new DomainKey("5650801", 2564, "infrastructure");

            assertThat(answers.current(roads).values()).containsEntry("road_routes_total", new BigDecimal("58"));
            assertThat(answers.justifications(roads)).containsEntry("road_routes_total", "สร้างถนนใหม่ 6 สาย");
            assertThat(new SqliteLastYearRepository(store, StoreFixture.DEFINITION).values("5650801", 2563)
                    .get("infrastructure", "road_routes_total")).isEqualTo(new BigDecimal("52"));
            UserService users = new UserService(new SqliteUserRepository(store),
                    new PasswordHasher(new PasswordHasher.Params(1024, 1, 1), new SecureRandom()), Clock.systemUTC());
            assertThat(users.needsFirstAdmin()).isTrue();
            users.createFirstAdmin("somchai", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", "ผู้ดูแล-2564");
            assertThat(users.signIn("somchai", "ผู้ดูแล-2564")).isInstanceOf(SignIn.Ok.class);
            assertThat(new SqliteDeviceRepository(store).devicePublicKey()).isEmpty();
            assertThat(new SqliteDashboardCache(store).latest("5650801")).isEmpty(); // V5: nothing saved yet
        }
        assertThat(new Backups(folder, Clock.systemUTC()).list()).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).endsWith("-before-migration-to-v" + Store.SCHEMA_VERSION + ".db"));
    }

    @Test
    void definitionsAndLastYearsValuesKeptBySchema7AreToDoAfterSchema8AndAppliedByTheNextPull() throws Exception {
        var values = new org.infodesk.protocol.wire.Change.LastYearValues("5650801", 2564, "infrastructure", 1, "dla-lao-info", 1,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("road_routes_total", "57"));
        var definition = new org.infodesk.protocol.wire.Change.NewDefinition("dla-lao-info", 2565, 1, "ab".repeat(32));
        schemaWithData("7", "INSERT INTO pulled_change (kind, identity, body, pulled_at) VALUES "
                + "('last_year_values', '5650801/2564/infrastructure', '" + json(values) + "', '2026-11-20T02:00:00Z'), "
                + "('definition', 'dla-lao-info/2565/1', '" + json(definition) + "', '2026-11-20T02:00:00Z'), "
                + "('lao_status', '5650801/2564/infrastructure', '{}', '2026-11-20T02:00:00Z')");

        try (Store store = StoreFixture.open(folder)) {
            SqlitePullRepository pulls = new SqlitePullRepository(store);
            assertThat(pulls.definitionsToFetch()).containsExactly(definition);
            assertThat(pulls.problems()).extracting(org.infodesk.app.sync.PullRepository.Problem::kind)
                    .containsExactlyInAnyOrder("definition", "last_year_values");

            pulls.apply(java.util.List.of(), "1.feed.9");

            assertThat(pulls.definitionsToFetch()).containsExactly(definition);
            assertThat(new SqliteLastYearRepository(store, StoreFixture.DEFINITION).values("5650801", 2564)
                    .get("infrastructure", "road_routes_total")).isEqualTo(new BigDecimal("57"));
        }
    }

    private static String json(org.infodesk.protocol.wire.Change change) {
        return new String(org.infodesk.protocol.wire.WireCodec.write(change), java.nio.charset.StandardCharsets.UTF_8);
    }
}
