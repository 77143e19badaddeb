package org.infodesk.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /**
     * One submission as it is to be stored: its canonical payload, digest, signature and key id
     * (all its envelope holds, SPEC §3.1) and the fields indexed from it.
     */
    public record Incoming(UUID submissionId, String laoCode, int fiscalYear, String domain, int revision,
                           Integer supersedes, String definitionVersion, byte[] digest, byte[] payload, Instant certifiedAt,
                           byte[] signature, String keyId, UUID deviceId, UUID relayDeviceId) {
        public Incoming {
            Objects.requireNonNull(submissionId);
            Objects.requireNonNull(certifiedAt);
            Objects.requireNonNull(keyId);
            Objects.requireNonNull(deviceId);
            if (digest.length != 32) {
                throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
            }
            if (signature.length != 64) {
                throw new IllegalArgumentException("an Ed25519 signature has 64 bytes");
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
        try (PreparedStatement select = headsQuery(connection, "", incoming); ResultSet row = select.executeQuery()) {
            while (row.next()) {
                heads.put(domainKey(row.getString(1), row.getInt(2), row.getString(3)),
                        new Outcome.Conflict(row.getObject(4, UUID.class), row.getInt(5)));
            }
        }
        return heads;
    }

    /**
     * The query of {@link #heads}, after a prefix (a test explains it). The codes go as
     * {@code bpchar}, the column's type: compared as text, the column is cast, its index is of no
     * use, and every push read the whole table.
     */
    static PreparedStatement headsQuery(Connection connection, String prefix, List<Incoming> incoming) throws SQLException {
        PreparedStatement select = connection.prepareStatement(prefix + """
                SELECT lao_code, fiscal_year, domain, submission_id, revision FROM domain_head
                WHERE lao_code = ANY (?) AND fiscal_year = ANY (?) AND domain = ANY (?)""");
        try {
            select.setArray(1, connection.createArrayOf("bpchar", incoming.stream().map(Incoming::laoCode).distinct().toArray()));
            select.setArray(2, connection.createArrayOf("int4", incoming.stream().map(Incoming::fiscalYear).distinct().toArray()));
            select.setArray(3, connection.createArrayOf("text", incoming.stream().map(Incoming::domain).distinct().toArray()));
            return select;
        } catch (SQLException | RuntimeException e) {
            select.close();
            throw e;
        }
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
     * Stores the submissions of one push in one transaction, each as if alone (one statement that
     * stores all of it or, for a duplicate or a conflict, nothing that stays); the district
     * offices' changes appended at the end (the change log's lock is then held only for those
     * inserts and the commit). One commit for the batch instead of one per submission: the
     * database's work per submission is about halved (docs/PERFORMANCE.md, ingest). The submissions are stored in id order, so that two pushes
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
                Outcome outcome = store(c, incoming.get(i), receivedAt, receipts);
                if (outcome instanceof Outcome.Accepted) {
                    accepted.add(incoming.get(i));
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

    /**
     * One statement per submission: the row inserted unless its id is taken; the domain's head
     * made, or moved from the revision it supersedes, only if the row was inserted; the receipt
     * only if the head moved. Each part waits for a concurrent insert of the same key to end, then
     * sees its row (READ COMMITTED).
     */
    private static final String STORE = """
            WITH stored AS (
                INSERT INTO submission (submission_id, lao_code, fiscal_year, domain, revision, definition_version, digest,
                                        payload, certified_at, signature, key_id, device_id, relay_device_id, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                RETURNING submission_id, lao_code, fiscal_year, domain, revision),
            moved AS (
                INSERT INTO domain_head (lao_code, fiscal_year, domain, revision, submission_id)
                SELECT lao_code, fiscal_year, domain, revision, submission_id FROM stored
                ON CONFLICT (lao_code, fiscal_year, domain) DO UPDATE
                    SET revision = excluded.revision, submission_id = excluded.submission_id
                    WHERE domain_head.revision = ?
                RETURNING submission_id),
            receipted AS (
                INSERT INTO receipt (submission_id, issued_at, body, signature, key_id)
                SELECT submission_id, ?, ?, ?, ? FROM moved)
            SELECT (SELECT count(*) FROM stored), (SELECT count(*) FROM moved)""";

    private Outcome store(Connection connection, Incoming in, Instant receivedAt, ReceiptMaker receipts) throws SQLException {
        // Signed before it is known to be wanted: a duplicate or a conflict is the rare case.
        Receipt receipt = receipts.receipt(in, receivedAt);
        boolean stored;
        boolean moved;
        try (PreparedStatement store = connection.prepareStatement(STORE)) {
            int p = 0;
            store.setObject(++p, in.submissionId());
            store.setString(++p, in.laoCode());
            store.setInt(++p, in.fiscalYear());
            store.setString(++p, in.domain());
            store.setInt(++p, in.revision());
            store.setString(++p, in.definitionVersion());
            store.setBytes(++p, in.digest());
            store.setBytes(++p, in.payload());
            store.setTimestamp(++p, Timestamp.from(in.certifiedAt()));
            store.setBytes(++p, in.signature());
            store.setString(++p, in.keyId());
            store.setObject(++p, in.deviceId());
            store.setObject(++p, in.relayDeviceId());
            store.setTimestamp(++p, Timestamp.from(receivedAt));
            if (in.supersedes() == null) {
                store.setNull(++p, java.sql.Types.INTEGER);
            } else {
                store.setInt(++p, in.supersedes());
            }
            store.setTimestamp(++p, Timestamp.from(receipt.issuedAt()));
            store.setBytes(++p, receipt.body());
            store.setBytes(++p, receipt.signature());
            store.setString(++p, receipt.keyId());
            try (ResultSet rs = store.executeQuery()) {
                rs.next();
                stored = rs.getLong(1) == 1;
                moved = rs.getLong(2) == 1;
            }
        }
        if (!stored) {
            return alreadyThere(connection, in);
        }
        if (!moved) {
            // A rival or a stale revision: the row inserted with it goes (its receipt was never written).
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM submission WHERE submission_id = ?")) {
                delete.setObject(1, in.submissionId());
                delete.executeUpdate();
            }
            return currentHead(connection, in);
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
