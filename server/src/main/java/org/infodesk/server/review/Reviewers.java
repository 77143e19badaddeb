package org.infodesk.server.review;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.infodesk.protocol.submission.Checks;
import org.infodesk.server.enrolment.Secrets;
import org.infodesk.server.storage.Statements;

/**
 * Reviewer accounts: made with a random bearer token shown once and kept only as its SHA-256
 * (like a device's, SPEC §4.3), revoked by username, found by token for the review API.
 */
public final class Reviewers {

    /** A username: lowercase letters, digits, dot, dash and underscore, 1 to 64, starting with a letter or digit. */
    public static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** The longest display name: the {@code reviewer} member of a decision change (SPEC §4.8). */
    public static final int MAX_NAME = 200;
    private static final int MAX_TOKEN_LENGTH = 100;

    private final DataSource dataSource;
    private final Clock clock;

    public Reviewers(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** A reviewer account as made: the token is shown this once. */
    public record Added(Reviewer reviewer, String token) {}

    /**
     * Makes an account. {@code province} null: the whole country; {@code district} needs its
     * {@code province}; both must be in the registry.
     */
    public Added add(String username, String displayName, String province, String district) throws ReviewException, SQLException {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new ReviewException(ReviewException.Refusal.BAD_VALUE,
                    "a username is 1 to 64 of a-z, 0-9, '.', '_', '-', starting with a letter or digit");
        }
        String nameProblem = displayName == null ? "missing" : Checks.text(displayName, MAX_NAME);
        if (nameProblem != null) {
            throw new ReviewException(ReviewException.Refusal.BAD_VALUE, "the name: " + nameProblem);
        }
        if (district != null && province == null) {
            throw new ReviewException(ReviewException.Refusal.BAD_VALUE, "a district scope needs its province");
        }
        String token = Secrets.newToken();
        try (Connection connection = dataSource.getConnection()) {
            if (province != null && !registered(connection, province, district)) {
                throw new ReviewException(ReviewException.Refusal.NOT_FOUND, (district == null ? "province " + province
                        : "district " + district + ", " + province) + " is not in the registry (import it first)");
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO reviewer (username, display_name, province, district, token_hash, created_at)
                    VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING""")) {
                insert.setString(1, username);
                insert.setString(2, displayName);
                insert.setString(3, province);
                insert.setString(4, district);
                insert.setBytes(5, Secrets.tokenHash(token));
                insert.setTimestamp(6, Timestamp.from(clock.instant()));
                if (insert.executeUpdate() == 0) {
                    throw new ReviewException(ReviewException.Refusal.REVIEWER_EXISTS,
                            "reviewer " + username + " exists already (a revoked username is not reused)");
                }
            }
        }
        return new Added(new Reviewer(username, displayName, province, district, false), token);
    }

    private static boolean registered(Connection connection, String province, String district) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM district_office WHERE province = ? AND (?::text IS NULL OR district = ?) LIMIT 1")) {
            select.setString(1, province);
            select.setString(2, district);
            select.setString(3, district);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Revokes an account: its token is refused from now on. False when there is none or it is revoked already. */
    public boolean revoke(String username) throws SQLException {
        return Statements.update(dataSource, "UPDATE reviewer SET revoked_at = ? WHERE username = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), username) == 1;
    }

    /** The account of a bearer token, revoked or not; empty for an unknown or malformed token. */
    public Optional<Reviewer> authenticate(String token) throws SQLException {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return find("token_hash = ?", Secrets.tokenHash(token));
    }

    /** The account of a username, revoked or not. */
    public Optional<Reviewer> find(String username) throws SQLException {
        return username == null ? Optional.empty() : find("username = ?", username);
    }

    private Optional<Reviewer> find(String where, Object key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT username, display_name, province, district, revoked_at IS NOT NULL FROM reviewer WHERE " + where)) {
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new Reviewer(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5)))
                        : Optional.empty();
            }
        }
    }
}
