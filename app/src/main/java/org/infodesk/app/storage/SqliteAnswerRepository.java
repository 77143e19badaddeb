package org.infodesk.app.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.AnswerRepository;
import org.infodesk.app.form.AuditEntry;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.form.Edit;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.Values;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;

/** {@link AnswerRepository} on the SQLite store: one transaction and one audit entry per save. */
public final class SqliteAnswerRepository implements AnswerRepository {

    private final Store store;
    private final String definitionKey;

    /** @param definitionKey the definition new revisions are made with */
    public SqliteAnswerRepository(Store store, String definitionKey) {
        this.store = store;
        this.definitionKey = definitionKey;
        store.definition(definitionKey);
    }

    @Override
    public DomainRecord current(DomainKey key) throws StoreException {
        return store.read(c -> {
            Revisions.Row row = Revisions.latest(c, key);
            if (row == null) {
                return new DomainRecord(key, 1, DomainState.NOT_STARTED, definitionKey, Map.of(), null);
            }
            return new DomainRecord(key, row.revision(), row.state(), row.definitionKey(),
                    Revisions.values(c, store, key, row), row.updatedAt());
        });
    }

    @Override
    public Instant save(Edit edit) throws StoreException {
        Instant now = store.clock().instant();
        return store.write(c -> {
            Revisions.Row row = Revisions.latest(c, edit.key());
            if (row == null) {
                row = Revisions.insert(c, edit.key(), 1, definitionKey, now);
            }
            if (!row.editable()) {
                throw Revisions.failure(store, StoreException.Problem.FROZEN, edit.key() + " revision " + row.revision());
            }
            Domain domain = Revisions.domain(store.definition(row.definitionKey()), edit.key().domain());
            Item item = domain.item(edit.item())
                    .orElseThrow(() -> new IllegalArgumentException("no item " + edit.item() + " in " + domain.id()));
            if (!Values.hasType(item, edit.value())) {
                throw new IllegalArgumentException(edit.item() + " cannot hold a " + edit.value().getClass().getSimpleName());
            }
            String old;
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM answer WHERE revision_id = ? AND item = ?")) {
                s.setLong(1, row.id());
                s.setString(2, item.id());
                try (ResultSet r = s.executeQuery()) {
                    old = r.next() ? r.getString(1) : null;
                }
            }
            String value = Values.isEmpty(edit.value()) ? null : ValueCodec.encode(item, edit.value());
            if (Objects.equals(old, value)) {
                return now;
            }
            if (value == null) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM answer WHERE revision_id = ? AND item = ?")) {
                    s.setLong(1, row.id());
                    s.setString(2, item.id());
                    s.executeUpdate();
                }
            } else {
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO answer (revision_id, item, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (revision_id, item) DO UPDATE SET value = excluded.value,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")) {
                    s.setLong(1, row.id());
                    s.setString(2, item.id());
                    s.setString(3, value);
                    s.setString(4, now.toString());
                    s.setString(5, edit.user());
                    s.executeUpdate();
                }
            }
            Revisions.audit(c, now, edit.user(), row.id(), item.id(), old, value);
            try (PreparedStatement s = c.prepareStatement("UPDATE domain_revision SET updated_at = ? WHERE id = ?")) {
                s.setString(1, now.toString());
                s.setLong(2, row.id());
                s.executeUpdate();
            }
            return now;
        });
    }

    @Override
    public DomainRecord startDraft(DomainKey key, Map<String, Object> values, String user) throws StoreException {
        Instant now = store.clock().instant();
        store.write(c -> {
            if (Revisions.latest(c, key) != null) {
                throw Revisions.failure(store, StoreException.Problem.CONFLICT, key + " has a revision already");
            }
            Revisions.Row row = Revisions.insert(c, key, 1, definitionKey, now);
            Domain domain = Revisions.domain(store.definition(definitionKey), key.domain());
            for (Item item : domain.items()) {
                Object v = values.get(item.id());
                if (Values.isEmpty(v)) {
                    continue;
                }
                String text = ValueCodec.encode(item, v);
                try (PreparedStatement s = c.prepareStatement(
                        "INSERT INTO answer (revision_id, item, value, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)")) {
                    s.setLong(1, row.id());
                    s.setString(2, item.id());
                    s.setString(3, text);
                    s.setString(4, now.toString());
                    s.setString(5, user);
                    s.executeUpdate();
                }
                Revisions.audit(c, now, user, row.id(), item.id(), null, text);
            }
            return null;
        });
        return current(key);
    }

    @Override
    public Answers answers(String lao, int fiscalYear) throws StoreException {
        return store.read(c -> {
            Answers.Builder builder = Answers.builder();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT domain FROM domain_revision WHERE lao_code = ? AND fiscal_year = ? GROUP BY domain""")) {
                s.setString(1, lao);
                s.setInt(2, fiscalYear);
                List<String> domains = new ArrayList<>();
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        domains.add(r.getString(1));
                    }
                }
                for (String domain : domains) {
                    DomainKey key = new DomainKey(lao, fiscalYear, domain);
                    Revisions.values(c, store, key, Revisions.latest(c, key)).forEach((i, v) -> builder.put(domain, i, v));
                }
            }
            return builder.build();
        });
    }

    @Override
    public void justify(DomainKey key, String subject, String text, String user) throws StoreException {
        Instant now = store.clock().instant();
        String value = text == null || text.isBlank() ? null : text.strip();
        store.write(c -> {
            Revisions.Row row = Revisions.latest(c, key);
            if (row == null) {
                row = Revisions.insert(c, key, 1, definitionKey, now);
            }
            if (!row.editable()) {
                throw Revisions.failure(store, StoreException.Problem.FROZEN, key + " revision " + row.revision());
            }
            String old;
            try (PreparedStatement s = c.prepareStatement("SELECT text FROM justification WHERE revision_id = ? AND subject = ?")) {
                s.setLong(1, row.id());
                s.setString(2, subject);
                try (ResultSet r = s.executeQuery()) {
                    old = r.next() ? r.getString(1) : null;
                }
            }
            if (Objects.equals(old, value)) {
                return null;
            }
            try (PreparedStatement s = c.prepareStatement(value == null
                    ? "DELETE FROM justification WHERE revision_id = ? AND subject = ?"
                    : """
                      INSERT INTO justification (revision_id, subject, text, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                      ON CONFLICT (revision_id, subject) DO UPDATE SET text = excluded.text,
                          updated_at = excluded.updated_at, updated_by = excluded.updated_by""")) {
                s.setLong(1, row.id());
                s.setString(2, subject);
                if (value != null) {
                    s.setString(3, value);
                    s.setString(4, now.toString());
                    s.setString(5, user);
                }
                s.executeUpdate();
            }
            Revisions.audit(c, now, user, row.id(), "justification:" + subject, old, value);
            return null;
        });
    }

    @Override
    public Map<String, String> justifications(DomainKey key) throws StoreException {
        return store.read(c -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            Revisions.Row row = Revisions.latest(c, key);
            if (row == null) {
                return out;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT subject, text FROM justification WHERE revision_id = ? ORDER BY subject")) {
                s.setLong(1, row.id());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.put(r.getString(1), r.getString(2));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<AuditEntry> audit(DomainKey key) throws StoreException {
        return store.read(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT a.at, a.user_name, r.revision, a.item, a.old_value, a.new_value
                    FROM audit_log a JOIN domain_revision r ON r.id = a.revision_id
                    WHERE r.lao_code = ? AND r.fiscal_year = ? AND r.domain = ? ORDER BY a.id""")) {
                s.setString(1, key.lao());
                s.setInt(2, key.fiscalYear());
                s.setString(3, key.domain());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new AuditEntry(Instant.parse(r.getString(1)), r.getString(2), r.getInt(3), r.getString(4),
                                r.getString(5), r.getString(6)));
                    }
                }
            }
            return out;
        });
    }
}
