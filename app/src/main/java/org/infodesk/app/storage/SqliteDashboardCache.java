package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.infodesk.app.dashboard.DashboardCache;
import org.infodesk.app.dashboard.DomainProgress;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainState;
import org.infodesk.protocol.definition.Text;

/** {@link DashboardCache} in the store's {@code dashboard_summary} table (migration V5). */
public final class SqliteDashboardCache implements DashboardCache {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SqliteDashboardCache.class);
    private final Store store;

    public SqliteDashboardCache(Store store) {
        this.store = store;
    }

    @Override
    public Optional<Saved> latest(String lao) throws StoreException {
        return store.read(c -> {
            List<DomainProgress.Summary> out = new ArrayList<>();
            int year;
            try (PreparedStatement s = c.prepareStatement("SELECT max(fiscal_year) FROM dashboard_summary WHERE lao_code = ?")) {
                s.setString(1, lao);
                try (ResultSet r = s.executeQuery()) {
                    year = r.next() ? r.getInt(1) : 0;
                }
            }
            if (year == 0) {
                return Optional.empty();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT domain_id, domain_order, label_th, label_en, required, answered, errors, warnings, state, last_saved
                    FROM dashboard_summary WHERE lao_code = ? AND fiscal_year = ? ORDER BY domain_order""")) {
                s.setString(1, lao);
                s.setInt(2, year);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        String saved = r.getString(10);
                        out.add(new DomainProgress.Summary(r.getString(1), r.getInt(2), new Text(r.getString(3), r.getString(4)),
                                r.getInt(5), r.getInt(6), r.getLong(7), r.getLong(8), DomainState.valueOf(r.getString(9)),
                                saved == null ? null : Instant.parse(saved)));
                    }
                }
            } catch (RuntimeException e) {
                // a row this version cannot read (a state it does not know): compute instead
                LOG.warn("ignoring the saved dashboard: {}", e.toString());
                return Optional.empty();
            }
            return out.isEmpty() ? Optional.<Saved>empty() : Optional.of(new Saved(year, out));
        });
    }

    @Override
    public void save(String lao, int fiscalYear, String definitionKey, List<DomainProgress.Summary> summaries)
            throws StoreException {
        String now = store.clock().instant().toString();
        store.write(c -> {
            Revisions.deleteLaoYear(c, "dashboard_summary", lao, fiscalYear);
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO dashboard_summary (lao_code, fiscal_year, domain_id, definition_key, domain_order, label_th,
                        label_en, required, answered, errors, warnings, state, last_saved, computed_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (DomainProgress.Summary sum : summaries) {
                    s.setString(1, lao);
                    s.setInt(2, fiscalYear);
                    s.setString(3, sum.id());
                    s.setString(4, definitionKey);
                    s.setInt(5, sum.order());
                    s.setString(6, sum.label().th());
                    s.setString(7, sum.label().en());
                    s.setInt(8, sum.required());
                    s.setInt(9, sum.answered());
                    s.setLong(10, sum.errors());
                    s.setLong(11, sum.warnings());
                    s.setString(12, sum.state().name());
                    s.setString(13, sum.lastSaved() == null ? null : sum.lastSaved().toString());
                    s.setString(14, now);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }
}
