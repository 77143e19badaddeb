package org.infodesk.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.infodesk.server.support.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The schema: migrations on an empty database, again without effect, and exactly-once held by its constraints. */
class DatabaseTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    Path dataDir;

    @Test
    void migrationsMakeTheSchemaOnAnEmptyDatabaseAndAreIdempotent() throws Exception {
        try (Database database = postgres.newDatabase(dataDir)) {
            assertThat(tables(database)).contains("lao", "district_office", "device", "enrolment_code", "submission",
                    "domain_head", "receipt", "review_decision", "flyway_schema_history");

            assertThat(database.migrate()).isZero();
            assertThat(database.migrate()).isZero();
        }
    }

    @Test
    void theDatabaseRefusesASecondRowForOneSubmissionIdOrRevisionAndASecondHead() throws Exception {
        try (Database database = postgres.newDatabase(dataDir); Connection connection = database.dataSource().getConnection();
             Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO district_office (province, district) VALUES ('พิษณุโลก', 'วังทอง')");
            sql.execute("INSERT INTO lao VALUES ('5650801', 'เทศบาลตำบลวังทอง', 'Wang Thong', 'พิษณุโลก', 'วังทอง')");
            sql.execute("INSERT INTO enrolment_code (code_hash, kind, lao_code, issued_at, expires_at)"
                    + " VALUES (sha256('c'), 'LAO', '5650801', now(), now() + interval '1 day')");
            sql.execute("INSERT INTO device (id, public_key, kind, lao_code, token_hash, enrolment_code_id, created_at)"
                    + " VALUES ('00000000-0000-0000-0000-000000000001', sha256('k'), 'LAO', '5650801', sha256('t'), 1, now())");
            String submission = "INSERT INTO submission (submission_id, lao_code, fiscal_year, domain, revision,"
                    + " definition_version, digest, payload, certified_at, signature, key_id, device_id, relay_device_id, received_at)"
                    + " VALUES ('%s', '5650801', 2568, 'finance', %d, 'v1', sha256('%s'), 'p', now(), sha512('s'), 'k',"
                    + " '00000000-0000-0000-0000-000000000001', NULL, now())";
            sql.execute(submission.formatted("00000000-0000-7000-8000-000000000001", 1, "a"));

            assertThatThrownBy(() -> sql.execute(submission.formatted("00000000-0000-7000-8000-000000000001", 2, "b")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("submission_pkey");
            assertThatThrownBy(() -> sql.execute(submission.formatted("00000000-0000-7000-8000-000000000002", 1, "c")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("submission_lao_code_fiscal_year_domain_revision_key");
            sql.execute("INSERT INTO domain_head VALUES ('5650801', 2568, 'finance', 1, '00000000-0000-7000-8000-000000000001')");
            assertThatThrownBy(() -> sql.execute(
                    "INSERT INTO domain_head VALUES ('5650801', 2568, 'finance', 1, '00000000-0000-7000-8000-000000000001')"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("domain_head_pkey");
        }
    }

    @Test
    void theEmbeddedDefaultKeepsItsDataInTheDataFolderDurably() throws Exception {
        Database.Settings embedded = new Database.Settings(Optional.empty(), Optional.empty(), Optional.empty(), dataDir, 2);
        try (Database database = Database.open(embedded)) {
            assertThat(database.embedded()).isTrue();
            assertThat(setting(database, "fsync")).isEqualTo("on");
            assertThat(setting(database, "synchronous_commit")).isEqualTo("on");
            try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("INSERT INTO district_office (province, district) VALUES ('พิษณุโลก', 'วังทอง')");
            }
        }
        assertThat(dataDir.resolve("postgres").resolve("PG_VERSION")).exists();

        try (Database again = Database.open(embedded)) {
            assertThat(again.migrate()).isZero();
            try (Connection connection = again.dataSource().getConnection(); Statement sql = connection.createStatement();
                 ResultSet row = sql.executeQuery("SELECT district FROM district_office")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("วังทอง");
            }
        }
    }

    @Test
    void aSecondServerOnTheSameDataFolderIsRefusedWithAMessage() throws Exception {
        Database.Settings embedded = new Database.Settings(Optional.empty(), Optional.empty(), Optional.empty(), dataDir, 2);
        try (Database first = Database.open(embedded)) {
            assertThatThrownBy(() -> Database.open(embedded)).isInstanceOf(DatabaseException.class)
                    .hasMessageContaining("is another server using this data folder?");
            assertThat(first.answers()).isTrue();
        }
    }

    static List<String> tables(Database database) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    static String setting(Database database, String name) throws SQLException {
        try (Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
