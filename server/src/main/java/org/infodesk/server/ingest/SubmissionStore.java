package org.infodesk.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.infodesk.protocol.wire.Change;
import org.infodesk.server.changes.ChangeLog;
import org.infodesk.server.storage.Transactions;

/**
 * Stores a judged, authorised submission exactly once (DESIGN §7), with its receipt, in one
 * transaction; the database's keys decide, so concurrent deliveries of one submission store one
 * row whatever their timing. What the wire looks like, how the item was checked and how the
 * receipt is laid out are the caller's: this class is the storage half of ingest. The district
 * office's {@code lao_status} change (DELIVERED) is appended in the same transaction.
 */
public final class SubmissionStore {

    private final DataSource dataSource;
    private final Clock clock;
    private final ChangeLog changes;

    public SubmissionStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.changes = new ChangeLog(dataSource, clock);
    }

    /** One submission as it is to be stored: the signed envelope, its payload and the fields indexed from it. */
    public record Incoming(UUID submissionId, String laoCode, int fiscalYear, String domain, int revision,
                           Integer supersedes, String definitionVersion, byte[] digest, byte[] payload, byte[] envelope, UUID deviceId,
                           UUID relayDeviceId) {
        public Incoming {
            Objects.requireNonNull(submissionId);
            Objects.requireNonNull(deviceId);
            if (digest.length != 32) {
                throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
            }
        }
    }

    /** A receipt as the server signed it. */
    public record Receipt(Instant issuedAt, byte[] body, byte[] signature, String keyId) {}

    /** Makes the receipt of a submission received at a server time (the signing is the caller's: SPEC §4). */
    @FunctionalInterface
    public interface ReceiptMaker {
        Receipt receipt(Incoming incoming, Instant receivedAt);
    }

    /**
     * What storing would do, as far as the stored rows tell now, without storing: a duplicate, a
     * reused id or a conflict, or empty when the submission may be stored. Ingest asks this before
     * judging the values (SPEC §4.6 steps 4 and 5 come before 6); {@link #store} decides again, atomically.
     */
    public Optional<Outcome> precheck(Incoming incoming) throws SQLException {
        return precheckAll(List.of(incoming)).get(0);
    }

    /**
     * {@link #precheck} for the submissions of one push at once: one connection and two queries
     * (the heads of their domains, then their ids), not two queries and a connection each.
     */
    public List<Optional<Outcome>> precheckAll(List<Incoming> incoming) throws SQLException {
        if (incoming.isEmpty()) {
            return List.of();
        }
        try (Connection connection = dataSource.getConnection()) {
            // The heads first, then the ids: a head this very submission became between the two reads
            // (a concurrent delivery committing) is then seen as the duplicate it is, not as a conflict.
            Map<String, Outcome.Conflict> heads = heads(connection, incoming);
            Map<UUID, Stored> stored = stored(connection, incoming);
            List<Optional<Outcome>> outcomes = new ArrayList<>(incoming.size());
            for (Incoming in : incoming) {
                Stored row = stored.get(in.submissionId());
                Outcome.Conflict head = heads.get(domainKey(in.laoCode(), in.fiscalYear(), in.domain()));
                if (row != null) {
                    outcomes.add(Optional.of(row.outcome(in)));
                } else if (head != null && !supersedes(in, head)) {
                    outcomes.add(Optional.of(head));
                } else {
                    outcomes.add(Optional.empty());
                }
            }
            return outcomes;
        }
    }

    private static String domainKey(String lao, int fiscalYear, String domain) {
        return lao.trim() + "/" + fiscalYear + "/" + domain;
    }

    /** The heads of the domains of these submissions (a superset is read and filtered by key). */
    private static Map<String, Outcome.Conflict> heads(Connection connection, List<Incoming> incoming)
            throws SQLException {
        Map<String, Outcome.Conflict> heads = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT lao_code, fiscal_year, domain, submission_id, revision FROM domain_head
                WHERE lao_code = ANY (?) AND fiscal_year = ANY (?) AND domain = ANY (?)""")) {
            select.setArray(1, connection.createArrayOf("text", incoming.stream().map(Incoming::laoCode).distinct().toArray()));
            select.setArray(2, connection.createArrayOf("int4", incoming.stream().map(Incoming::fiscalYear).distinct().toArray()));
            select.setArray(3, connection.createArrayOf("text", incoming.stream().map(Incoming::domain).distinct().toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    heads.put(domainKey(row.getString(1), row.getInt(2), row.getString(3)),
                            new Outcome.Conflict(row.getObject(4, UUID.class), row.getInt(5)));
                }
            }
        }
        return heads;
    }

    /** A stored submission as a precheck sees it: its digest and first receipt. */
    private record Stored(byte[] digest, Instant receivedAt, Receipt receipt) {
        Outcome outcome(Incoming in) {
            return Arrays.equals(digest, in.digest()) ? new Outcome.Duplicate(in.submissionId(), receivedAt, receipt)
                    : new Outcome.IdReused(in.submissionId());
        }
    }

    private static Map<UUID, Stored> stored(Connection connection, List<Incoming> incoming) throws SQLException {
        Map<UUID, Stored> stored = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.submission_id, s.digest, s.received_at, r.issued_at, r.body, r.signature, r.key_id
                FROM submission s JOIN receipt r USING (submission_id) WHERE s.submission_id = ANY (?)""")) {
            select.setArray(1, connection.createArrayOf("uuid", incoming.stream().map(Incoming::submissionId).distinct().toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    stored.put(row.getObject(1, UUID.class), new Stored(row.getBytes(2), row.getTimestamp(3).toInstant(),
                            new Receipt(row.getTimestamp(4).toInstant(), row.getBytes(5), row.getBytes(6), row.getString(7))));
                }
            }
        }
        return stored;
    }

    /**
     * The supersede rule (SPEC §4.6 step 5): with no head, any revision is stored (the first the server
     * holds: an earlier revision refused or never sent must not block the domain); with a head, the
     * submission must name the head's revision in {@code supersedes}.
     */
    private static boolean supersedes(Incoming in, Outcome.Conflict head) {
        return in.supersedes() != null && in.supersedes() == head.headRevision();
    }

    /** What storing did. */
    public sealed interface Outcome {
        /** Stored now, and now the head of its domain. */
        record Accepted(UUID submissionId, Instant receivedAt, Receipt receipt) implements Outcome {}
        /** Stored before with the same digest: a success, with the receipt made then. */
        record Duplicate(UUID submissionId, Instant receivedAt, Receipt receipt) implements Outcome {}
        /** The id is stored with another digest: the same id for different content. */
        record IdReused(UUID submissionId) implements Outcome {}
        /** Does not supersede the current head of its LAO, year and domain, which it names. */
        record Conflict(UUID headSubmissionId, int headRevision) implements Outcome {}
    }

    public Outcome store(Incoming incoming, ReceiptMaker receipts) throws SQLException {
        return storeAll(List.of(incoming), receipts).get(0);
    }

    /**
     * Stores the submissions of one push in one transaction, each as if alone: a savepoint before
     * each, rolled back unless it was accepted; the district offices' changes appended at the end
     * (the change log's lock is then held only for those inserts and the commit). One commit for
     * the batch instead of one per submission: the database's work per submission is about halved
     * (docs/PERFORMANCE.md, ingest). The submissions are stored in id order, so that two pushes
     * holding some of the same submissions take their row locks in one order and cannot deadlock.
     *
     * @return the outcome of each, in the order given
     */
    public List<Outcome> storeAll(List<Incoming> incoming, ReceiptMaker receipts) throws SQLException {
        // Whole milliseconds: the receipt's received_at (SPEC §4.7) is the stored time exactly.
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Outcome[] outcomes = new Outcome[incoming.size()];
        Integer[] order = new Integer[incoming.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing(i -> incoming.get(i).submissionId()));
        Transactions.commitIf(dataSource, c -> {
            List<Incoming> accepted = new ArrayList<>();
            for (int i : order) {
                Savepoint before = c.setSavepoint();
                Outcome outcome = store(c, incoming.get(i), receivedAt, receipts);
                if (outcome instanceof Outcome.Accepted) {
                    c.releaseSavepoint(before);
                    accepted.add(incoming.get(i));
                } else {
                    c.rollback(before);
                }
                outcomes[i] = outcome;
            }
            // The district office sees its LAO's domains delivered (SPEC §4.8), in this transaction; last, as it takes the log's lock.
            List<Map.Entry<String, Change>> delivered = new ArrayList<>(accepted.size());
            for (Incoming in : accepted) {
                delivered.add(Map.entry(in.laoCode(), new Change.LaoStatus(in.laoCode(), in.fiscalYear(), in.domain(),
                        in.revision(), in.submissionId(), Change.State.DELIVERED, receivedAt)));
            }
            changes.forDistrictsOf(c, delivered);
            return !accepted.isEmpty();
        }, any -> any);
        return List.of(outcomes);
    }

    private Outcome store(Connection connection, Incoming in, Instant receivedAt, ReceiptMaker receipts) throws SQLException {
        // Waits for a concurrent insert of the same key to end, then sees its row (READ COMMITTED).
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO submission (submission_id, lao_code, fiscal_year, domain, revision, definition_version, digest,
                                        payload, envelope, device_id, relay_device_id, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            insert.setObject(1, in.submissionId());
            insert.setString(2, in.laoCode());
            insert.setInt(3, in.fiscalYear());
            insert.setString(4, in.domain());
            insert.setInt(5, in.revision());
            insert.setString(6, in.definitionVersion());
            insert.setBytes(7, in.digest());
            insert.setBytes(8, in.payload());
            insert.setBytes(9, in.envelope());
            insert.setObject(10, in.deviceId());
            insert.setObject(11, in.relayDeviceId());
            insert.setTimestamp(12, Timestamp.from(receivedAt));
            if (insert.executeUpdate() == 0) {
                return alreadyThere(connection, in);
            }
        }
        // The first head of a domain, or the head this submission supersedes moved to it; a rival or a stale revision moves nothing.
        try (PreparedStatement head = connection.prepareStatement("""
                INSERT INTO domain_head (lao_code, fiscal_year, domain, revision, submission_id) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (lao_code, fiscal_year, domain) DO UPDATE
                    SET revision = excluded.revision, submission_id = excluded.submission_id
                    WHERE domain_head.revision = ?""")) {
            head.setString(1, in.laoCode());
            head.setInt(2, in.fiscalYear());
            head.setString(3, in.domain());
            head.setInt(4, in.revision());
            head.setObject(5, in.submissionId());
            if (in.supersedes() == null) {
                head.setNull(6, java.sql.Types.INTEGER);
            } else {
                head.setInt(6, in.supersedes());
            }
            if (head.executeUpdate() == 0) {
                return currentHead(connection, in);
            }
        }
        Receipt receipt = receipts.receipt(in, receivedAt);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO receipt (submission_id, issued_at, body, signature, key_id) VALUES (?, ?, ?, ?, ?)")) {
            insert.setObject(1, in.submissionId());
            insert.setTimestamp(2, Timestamp.from(receipt.issuedAt()));
            insert.setBytes(3, receipt.body());
            insert.setBytes(4, receipt.signature());
            insert.setString(5, receipt.keyId());
            insert.executeUpdate();
        }
        return new Outcome.Accepted(in.submissionId(), receivedAt, receipt);
    }

    /** The insert found its id or its revision taken: the same submission again, the id reused, or a conflict. */
    private static Outcome alreadyThere(Connection connection, Incoming in) throws SQLException {
        Outcome existing = existing(connection, in);
        return existing != null ? existing : currentHead(connection, in);
    }

    /** The stored submission of this id: a duplicate (with its first receipt) or a reused id; null when none. */
    private static Outcome existing(Connection connection, Incoming in) throws SQLException {
        Stored row = stored(connection, List.of(in)).get(in.submissionId());
        return row == null ? null : row.outcome(in);
    }

    private static Outcome currentHead(Connection connection, Incoming in) throws SQLException {
        Outcome.Conflict head = heads(connection, List.of(in)).get(domainKey(in.laoCode(), in.fiscalYear(), in.domain()));
        if (head == null) {
            throw new IllegalStateException("a revision is taken but its domain has no head: " + in.laoCode() + " " + in.domain());
        }
        return head;
    }
}
