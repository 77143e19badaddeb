package org.infodesk.server.enrolment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.storage.Database;
import org.infodesk.protocol.fixtures.MutableClock;
import org.infodesk.server.support.PostgresExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class EnrolmentTest {

    @RegisterExtension
    static PostgresExtension postgres = new PostgresExtension();
    @TempDir
    static Path dataDir;
    static Database database;

    final MutableClock clock = new MutableClock(Instant.parse("2025-01-06T02:00:00Z"));
    final Enrolment enrolment = new Enrolment(database.dataSource(), clock);

    @BeforeAll
    static void registry() throws Exception {
        database = postgres.newDatabase(dataDir);
        new Registry(database.dataSource()).importAll(RegistryCsv.read(RegistryCsv.sample()));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aCodeEnrolsOneDeviceOnceAndOnlyItsHashIsStored() throws Exception {
        Enrolment.IssuedCode issued = enrolment.issue(new Enrolment.Target.OfLao("5650801"), Duration.ofDays(14));

        Enrolment.Redemption first = enrolment.redeem(issued.code().toLowerCase(), Ed25519Keys.generate().getPublic());
        Enrolment.Redemption second = enrolment.redeem(issued.code(), Ed25519Keys.generate().getPublic());

        assertThat(first).isInstanceOf(Enrolment.Redemption.Enrolled.class);
        assertThat(second).isEqualTo(new Enrolment.Redemption.Refused(Enrolment.Reason.CODE_USED));
        assertThat(storedBytes()).noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(issued.code())
                || new String(bytes, StandardCharsets.ISO_8859_1).contains(issued.code().replace("-", "")));
        String token = ((Enrolment.Redemption.Enrolled) first).token();
        assertThat(storedBytes()).noneMatch(bytes -> new String(bytes, StandardCharsets.ISO_8859_1).contains(token));
    }

    @Test
    void anExpiredOrUnknownCodeEnrolsNothing() throws Exception {
        Enrolment.IssuedCode issued = enrolment.issue(new Enrolment.Target.OfDistrict("วังทอง", null), Duration.ofHours(1));
        clock.now = clock.now.plus(Duration.ofHours(2));

        assertThat(enrolment.redeem(issued.code(), Ed25519Keys.generate().getPublic()))
                .isEqualTo(new Enrolment.Redemption.Refused(Enrolment.Reason.CODE_EXPIRED));
        assertThat(enrolment.redeem("AAAA-BBBB-CCCC-DDDD", Ed25519Keys.generate().getPublic()))
                .isEqualTo(new Enrolment.Redemption.Refused(Enrolment.Reason.UNKNOWN_CODE));
    }

    @Test
    void oneKeyIsEnrolledOnce() throws Exception {
        var key = Ed25519Keys.generate().getPublic();
        enrolment.redeem(enrolment.issue(new Enrolment.Target.OfLao("6650805"), Duration.ofDays(1)).code(), key);
        Enrolment.IssuedCode unused = enrolment.issue(new Enrolment.Target.OfLao("6650805"), Duration.ofDays(1));

        assertThat(enrolment.redeem(unused.code(), key)).isEqualTo(new Enrolment.Redemption.Refused(Enrolment.Reason.KEY_ALREADY_ENROLLED));
        assertThat(enrolment.redeem(unused.code(), Ed25519Keys.generate().getPublic())).isInstanceOf(Enrolment.Redemption.Enrolled.class);
    }

    @Test
    void aDeviceIsRevokedOnceAndItsTokenThenShowsIt() throws Exception {
        var enrolled = (Enrolment.Redemption.Enrolled) enrolment.redeem(
                enrolment.issue(new Enrolment.Target.OfLao("6650801"), Duration.ofDays(1)).code(), Ed25519Keys.generate().getPublic());

        assertThat(enrolment.revoke(enrolled.deviceId())).isTrue();
        assertThat(enrolment.revoke(enrolled.deviceId())).isFalse();
        assertThat(enrolment.authenticate(enrolled.token())).hasValueSatisfying(device -> assertThat(device.revoked()).isTrue());
    }

    @Test
    void aTokenNamesItsDeviceKeyAndWhatItSpeaksFor() throws Exception {
        var key = Ed25519Keys.generate().getPublic();
        var lao = (Enrolment.Redemption.Enrolled) enrolment.redeem(
                enrolment.issue(new Enrolment.Target.OfLao("5650801"), Duration.ofDays(1)).code(), key);
        var district = (Enrolment.Redemption.Enrolled) enrolment.redeem(
                enrolment.issue(new Enrolment.Target.OfDistrict("วังทอง", "พิษณุโลก"), Duration.ofDays(1)).code(),
                Ed25519Keys.generate().getPublic());

        assertThat(enrolment.authenticate(lao.token())).hasValue(new Enrolment.Device(
                lao.deviceId(), key, Enrolment.Kind.LAO, "5650801", "พิษณุโลก", "วังทอง", false, null));
        assertThat(enrolment.authenticate(district.token())).hasValueSatisfying(device -> {
            assertThat(device.kind()).isEqualTo(Enrolment.Kind.DISTRICT);
            assertThat(device.laoCode()).isNull();
            assertThat(device.district()).isEqualTo("วังทอง");
            assertThat(device.districtCode()).isEqualTo("6508");
        });
        assertThat(enrolment.device(lao.deviceId())).isEqualTo(enrolment.authenticate(lao.token()));
        assertThat(enrolment.authenticate(lao.token() + "x")).isEmpty();
        assertThat(enrolment.authenticate("x".repeat(10_000))).isEmpty();
    }

    @Test
    void codesAreIssuedOnlyForTheRegistry() {
        assertThatThrownBy(() -> enrolment.issue(new Enrolment.Target.OfLao("6999999"), Duration.ofDays(1)))
                .isInstanceOf(EnrolmentException.class);
        assertThatThrownBy(() -> enrolment.issue(new Enrolment.Target.OfDistrict("ไม่มี", null), Duration.ofDays(1)))
                .isInstanceOf(EnrolmentException.class);
        assertThatThrownBy(() -> enrolment.issue(new Enrolment.Target.OfLao("5650801"), Duration.ofDays(400)))
                .isInstanceOf(EnrolmentException.class);
    }

    /** Every byte string the enrolment tables hold, as text columns and byte columns alike. */
    static List<byte[]> storedBytes() throws Exception {
        List<byte[]> all = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT convert_to(row_to_json(c)::text, 'UTF8'), code_hash FROM enrolment_code c"
                             + " UNION ALL SELECT convert_to(row_to_json(d)::text, 'UTF8'), token_hash FROM device d");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                all.add(rows.getBytes(1));
                all.add(rows.getBytes(2));
            }
        }
        return all;
    }
}
