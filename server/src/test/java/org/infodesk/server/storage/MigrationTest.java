package org.infodesk.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.infodesk.server.support.PostgresExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The ladder from its oldest schema with data to the newest (STYLE §7): V1's rows survive V2 to V5, which add to them. */
class MigrationTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();

    /** 64 bytes whose base64url uses both of its own letters ('-' and '_'). */
    private static final byte[] SIGNATURE = java.util.HexFormat.of().parseHex("fbff" + "00".repeat(60) + "ffbf");
    private static final String V1_ENVELOPE = "{\"digest\":\"" + "0".repeat(64) + "\",\"key_id\":\"k3yId_-\",\"payload\":{},"
            + "\"signature\":\"" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(SIGNATURE) + "\"}";
    @TempDir
    Path dataDir;

    @Test
    void aV1DatabaseWithASubmissionAndADecisionMigratesToTheNewestKeepingThem() throws Exception {
        String url = postgres.newDatabaseUrl();
        Flyway.configure().dataSource(url, null, null).locations(Database.MIGRATIONS).target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(url); Statement sql = connection.createStatement()) {
            sql.execute("""
                    INSERT INTO district_office (province, district) VALUES ('พิษณุโลก', 'วังทอง');
                    INSERT INTO lao VALUES ('5650801', 'ทต.วังทอง', 'Wang Thong', 'พิษณุโลก', 'วังทอง');
                    INSERT INTO enrolment_code (code_hash, kind, lao_code, issued_at, expires_at, used_at)
                        VALUES (sha256('c'), 'LAO', '5650801', now(), now() + interval '1 day', now());
                    INSERT INTO device (id, public_key, kind, lao_code, token_hash, enrolment_code_id, created_at)
                        VALUES ('00000000-0000-0000-0000-000000000001', sha256('k'), 'LAO', '5650801', sha256('t'),
                                (SELECT id FROM enrolment_code), now());
                    INSERT INTO submission VALUES ('00000000-0000-0000-0000-0000000000a1', '5650801', 2564, 'infrastructure', 1,
                        'dla-lao-info/2564/1', sha256('p'), convert_to('{"certified_at":"2021-09-27T02:30:15.250Z"}', 'UTF8'),
                        convert_to('%s', 'UTF8'),
                        '00000000-0000-0000-0000-000000000001', NULL, now());
                    INSERT INTO domain_head VALUES ('5650801', 2564, 'infrastructure', 1, '00000000-0000-0000-0000-0000000000a1');
                    INSERT INTO review_decision (submission_id, decision, comment, reviewer, decided_at)
                        VALUES ('00000000-0000-0000-0000-0000000000a1', 'RETURNED', 'แก้ไข', 'สนง.จังหวัด', now());
                    """.formatted(V1_ENVELOPE));
        }

        try (Database database = Database.open(new Database.Settings(Optional.of(url), Optional.empty(), Optional.empty(), dataDir, 4));
             Connection connection = database.dataSource().getConnection(); Statement sql = connection.createStatement()) {
            assertThat(one(sql, "SELECT max(version) FROM flyway_schema_history")).isEqualTo("5");
            // V3: the device's key id, computed by the database as SPEC §3.5 computes it.
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            byte[] key = sha.digest("k".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String keyId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(sha.digest(key), 16));
            assertThat(one(sql, "SELECT key_id FROM device")).isEqualTo(keyId);
            assertThat(one(sql, "SELECT count(*) FROM submission")).isEqualTo("1");
            // V4: the envelope as received became its signature and key id.
            assertThat(one(sql, "SELECT encode(signature, 'hex') || ' ' || key_id FROM submission"))
                    .isEqualTo(java.util.HexFormat.of().formatHex(SIGNATURE) + " " + "k3yId_-");
            assertThat(one(sql, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'submission'"
                    + " AND column_name = 'envelope'")).isEqualTo("0");
            // V5: the device's certification time, out of the payload.
            assertThat(one(sql, "SELECT to_char(certified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') FROM submission"))
                    .isEqualTo("2021-09-27 02:30:15.250");
            assertThat(one(sql, "SELECT decision || ' ' || coalesce(reviewer_username, '-') FROM review_decision")).isEqualTo("RETURNED -");
            assertThat(one(sql, "SELECT name FROM change_feed")).matches("[0-9a-f]{16}");
            assertThat(one(sql, "SELECT count(*) FROM change_log")).isEqualTo("0");
            assertThat(database.migrate()).isZero();
        }
    }

    private static String one(Statement sql, String query) throws Exception {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }
}
