package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.lastyear.LastYearRepository;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;

/**
 * {@link LastYearRepository} on the SQLite store. Values are read with the current year's
 * definition: item ids are stable across years, and an item that no longer exists is dropped.
 */
public final class SqliteLastYearRepository implements LastYearRepository {

    private final Store store;
    private final Definition definition;

    public SqliteLastYearRepository(Store store, Definition current) {
        this.store = store;
        this.definition = current;
    }

    @Override
    public void store(String lao, int fiscalYear, Answers certified) throws StoreException {
        Instant now = store.clock().instant();
        store.write(c -> {
            Revisions.deleteLaoYear(c, "last_year_value", lao, fiscalYear);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO last_year_value (lao_code, fiscal_year, domain, item, value, imported_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
                for (Domain d : definition.domains()) {
                    for (Item item : d.items()) {
                        Object v = certified.get(d.id(), item.id());
                        if (v == null) {
                            continue;
                        }
                        s.setString(1, lao);
                        s.setInt(2, fiscalYear);
                        s.setString(3, d.id());
                        s.setString(4, item.id());
                        s.setString(5, ValueCodec.encode(item, v));
                        s.setString(6, now.toString());
                        s.addBatch();
                    }
                }
                s.executeBatch();
            }
            return null;
        });
    }

    @Override
    public Answers values(String lao, int fiscalYear) throws StoreException {
        return store.read(c -> {
            Answers.Builder b = Answers.builder();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT domain, item, value FROM last_year_value WHERE lao_code = ? AND fiscal_year = ?")) {
                s.setString(1, lao);
                s.setInt(2, fiscalYear);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Item item = definition.domain(r.getString(1)).flatMap(d -> d.item(r2(r, 2))).orElse(null);
                        if (item != null) {
                            b.put(r.getString(1), item.id(),
                                    Revisions.decode(store, item, r.getString(3), r.getString(1) + "." + item.id()));
                        }
                    }
                }
            }
            return b.build();
        });
    }

    private static String r2(ResultSet r, int column) {
        try {
            return r.getString(column);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
