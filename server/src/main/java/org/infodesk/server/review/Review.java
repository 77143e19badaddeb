package org.infodesk.server.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.infodesk.protocol.submission.Checks;
import org.infodesk.protocol.wire.Change;
import org.infodesk.server.changes.ChangeLog;
import org.infodesk.server.storage.Transactions;

/**
 * Reviewers' decisions (DESIGN §6: DELIVERED → ACCEPTED | RETURNED) and the list of what there
 * is to review; used by the review API and by the {@code review} command alike.
 *
 * <p>The rules: only the current head revision of its LAO, fiscal year and domain is decided
 * ({@code NOT_HEAD}); only by a reviewer whose scope holds the LAO ({@code NOT_IN_SCOPE}); once
 * ({@code ALREADY_DECIDED}: an acceptance is final, and a returned domain is decided again only
 * in a new revision, which ingest makes the head and DELIVERED); a return needs a comment. A
 * decision and its changes (SPEC §4.8: {@code decision} to the LAO and its district office,
 * {@code lao_status} to the district office, and for an acceptance {@code last_year_values} to
 * the LAO) are written in one transaction.
 */
public final class Review {

    /** The longest comment: the {@code comment} member of a decision change (SPEC §4.8). */
    public static final int MAX_COMMENT = 2_000;
    /** The most heads in one page of the list. */
    public static final int MAX_PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final Clock clock;
    private final ChangeLog changes;

    public Review(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.changes = new ChangeLog(dataSource, clock);
    }

    /** A decision as recorded. */
    public record Decided(long id, UUID submissionId, String laoCode, int fiscalYear, String domainId, int revision,
                          Change.Verdict verdict, String comment, String reviewer, String reviewerUsername, Instant decidedAt) {}

    /** The head of one domain of one LAO and year, where it stands. */
    public record Head(UUID submissionId, String laoCode, String laoName, String province, String district, int fiscalYear,
                       String domainId, int revision, Change.State state, Instant receivedAt, String comment, Instant decidedAt) {}

    /** What to list: each member null for any; {@code after} is the last submission id of the page before. */
    public record Filter(Change.State state, String province, String district, Integer fiscalYear, UUID after, int limit) {}

    /** One page of heads, in submission id order; {@code nextAfter} is null when this is the last. */
    public record Page(List<Head> heads, UUID nextAfter) {}

    /** Decides a submission: checked, then recorded with its changes in one transaction. */
    public Decided decide(Reviewer reviewer, UUID submissionId, Change.Verdict verdict, String comment)
            throws ReviewException, SQLException {
        Objects.requireNonNull(submissionId);
        if (reviewer.revoked()) {
            throw new ReviewException(ReviewException.Refusal.NOT_FOUND, "reviewer " + reviewer.username() + " is revoked");
        }
        if (verdict == null) {
            throw new ReviewException(ReviewException.Refusal.BAD_VALUE, "verdict: ACCEPTED or RETURNED");
        }
        if (verdict == Change.Verdict.RETURNED && (comment == null || comment.isBlank())) {
            throw new ReviewException(ReviewException.Refusal.BAD_VALUE, "comment: a return needs a comment that says what to correct");
        }
        if (comment != null) {
            String problem = Checks.text(comment, MAX_COMMENT);
            if (problem != null) {
                throw new ReviewException(ReviewException.Refusal.BAD_VALUE, "comment: " + problem + " (one line, at most "
                        + MAX_COMMENT + " characters)");
            }
        }
        Instant decidedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Object outcome = Transactions.commitIf(dataSource, c -> decide(c, reviewer, submissionId, verdict, comment, decidedAt),
                result -> result instanceof Decided);
        if (outcome instanceof ReviewException refused) {
            throw refused;
        }
        return (Decided) outcome;
    }

    /** The decision, or the refusal (as a value, so that the transaction is rolled back). */
    private Object decide(Connection connection, Reviewer reviewer, UUID submissionId, Change.Verdict verdict, String comment,
            Instant decidedAt) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT s.lao_code, s.fiscal_year, s.domain, s.revision, s.received_at, s.payload, l.province, l.district,
                       h.submission_id = s.submission_id, h.revision
                FROM submission s JOIN lao l ON l.code = s.lao_code
                JOIN domain_head h ON h.lao_code = s.lao_code AND h.fiscal_year = s.fiscal_year AND h.domain = s.domain
                WHERE s.submission_id = ? FOR UPDATE OF h""")) {
            select.setObject(1, submissionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return new ReviewException(ReviewException.Refusal.NOT_FOUND, "no submission " + submissionId);
                }
                String lao = row.getString(1);
                if (!reviewer.covers(row.getString(7), row.getString(8))) {
                    return new ReviewException(ReviewException.Refusal.NOT_IN_SCOPE, "LAO " + lao + " is outside "
                            + reviewer.scope());
                }
                int revision = row.getInt(4);
                if (!row.getBoolean(9)) {
                    return new ReviewException(ReviewException.Refusal.NOT_HEAD, "revision " + revision + " is not the head: revision "
                            + row.getInt(10) + " was delivered since");
                }
                Decided decided = new Decided(0, submissionId, lao, row.getInt(2), row.getString(3), revision, verdict, comment,
                        reviewer.displayName(), reviewer.username(), decidedAt);
                Long id = insert(connection, decided);
                if (id == null) {
                    return new ReviewException(ReviewException.Refusal.ALREADY_DECIDED, "submission " + submissionId
                            + " is decided already; a returned domain is decided again in its next revision");
                }
                record(connection, decided, row.getTimestamp(5).toInstant(), row.getBytes(6));
                return new Decided(id, submissionId, lao, decided.fiscalYear(), decided.domainId(), revision, verdict, comment,
                        decided.reviewer(), decided.reviewerUsername(), decidedAt);
            }
        }
    }

    private static Long insert(Connection connection, Decided d) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO review_decision (submission_id, decision, comment, reviewer, decided_at, reviewer_username)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (submission_id) DO NOTHING RETURNING id""")) {
            insert.setObject(1, d.submissionId());
            insert.setString(2, d.verdict().name());
            insert.setString(3, d.comment());
            insert.setString(4, d.reviewer());
            insert.setTimestamp(5, Timestamp.from(d.decidedAt()));
            insert.setString(6, d.reviewerUsername());
            try (ResultSet row = insert.executeQuery()) {
                return row.next() ? row.getLong(1) : null;
            }
        }
    }

    /** The changes of a decision (SPEC §4.8), in its transaction. */
    private void record(Connection connection, Decided d, Instant receivedAt, byte[] payload) throws SQLException {
        Change.Decision decision = new Change.Decision(d.submissionId(), d.laoCode(), d.fiscalYear(), d.domainId(), d.revision(),
                d.verdict(), d.comment(), d.reviewer(), d.decidedAt());
        changes.forLao(connection, d.laoCode(), decision);
        changes.forDistrictOf(connection, d.laoCode(), decision);
        changes.forDistrictOf(connection, d.laoCode(), new Change.LaoStatus(d.laoCode(), d.fiscalYear(), d.domainId(),
                d.revision(), d.submissionId(), Change.State.valueOf(d.verdict().name()), receivedAt));
        if (d.verdict() == Change.Verdict.ACCEPTED) {
            JsonNode signed = tree(payload);
            changes.forLao(connection, d.laoCode(), new Change.LastYearValues(d.laoCode(), d.fiscalYear(), d.domainId(),
                    d.revision(), signed.path("definition_id").asText(), signed.path("definition_version").asInt(),
                    signed.get("values")));
        }
    }

    private static JsonNode tree(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored payload does not read", e);
        }
    }

    /** The heads in the reviewer's scope that the filter selects, one page. */
    public Page list(Reviewer reviewer, Filter filter) throws ReviewException, SQLException {
        if (filter.limit() < 1 || filter.limit() > MAX_PAGE) {
            throw new ReviewException(ReviewException.Refusal.BAD_VALUE, "limit: 1 to " + MAX_PAGE);
        }
        if (filter.district() != null && filter.province() == null) {
            throw new ReviewException(ReviewException.Refusal.BAD_VALUE, "district: needs its province");
        }
        if ((reviewer.province() != null && filter.province() != null && !reviewer.province().equals(filter.province()))
                || (reviewer.district() != null && filter.district() != null && !reviewer.district().equals(filter.district()))) {
            throw new ReviewException(ReviewException.Refusal.NOT_IN_SCOPE, "the filter is outside " + reviewer.scope());
        }
        StringBuilder sql = new StringBuilder("""
                SELECT s.submission_id, s.lao_code, l.name_th, l.province, l.district, s.fiscal_year, s.domain, s.revision,
                       s.received_at, d.decision, d.comment, d.decided_at
                FROM domain_head h JOIN submission s ON s.submission_id = h.submission_id
                JOIN lao l ON l.code = h.lao_code
                LEFT JOIN review_decision d ON d.submission_id = h.submission_id
                WHERE TRUE""");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, " AND l.province = ?", reviewer.province() != null ? reviewer.province() : filter.province());
        condition(sql, parameters, " AND l.district = ?", reviewer.district() != null ? reviewer.district() : filter.district());
        condition(sql, parameters, " AND s.fiscal_year = ?", filter.fiscalYear());
        condition(sql, parameters, " AND h.submission_id > ?", filter.after());
        if (filter.state() == Change.State.DELIVERED) {
            sql.append(" AND d.decision IS NULL");
        } else {
            condition(sql, parameters, " AND d.decision = ?", filter.state() == null ? null : filter.state().name());
        }
        sql.append(" ORDER BY h.submission_id LIMIT ?");
        parameters.add(filter.limit() + 1);
        List<Head> heads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    String decision = row.getString(10);
                    Timestamp decidedAt = row.getTimestamp(12);
                    heads.add(new Head(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                            row.getString(5), row.getInt(6), row.getString(7), row.getInt(8),
                            decision == null ? Change.State.DELIVERED : Change.State.valueOf(decision),
                            row.getTimestamp(9).toInstant(), row.getString(11), decidedAt == null ? null : decidedAt.toInstant()));
                }
            }
        }
        boolean more = heads.size() > filter.limit();
        List<Head> page = more ? heads.subList(0, filter.limit()) : heads;
        return new Page(List.copyOf(page), more ? page.get(page.size() - 1).submissionId() : null);
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }
}
