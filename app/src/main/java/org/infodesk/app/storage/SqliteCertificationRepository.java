package org.infodesk.app.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.infodesk.app.certify.Certification;
import org.infodesk.app.certify.CertificationRepository;
import org.infodesk.app.certify.CertifiedSnapshot;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.AnswerRepository;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;

/** {@link CertificationRepository} on the SQLite store. Snapshots are guarded by triggers too. */
public final class SqliteCertificationRepository implements CertificationRepository {

    private static final String SELECT = """
            SELECT r.lao_code, r.fiscal_year, r.domain, r.revision, s.submission_id, s.payload, s.digest, s.signature,
                   s.certifier_name, s.certifier_position, s.certified_at
            FROM certified_snapshot s JOIN domain_revision r ON r.id = s.revision_id""";

    private final Store store;
    private final AnswerRepository answers;

    public SqliteCertificationRepository(Store store, AnswerRepository answers) {
        this.store = store;
        this.answers = answers;
    }

    @Override
    public CertifiedSnapshot certify(Certification cert) throws StoreException {
        Instant now = store.clock().instant();
        store.write(c -> {
            Revisions.Row row = Revisions.latest(c, cert.key());
            if (row == null || row.revision() != cert.revision()) {
                throw Revisions.failure(store, StoreException.Problem.CONFLICT,
                        cert.key() + " revision " + cert.revision() + " is not the current one");
            }
            if (!row.editable()) {
                throw Revisions.failure(store, StoreException.Problem.FROZEN, cert.key() + " revision " + row.revision());
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO certified_snapshot (revision_id, submission_id, payload, digest, signature, certifier_name,
                        certifier_position, certified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setLong(1, row.id());
                s.setString(2, cert.submissionId());
                s.setBytes(3, cert.payload());
                s.setString(4, cert.digest());
                s.setBytes(5, cert.signature());
                s.setString(6, cert.certifierName());
                s.setString(7, cert.certifierPosition());
                s.setString(8, cert.certifiedAt().toString());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE domain_revision SET state = 'QUEUED', updated_at = ? WHERE id = ?")) {
                s.setString(1, now.toString());
                s.setLong(2, row.id());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO outbox_item (submission_id, state, created_at, updated_at) VALUES (?, 'QUEUED', ?, ?)""")) {
                s.setString(1, cert.submissionId());
                s.setString(2, now.toString());
                s.setString(3, now.toString());
                s.executeUpdate();
            }
            return null;
        });
        return snapshot(cert.submissionId()).orElseThrow();
    }

    @Override
    public DomainRecord amend(DomainKey key, String user) throws StoreException {
        Instant now = store.clock().instant();
        store.write(c -> {
            Revisions.Row row = Revisions.latest(c, key);
            if (row == null || row.editable()) {
                throw Revisions.failure(store, StoreException.Problem.CONFLICT, key + " has no certified revision to amend");
            }
            Revisions.Row next = Revisions.insert(c, key, row.revision() + 1, row.definitionKey(), now);
            Revisions.copyAnswers(c, row.id(), next.id(), now, user);
            Revisions.audit(c, now, user, next.id(), "*", null, "{\"amends\":" + row.revision() + "}");
            return null;
        });
        return answers.current(key);
    }

    @Override
    public List<CertifiedSnapshot> snapshots(DomainKey key) throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT
                    + " WHERE r.lao_code = ? AND r.fiscal_year = ? AND r.domain = ? ORDER BY r.revision")) {
                s.setString(1, key.lao());
                s.setInt(2, key.fiscalYear());
                s.setString(3, key.domain());
                return list(s);
            }
        });
    }

    @Override
    public Optional<CertifiedSnapshot> snapshot(String submissionId) throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(SELECT + " WHERE s.submission_id = ?")) {
                s.setString(1, submissionId);
                return list(s).stream().findFirst();
            }
        });
    }

    static List<CertifiedSnapshot> list(PreparedStatement s) throws SQLException {
        List<CertifiedSnapshot> out = new ArrayList<>();
        try (ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new CertifiedSnapshot(new DomainKey(r.getString(1), r.getInt(2), r.getString(3)), r.getInt(4),
                        r.getString(5), r.getBytes(6), r.getString(7), r.getBytes(8), r.getString(9), r.getString(10),
                        Instant.parse(r.getString(11))));
            }
        }
        return out;
    }

    /** All snapshots (for checks and export). */
    static List<CertifiedSnapshot> all(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT + " ORDER BY s.revision_id")) {
            return list(s);
        }
    }
}
