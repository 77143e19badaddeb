package org.infodesk.app.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainState;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;

/** SQL shared by the repositories: the latest revision of a domain and its answers. */
final class Revisions {

    /** A stored revision row. */
    record Row(long id, int revision, DomainState state, String definitionKey, Instant updatedAt) {
        boolean editable() {
            return state == DomainState.NOT_STARTED || state == DomainState.DRAFT || state == DomainState.READY;
        }
    }

    private Revisions() {}

    private static final String SELECT_ROW = """
            SELECT id, revision, state, definition_key, updated_at FROM domain_revision
            WHERE lao_code = ? AND fiscal_year = ? AND domain = ?""";

    /** The domain's newest revision, or null. */
    static Row latest(Connection c, DomainKey key) throws SQLException {
        return one(c, key, SELECT_ROW + " ORDER BY revision DESC LIMIT 1", null);
    }

    private static Row one(Connection c, DomainKey key, String sql, Integer revision) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, key.lao());
            s.setInt(2, key.fiscalYear());
            s.setString(3, key.domain());
            if (revision != null) {
                s.setInt(4, revision);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Row(r.getLong(1), r.getInt(2), DomainState.valueOf(r.getString(3)), r.getString(4),
                        Instant.parse(r.getString(5))) : null;
            }
        }
    }

    /** Inserts a revision as a draft and returns it. */
    static Row insert(Connection c, DomainKey key, int revision, String definitionKey, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO domain_revision (lao_code, fiscal_year, domain, revision, definition_key, state, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, 'DRAFT', ?, ?)""")) {
            s.setString(1, key.lao());
            s.setInt(2, key.fiscalYear());
            s.setString(3, key.domain());
            s.setInt(4, revision);
            s.setString(5, definitionKey);
            s.setString(6, now.toString());
            s.setString(7, now.toString());
            s.executeUpdate();
        }
        return one(c, key, SELECT_ROW + " AND revision = ?", revision);
    }

    /** The answers of a revision, decoded with the revision's definition. */
    static Map<String, Object> values(Connection c, Store store, DomainKey key, Row row) throws SQLException {
        Domain domain = domain(store.definition(row.definitionKey()), key.domain());
        Map<String, Object> values = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT item, value FROM answer WHERE revision_id = ?")) {
            s.setLong(1, row.id());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Item item = domain.item(r.getString(1)).orElse(null);
                    if (item == null) {
                        throw corrupt(store, key + "." + r.getString(1) + " is not in " + row.definitionKey());
                    }
                    values.put(item.id(), decode(store, item, r.getString(2), key + "." + item.id()));
                }
            }
        }
        return values;
    }

    static void copyAnswers(Connection c, long fromRevision, long toRevision, Instant now, String user) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO answer (revision_id, item, value, updated_at, updated_by)
                SELECT ?, item, value, ?, ? FROM answer WHERE revision_id = ?""")) {
            s.setLong(1, toRevision);
            s.setString(2, now.toString());
            s.setString(3, user);
            s.setLong(4, fromRevision);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO justification (revision_id, subject, text, updated_at, updated_by)
                SELECT ?, subject, text, ?, ? FROM justification WHERE revision_id = ?""")) {
            s.setLong(1, toRevision);
            s.setString(2, now.toString());
            s.setString(3, user);
            s.setLong(4, fromRevision);
            s.executeUpdate();
        }
    }

    static void audit(Connection c, Instant at, String user, long revisionId, String item, String oldValue, String newValue)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO audit_log (at, user_name, revision_id, item, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, at.toString());
            s.setString(2, user);
            s.setLong(3, revisionId);
            s.setString(4, item);
            s.setString(5, oldValue);
            s.setString(6, newValue);
            s.executeUpdate();
        }
    }

    static Domain domain(Definition definition, String domainId) {
        return definition.domain(domainId)
                .orElseThrow(() -> new IllegalArgumentException("no domain " + domainId + " in " + definition.key()));
    }

    static Object decode(Store store, Item item, String text, String where) {
        try {
            return ValueCodec.decode(item, text, where);
        } catch (IllegalStateException e) {
            throw corrupt(store, e.getMessage());
        }
    }

    static Store.StoreFailure corrupt(Store store, String detail) {
        return new Store.StoreFailure(new StoreException(StoreException.Problem.CORRUPT, store.folder(),
                store.backups().latestSound().orElse(null), detail, null));
    }

    static Store.StoreFailure failure(Store store, StoreException.Problem problem, String detail) {
        return new Store.StoreFailure(new StoreException(problem, store.folder(), detail));
    }

    /** Deletes an LAO's rows of one fiscal year from a table with {@code lao_code} and {@code fiscal_year} columns. */
    static void deleteLaoYear(java.sql.Connection c, String table, String lao, int fiscalYear) throws java.sql.SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE lao_code = ? AND fiscal_year = ?")) {
            s.setString(1, lao);
            s.setInt(2, fiscalYear);
            s.executeUpdate();
        }
    }
}
