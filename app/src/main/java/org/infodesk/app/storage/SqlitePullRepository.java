package org.infodesk.app.storage;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.sync.PullRepository;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.WireCodec;

/** {@link PullRepository} on the SQLite store (schema 7). */
public final class SqlitePullRepository implements PullRepository {

    static final String CURSOR = "pull.cursor";

    private final Store store;

    public SqlitePullRepository(Store store) {
        this.store = store;
    }

    @Override
    public String cursor() throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                s.setString(1, CURSOR);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getString(1) : null;
                }
            }
        });
    }

    @Override
    public void apply(List<Change> changes, String cursor) throws StoreException {
        String now = store.clock().instant().toString();
        store.write(c -> {
            for (Change change : changes) {
                if (change instanceof Change.Decision decision && decide(c, decision, now)) {
                    continue;
                }
                keep(c, change, now);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)")) {
                s.setString(1, CURSOR);
                s.setString(2, cursor);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Records a decision on a submission certified here and moves its revision to ACCEPTED or
     * RETURNED (from CERTIFIED, QUEUED or DELIVERED: a decision implies the server has it, even
     * before its receipt came back). False when this store does not hold the submission.
     */
    private static boolean decide(Connection c, Change.Decision decision, String now) throws SQLException {
        String id = decision.submissionId().toString();
        long revision;
        try (PreparedStatement s = c.prepareStatement("SELECT revision_id FROM certified_snapshot WHERE submission_id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return false;
                }
                revision = r.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT OR IGNORE INTO review_decision (submission_id, verdict, comment, reviewer, decided_at, pulled_at)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, id);
            s.setString(2, decision.verdict().name());
            s.setString(3, decision.comment());
            s.setString(4, decision.reviewer());
            s.setString(5, decision.decidedAt().toString());
            s.setString(6, now);
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE domain_revision SET state = ?, updated_at = ?
                WHERE id = ? AND state IN ('CERTIFIED', 'QUEUED', 'DELIVERED')""")) {
            s.setString(1, decision.verdict().name());
            s.setString(2, now);
            s.setLong(3, revision);
            s.executeUpdate();
        }
        return true;
    }

    /** Keeps a change whole for what will read it; the newest of one identity wins. */
    private static void keep(Connection c, Change change, String now) throws SQLException {
        String kind;
        String identity;
        if (change instanceof Change.Decision d) {
            kind = "decision";
            identity = d.submissionId().toString();
        } else if (change instanceof Change.NewDefinition d) {
            kind = "definition";
            identity = d.definitionId() + "/" + d.fiscalYear() + "/" + d.version();
        } else if (change instanceof Change.LastYearValues v) {
            kind = "last_year_values";
            identity = v.laoCode() + "/" + v.fiscalYear() + "/" + v.domainId();
        } else {
            Change.LaoStatus l = (Change.LaoStatus) change;
            kind = "lao_status";
            identity = l.laoCode() + "/" + l.fiscalYear() + "/" + l.domainId();
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT OR REPLACE INTO pulled_change (kind, identity, body, pulled_at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, kind);
            s.setString(2, identity);
            s.setString(3, new String(WireCodec.write(change), StandardCharsets.UTF_8));
            s.setString(4, now);
            s.executeUpdate();
        }
    }

    @Override
    public void forgetCursor() throws StoreException {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM setting WHERE key = ?")) {
                s.setString(1, CURSOR);
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public Optional<Change.Decision> decision(String submissionId) throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT d.verdict, d.comment, d.reviewer, d.decided_at, r.lao_code, r.fiscal_year, r.domain, r.revision
                    FROM review_decision d
                    JOIN certified_snapshot s ON s.submission_id = d.submission_id
                    JOIN domain_revision r ON r.id = s.revision_id
                    WHERE d.submission_id = ?""")) {
                s.setString(1, submissionId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.<Change.Decision>empty();
                    }
                    return Optional.of(new Change.Decision(UUID.fromString(submissionId), r.getString(5), r.getInt(6), r.getString(7),
                            r.getInt(8), Change.Verdict.valueOf(r.getString(1)), r.getString(2), r.getString(3),
                            Instant.parse(r.getString(4))));
                }
            }
        });
    }
}
