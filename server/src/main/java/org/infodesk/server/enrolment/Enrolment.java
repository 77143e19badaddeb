package org.infodesk.server.enrolment;

import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.LocalText;
import java.security.PublicKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.infodesk.protocol.submission.Ed25519Keys;

/**
 * Enrolment (DESIGN §7): an administrator issues a one-time code for one LAO or one district
 * office; a device redeems it once with its public key and receives a token. Codes and tokens
 * are stored hashed; a code is used up in the same transaction that makes the device, so two
 * devices racing with one code cannot both enrol. Devices can be revoked.
 */
public final class Enrolment {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(14);
    static final Duration MAX_VALIDITY = Duration.ofDays(365);

    private final DataSource dataSource;
    private final Clock clock;

    public Enrolment(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Whom a code enrols: one LAO, or one district office. */
    public sealed interface Target {
        record OfLao(String laoCode) implements Target {}
        record OfDistrict(String district, String province) implements Target {}
    }

    /** A code as issued: the only time its text exists outside the administrator's hands. */
    public record IssuedCode(String code, Instant expiresAt, String whom) {}

    /** The outcome of redeeming a code. */
    public sealed interface Redemption {
        record Enrolled(UUID deviceId, String token) implements Redemption {}
        record Refused(Reason reason) implements Redemption {}
    }

    public enum Reason { UNKNOWN_CODE, CODE_USED, CODE_EXPIRED, KEY_ALREADY_ENROLLED }

    /**
     * An enrolled device as a request presents it: its key (to verify what it signed), and what it
     * speaks for: its LAO, or, for a district office's device, its district (by name, and as the
     * code {@code PPAA}: the province and district digits of its LAOs' codes; null for an LAO device).
     */
    public record Device(UUID id, PublicKey publicKey, Kind kind, String laoCode, String province, String district,
                         boolean revoked, String districtCode) {}

    public enum Kind { LAO, DISTRICT }

    /** The longest token looked up; anything longer is no token of ours. */
    static final int MAX_TOKEN_LENGTH = 100;

    /** Issues a one-time code; refused with {@link EnrolmentException} when the LAO or district is not in the registry. */
    public IssuedCode issue(Target target, Duration validity) throws EnrolmentException, SQLException {
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new EnrolmentException("a code is valid for 1 second to " + MAX_VALIDITY.toDays() + " days");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(validity);
        String code = Secrets.newCode();
        try (Connection connection = dataSource.getConnection()) {
            String whom;
            String laoCode = null;
            Long officeId = null;
            if (target instanceof Target.OfLao lao) {
                whom = laoName(connection, lao.laoCode());
                laoCode = lao.laoCode();
            } else {
                Target.OfDistrict district = (Target.OfDistrict) target;
                officeId = districtOffice(connection, district);
                whom = "district office " + district.district() + (district.province() == null ? "" : ", " + district.province());
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO enrolment_code (code_hash, kind, lao_code, district_office_id, issued_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?)""")) {
                insert.setBytes(1, Secrets.codeHash(code));
                insert.setString(2, laoCode != null ? "LAO" : "DISTRICT");
                insert.setString(3, laoCode);
                insert.setObject(4, officeId);
                insert.setTimestamp(5, Timestamp.from(now));
                insert.setTimestamp(6, Timestamp.from(expires));
                insert.executeUpdate();
            }
            return new IssuedCode(code, expires, whom);
        }
    }

    /** Redeems a code once for a device's public key: the device and its token, or why not. */
    public Redemption redeem(String typedCode, PublicKey devicePublicKey) throws SQLException {
        byte[] hash = Secrets.codeHash(typedCode);
        byte[] rawKey = Ed25519Keys.raw(devicePublicKey);
        Instant now = clock.instant();
        return org.infodesk.server.storage.Transactions.commitIf(dataSource, c -> redeem(c, hash, rawKey, now),
                outcome -> outcome instanceof Redemption.Enrolled);
    }

    private static Redemption redeem(Connection connection, byte[] hash, byte[] rawKey, Instant now) throws SQLException {
        try (PreparedStatement key = connection.prepareStatement("SELECT 1 FROM device WHERE public_key = ?")) {
            key.setBytes(1, rawKey);
            try (ResultSet row = key.executeQuery()) {
                if (row.next()) {
                    return new Redemption.Refused(Reason.KEY_ALREADY_ENROLLED);
                }
            }
        }
        try (PreparedStatement use = connection.prepareStatement("""
                UPDATE enrolment_code SET used_at = ?
                WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
                RETURNING id, kind, lao_code, district_office_id""")) {
            use.setTimestamp(1, Timestamp.from(now));
            use.setBytes(2, hash);
            use.setTimestamp(3, Timestamp.from(now));
            try (ResultSet used = use.executeQuery()) {
                if (!used.next()) {
                    return new Redemption.Refused(whyNot(connection, hash));
                }
                UUID deviceId = UUID.randomUUID();
                String token = Secrets.newToken();
                try (PreparedStatement device = connection.prepareStatement("""
                        INSERT INTO device (id, public_key, kind, lao_code, district_office_id, token_hash, enrolment_code_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    device.setObject(1, deviceId);
                    device.setBytes(2, rawKey);
                    device.setString(3, used.getString("kind"));
                    device.setString(4, used.getString("lao_code"));
                    device.setObject(5, used.getObject("district_office_id"));
                    device.setBytes(6, Secrets.tokenHash(token));
                    device.setLong(7, used.getLong("id"));
                    device.setTimestamp(8, Timestamp.from(now));
                    device.executeUpdate();
                }
                return new Redemption.Enrolled(deviceId, token);
            }
        }
    }

    private static Reason whyNot(Connection connection, byte[] hash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT used_at FROM enrolment_code WHERE code_hash = ?")) {
            select.setBytes(1, hash);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Reason.UNKNOWN_CODE;
                }
                return row.getTimestamp(1) != null ? Reason.CODE_USED : Reason.CODE_EXPIRED;
            }
        }
    }

    /**
     * The device a bearer token belongs to, revoked or not (the caller refuses a revoked one with
     * its own code); empty for an unknown or malformed token.
     */
    public java.util.Optional<Device> authenticate(String token) throws SQLException {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return java.util.Optional.empty();
        }
        return find("d.token_hash = ?", Secrets.tokenHash(token));
    }

    /** The device of an id, revoked or not (a pushed envelope names the device that signed it); empty when unknown. */
    public java.util.Optional<Device> device(UUID deviceId) throws SQLException {
        return find("d.id = ?", deviceId);
    }

    /**
     * The device whose pinned key has this key id (SPEC §3.5), revoked or not: an envelope's
     * {@code key_id} names the device that signed it. Empty when unknown.
     */
    public java.util.Optional<Device> deviceByKeyId(String keyId) throws SQLException {
        if (keyId == null || keyId.isEmpty() || keyId.length() > 64) {
            return java.util.Optional.empty();
        }
        return find("d.key_id = ?", keyId);
    }

    private java.util.Optional<Device> find(String where, Object key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     SELECT d.id, d.public_key, d.kind, d.lao_code, coalesce(o.province, l.province), coalesce(o.district, l.district),
                            d.revoked_at IS NOT NULL,
                            (SELECT substring(min(x.code) from 2 for 4) FROM lao x WHERE x.province = o.province AND x.district = o.district)
                     FROM device d
                     LEFT JOIN district_office o ON o.id = d.district_office_id
                     LEFT JOIN lao l ON l.code = d.lao_code
                     WHERE\s""" + where)) {
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new Device(row.getObject(1, UUID.class), Ed25519Keys.publicKey(row.getBytes(2)),
                        Kind.valueOf(row.getString(3)), row.getString(4), row.getString(5), row.getString(6), row.getBoolean(7),
                        row.getString(8)));
            }
        }
    }

    /**
     * How the registry names the office a device speaks for (SPEC §4.4): its LAO's names, or, for a
     * district office's device, the district office's (ท้องถิ่นอำเภอ, by the district's Thai name).
     */
    public EnrolmentResponse.Office officeOf(Device device) throws SQLException {
        if (device.kind() == Kind.LAO) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT name_th, name_en FROM lao WHERE code = ?")) {
                select.setString(1, device.laoCode());
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw new IllegalStateException("an enrolled device's LAO is not in the registry: " + device.laoCode());
                    }
                    return new EnrolmentResponse.Office(new LocalText(row.getString(1), row.getString(2)), device.district(),
                            device.province());
                }
            }
        }
        return new EnrolmentResponse.Office(new LocalText("ท้องถิ่นอำเภอ" + device.district(),
                "District local administration office, " + device.district()), device.district(), device.province());
    }

    /** Revokes a device: its token and key are refused from now on. False when there is no such device or it was revoked already. */
    public boolean revoke(UUID deviceId) throws SQLException {
        return org.infodesk.server.storage.Statements.update(dataSource,
                "UPDATE device SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", Timestamp.from(clock.instant()), deviceId) == 1;
    }

    private static String laoName(Connection connection, String code) throws SQLException, EnrolmentException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name_th FROM lao WHERE code = ?")) {
            select.setString(1, code);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new EnrolmentException("no LAO " + code + " in the registry (import it first: import-registry FILE)");
                }
                return code + " " + row.getString(1);
            }
        }
    }

    private static long districtOffice(Connection connection, Target.OfDistrict district) throws SQLException, EnrolmentException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, province FROM district_office WHERE district = ? AND (?::text IS NULL OR province = ?) ORDER BY province")) {
            select.setString(1, district.district());
            select.setString(2, district.province());
            select.setString(3, district.province());
            try (ResultSet rows = select.executeQuery()) {
                List<String> provinces = new java.util.ArrayList<>();
                long id = -1;
                while (rows.next()) {
                    id = rows.getLong(1);
                    provinces.add(rows.getString(2));
                }
                if (provinces.isEmpty()) {
                    throw new EnrolmentException("no district " + district.district()
                            + (district.province() == null ? "" : " in " + district.province()) + " in the registry");
                }
                if (provinces.size() > 1) {
                    throw new EnrolmentException("district " + district.district() + " is in several provinces ("
                            + String.join(", ", provinces) + "): name the province too (--province)");
                }
                return id;
            }
        }
    }
}
