package org.infodesk.app.storage;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.sync.AccountRepository;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;

/** {@link AccountRepository} on the SQLite store (schema 6, {@code server_account}). */
public final class SqliteAccountRepository implements AccountRepository {

    private final Store store;

    public SqliteAccountRepository(Store store) {
        this.store = store;
    }

    @Override
    public Optional<ServerAccount> current() throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT server_url, device_id, token, server_key, server_key_id, limits, lao_code, district_code, enrolled_at,
                           office
                    FROM server_account WHERE id = 1""");
                 ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.<ServerAccount>empty();
                }
                ProtocolLimits limits = json(r.getString(6), ProtocolLimits.class, "limits");
                EnrolmentResponse.Office office = r.getString(10) == null ? null
                        : json(r.getString(10), EnrolmentResponse.Office.class, "office");
                EnrolmentResponse enrolment = new EnrolmentResponse(r.getString(2), r.getString(3),
                        Ed25519Keys.encode(Ed25519Keys.publicKey(r.getBytes(4))), r.getString(5), r.getString(7), r.getString(8),
                        office, limits);
                return Optional.of(new ServerAccount(HttpUrl.get(r.getString(1)), enrolment, Instant.parse(r.getString(9))));
            }
        });
    }

    @Override
    public void save(ServerAccount account) throws StoreException {
        EnrolmentResponse e = account.enrolment();
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT OR REPLACE INTO server_account (id, server_url, device_id, token, server_key, server_key_id, limits,
                                                           lao_code, district_code, enrolled_at, office)
                    VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setString(1, account.server().toString());
                s.setString(2, e.deviceId());
                s.setString(3, e.token());
                s.setBytes(4, Ed25519Keys.raw(e.serverKey()));
                s.setString(5, e.serverKeyId());
                s.setString(6, new String(WireCodec.write(e.limits()), StandardCharsets.UTF_8));
                s.setString(7, e.laoCode());
                s.setString(8, e.districtCode());
                s.setString(9, account.enrolledAt().toString());
                s.setString(10, e.office() == null ? null : new String(WireCodec.write(e.office()), StandardCharsets.UTF_8));
                s.executeUpdate();
            }
            return null;
        });
    }

    /** A member kept as the server's JSON, read back; a stored value that does not read is a damaged store. */
    private static <T> T json(String text, Class<T> type, String column) throws java.sql.SQLException {
        try {
            return WireCodec.read(text.getBytes(StandardCharsets.UTF_8), type);
        } catch (WireException e) {
            throw new java.sql.SQLException("server_account." + column + " does not read: " + e.getMessage(), e);
        }
    }
}
