package org.infodesk.server.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The head revision of each domain of each LAO in a scope, with the latest reviewer decision on
 * it: the one query behind the status and the export. The head is {@code domain_head}'s (the
 * highest revision delivered), so superseded revisions never count; the latest decision is the
 * last one recorded for the head's submission ({@code review_decision.id}), so a decision on an
 * older revision says nothing about the head. Rows stream from a cursor: a national export does
 * not hold them all.
 */
public final class Heads {

    /** Rows fetched from the cursor at a time. */
    static final int FETCH_SIZE = 200;

    /** The scope's condition on {@code lao l}; {@link #bindScope} fills its four parameters. */
    private static final String IN_SCOPE = " (CAST(? AS TEXT) IS NULL OR l.province = ?) AND (CAST(? AS TEXT) IS NULL OR l.district = ?)";

    private static final String SELECT = """
            SELECT l.code, l.name_th, l.name_en, l.province, l.district,
                   h.domain, h.revision, s.submission_id, s.received_at, %s, d.decision, d.decided_at, s.certified_at
            FROM lao l
            LEFT JOIN domain_head h ON h.lao_code = l.code AND h.fiscal_year = ?
            LEFT JOIN submission s ON s.submission_id = h.submission_id
            LEFT JOIN LATERAL (SELECT r.decision, r.decided_at FROM review_decision r
                               WHERE r.submission_id = h.submission_id ORDER BY r.id DESC LIMIT 1) d ON true
            WHERE""" + Heads.IN_SCOPE;
    private static final String ACCEPTED_ONLY = " AND d.decision = 'ACCEPTED'";
    private static final String ORDER = " ORDER BY l.province, l.district, l.code, array_position(?, h.domain::text), h.domain";

    private final DataSource dataSource;

    public Heads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * One row of the query: an LAO of the registry and, unless it delivered nothing in the year,
     * one domain's head revision.
     *
     * @param domainId  the head's domain, {@code null} (with every member after it) for an LAO with no head at all
     * @param payload   the head's canonical signed payload bytes (SPEC §3.3): read for the accepted
     *                  heads only (the export's values), {@code null} in a status
     * @param certifiedAt when the device says the head was certified (the payload's {@code certified_at})
     * @param state     {@link DomainState#DELIVERED}, {@code RETURNED} or {@code ACCEPTED}; {@code NOTHING} when {@code domainId} is null
     */
    public record Head(String laoCode, String laoNameTh, String laoNameEn, String province, String district,
            String domainId, Integer revision, UUID submissionId, Instant receivedAt, byte[] payload,
            DomainState state, Instant decidedAt, Instant certifiedAt) {}

    /** Receives the rows one by one. */
    @FunctionalInterface
    public interface Consumer<E extends Exception> {
        void accept(Head head) throws E;
    }

    /**
     * Streams the rows of a fiscal year and scope, ordered by province, district, LAO code and
     * domain (in the order of {@code domainOrder}, then by id): with {@code acceptedOnly}, only heads whose latest decision is ACCEPTED; else
     * every LAO of the scope, with a row of its own (domain {@code null}) when it has no head. Only the
     * accepted heads carry their payloads (what the export writes); a status needs none of them.
     * What the consumer throws is thrown on, after the cursor is closed.
     */
    public <E extends Exception> void forEach(int fiscalYear, Scope scope, boolean acceptedOnly, List<String> domainOrder,
            Consumer<E> consumer) throws SQLException, E {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement(SELECT.formatted(acceptedOnly ? "s.payload" : "NULL::bytea")
                    + (acceptedOnly ? ACCEPTED_ONLY : "") + ORDER)) {
                select.setFetchSize(FETCH_SIZE);
                select.setInt(1, fiscalYear);
                bindScope(select, 2, scope);
                select.setArray(6, connection.createArrayOf("text", domainOrder.toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        consumer.accept(head(row));
                    }
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** How many LAOs of the registry are in a scope. */
    public int laos(Scope scope) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM lao l WHERE" + IN_SCOPE)) {
            bindScope(select, 1, scope);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void bindScope(PreparedStatement statement, int first, Scope scope) throws SQLException {
        statement.setString(first, scope.province());
        statement.setString(first + 1, scope.province());
        statement.setString(first + 2, scope.district());
        statement.setString(first + 3, scope.district());
    }

    private static Head head(ResultSet row) throws SQLException {
        String domain = row.getString(6);
        String laoCode = row.getString(1);
        if (domain == null) {
            return new Head(laoCode, row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                    null, null, null, null, null, DomainState.NOTHING, null, null);
        }
        String decision = row.getString(11);
        DomainState state = decision == null ? DomainState.DELIVERED : DomainState.valueOf(decision);
        return new Head(laoCode, row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                domain, row.getInt(7), row.getObject(8, UUID.class), instant(row.getTimestamp(9)), row.getBytes(10),
                state, instant(row.getTimestamp(12)), instant(row.getTimestamp(13)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
