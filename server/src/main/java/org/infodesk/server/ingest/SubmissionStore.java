package org.infodesk.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.infodesk.protocol.wire.Change;
import org.infodesk.server.changes.ChangeLog;

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
    public java.util.Optional<Outcome> precheck(Incoming incoming) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // The head first, then the id: a head this very submission became between the two reads
            // (a concurrent delivery committing) is then seen as the duplicate it is, not as a conflict.
            Outcome.Conflict head = head(connection, incoming);
            Outcome existing = existing(connection, incoming);
            if (existing != null) {
                return java.util.Optional.of(existing);
            }
            return head != null && !supersedes(incoming, head) ? java.util.Optional.of(head) : java.util.Optional.empty();
        }
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
        // Whole milliseconds: the receipt's received_at (SPEC §4.7) is the stored time exactly.
        Instant receivedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return org.infodesk.server.storage.Transactions.commitIf(dataSource, c -> store(c, incoming, receivedAt, receipts),
                outcome -> outcome instanceof Outcome.Accepted);
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
        // The district office sees its LAO's domain delivered (SPEC §4.8), in this transaction; last, as it takes the log's lock.
        changes.forDistrictOf(connection, in.laoCode(), new Change.LaoStatus(in.laoCode(), in.fiscalYear(), in.domain(),
                in.revision(), in.submissionId(), Change.State.DELIVERED, receivedAt));
        return new Outcome.Accepted(in.submissionId(), receivedAt, receipt);
    }

    /** The insert found its id or its revision taken: the same submission again, the id reused, or a conflict. */
    private static Outcome alreadyThere(Connection connection, Incoming in) throws SQLException {
        Outcome existing = existing(connection, in);
        return existing != null ? existing : currentHead(connection, in);
    }

    /** The stored submission of this id: a duplicate (with its first receipt) or a reused id; null when none. */
    private static Outcome existing(Connection connection, Incoming in) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.digest, s.received_at, r.issued_at, r.body, r.signature, r.key_id
                FROM submission s JOIN receipt r USING (submission_id) WHERE s.submission_id = ?""")) {
            select.setObject(1, in.submissionId());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                if (!Arrays.equals(row.getBytes(1), in.digest())) {
                    return new Outcome.IdReused(in.submissionId());
                }
                Receipt receipt = new Receipt(row.getTimestamp(3).toInstant(), row.getBytes(4), row.getBytes(5), row.getString(6));
                return new Outcome.Duplicate(in.submissionId(), row.getTimestamp(2).toInstant(), receipt);
            }
        }
    }

    private static Outcome.Conflict head(Connection connection, Incoming in) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT submission_id, revision FROM domain_head WHERE lao_code = ? AND fiscal_year = ? AND domain = ?")) {
            select.setString(1, in.laoCode());
            select.setInt(2, in.fiscalYear());
            select.setString(3, in.domain());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? new Outcome.Conflict(row.getObject(1, UUID.class), row.getInt(2)) : null;
            }
        }
    }

    private static Outcome currentHead(Connection connection, Incoming in) throws SQLException {
        Outcome.Conflict head = head(connection, in);
        if (head == null) {
            throw new IllegalStateException("a revision is taken but its domain has no head: " + in.laoCode() + " " + in.domain());
        }
        return head;
    }
}
