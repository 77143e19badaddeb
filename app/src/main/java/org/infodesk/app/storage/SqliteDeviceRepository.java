package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.device.DeviceRepository;

/** {@link DeviceRepository} on the SQLite store: the one row of {@code device_key}. */
public final class SqliteDeviceRepository implements DeviceRepository {

    private final Store store;

    public SqliteDeviceRepository(Store store) {
        this.store = store;
    }

    @Override
    public Optional<byte[]> devicePublicKey() throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT public_key FROM device_key WHERE id = 1");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(r.getBytes(1)) : Optional.empty();
            }
        });
    }

    @Override
    public void recordDevicePublicKey(byte[] raw) throws StoreException {
        String now = store.clock().instant().toString();
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO device_key (id, algorithm, public_key, created_at) VALUES (1, 'Ed25519', ?, ?)")) {
                s.setBytes(1, raw);
                s.setString(2, now);
                s.executeUpdate();
            }
            return null;
        });
    }
}
