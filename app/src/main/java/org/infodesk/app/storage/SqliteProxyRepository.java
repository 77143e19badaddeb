package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.sync.ProxyRepository;
import org.infodesk.app.sync.ProxySettings;

/**
 * {@link ProxyRepository} in the store's {@code setting} table: one row per field. A manual proxy's
 * password is kept beside the enrolment token, in the user's own folder (docs/adr/0006).
 */
public final class SqliteProxyRepository implements ProxyRepository {

    private static final String MODE = "proxy.mode";
    private static final String HOST = "proxy.host";
    private static final String PORT = "proxy.port";
    private static final String USER = "proxy.user";
    private static final String PASSWORD = "proxy.password";

    private final Store store;

    public SqliteProxyRepository(Store store) {
        this.store = store;
    }

    @Override
    public ProxySettings current() throws StoreException {
        return store.read(c -> {
            java.util.Map<String, String> values = new java.util.HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT key, value FROM setting WHERE key LIKE 'proxy.%'");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    values.put(r.getString(1), r.getString(2));
                }
            }
            String mode = values.get(MODE);
            if (mode == null) {
                return ProxySettings.SYSTEM;
            }
            try {
                ProxySettings.Mode m = ProxySettings.Mode.valueOf(mode);
                if (m != ProxySettings.Mode.MANUAL) {
                    return m == ProxySettings.Mode.NONE ? ProxySettings.NONE : ProxySettings.SYSTEM;
                }
                return new ProxySettings(m, values.get(HOST), Integer.parseInt(values.get(PORT)), values.get(USER),
                        values.get(PASSWORD));
            } catch (RuntimeException damaged) {
                return ProxySettings.SYSTEM; // a damaged setting: the system's proxy, as before any choice
            }
        });
    }

    @Override
    public void save(ProxySettings settings) throws StoreException {
        store.write(c -> {
            try (PreparedStatement d = c.prepareStatement("DELETE FROM setting WHERE key LIKE 'proxy.%'")) {
                d.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO setting (key, value) VALUES (?, ?)")) {
                put(s, MODE, settings.mode().name());
                if (settings.mode() == ProxySettings.Mode.MANUAL) {
                    put(s, HOST, settings.host());
                    put(s, PORT, String.valueOf(settings.port()));
                    if (settings.user() != null) {
                        put(s, USER, settings.user());
                        put(s, PASSWORD, settings.password());
                    }
                }
                s.executeBatch();
            }
            return null;
        });
    }

    private static void put(PreparedStatement s, String key, String value) throws java.sql.SQLException {
        s.setString(1, key);
        s.setString(2, value);
        s.addBatch();
    }
}
