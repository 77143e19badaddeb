package org.infodesk.app.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.definitions.DefinitionRepository;
import org.infodesk.app.definitions.ReceivedDefinition;

/** {@link DefinitionRepository} on the SQLite store (table {@code questionnaire_definition}, schema 8). */
public final class SqliteDefinitionRepository implements DefinitionRepository {

    private static final String COLUMNS = "definition_id, fiscal_year, version, digest, document";

    private final Store store;

    public SqliteDefinitionRepository(Store store) {
        this.store = store;
    }

    @Override
    public void store(ReceivedDefinition definition) throws StoreException {
        String now = store.clock().instant().toString();
        store.write(c -> {
            insert(c, definition, now);
            return null;
        });
    }

    @Override
    public Optional<ReceivedDefinition> find(String definitionId, int fiscalYear, int version) throws StoreException {
        return store.read(c -> find(c, definitionId, fiscalYear, version));
    }

    @Override
    public List<ReceivedDefinition> ofFiscalYear(int fiscalYear) throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM questionnaire_definition WHERE fiscal_year = ? ORDER BY version DESC, definition_id")) {
                s.setInt(1, fiscalYear);
                return rows(s);
            }
        });
    }

    @Override
    public List<ReceivedDefinition> all() throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT " + COLUMNS + " FROM questionnaire_definition ORDER BY definition_id, fiscal_year, version")) {
                return rows(s);
            }
        });
    }

    /** Stores (replacing) a definition in the caller's transaction. */
    static void insert(Connection c, ReceivedDefinition definition, String now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO questionnaire_definition ("
                + COLUMNS + ", received_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, definition.definitionId());
            s.setInt(2, definition.fiscalYear());
            s.setInt(3, definition.version());
            s.setString(4, definition.digest());
            s.setBytes(5, definition.document());
            s.setString(6, now);
            s.executeUpdate();
        }
    }

    static Optional<ReceivedDefinition> find(Connection c, String definitionId, int fiscalYear, int version) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + COLUMNS + " FROM questionnaire_definition WHERE definition_id = ? AND fiscal_year = ? AND version = ?")) {
            s.setString(1, definitionId);
            s.setInt(2, fiscalYear);
            s.setInt(3, version);
            List<ReceivedDefinition> found = rows(s);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        }
    }

    private static List<ReceivedDefinition> rows(PreparedStatement s) throws SQLException {
        List<ReceivedDefinition> found = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                try {
                    found.add(new ReceivedDefinition(r.getString(1), r.getInt(2), r.getInt(3), r.getString(4), r.getBytes(5)));
                } catch (IllegalArgumentException damaged) {
                    // Bytes that no longer have their digest: a damaged row is passed over, never used.
                }
            }
        }
        return found;
    }
}
