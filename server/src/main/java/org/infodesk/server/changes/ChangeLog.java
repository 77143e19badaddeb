package org.infodesk.server.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.PullResponse;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;
import org.infodesk.server.definitions.HeldDefinitions;
import org.infodesk.server.storage.Transactions;

/**
 * The append-only log of the changes devices pull (SPEC §4.8). A change is appended in the
 * transaction of the event that makes it (a stored submission, a review decision: the callers
 * pass their connection), so it exists exactly when its event does. Every append first takes one
 * transaction-level advisory lock ({@link #LOCK}), so appends commit in the order of their ids
 * and a reader never finds, after it has given cursor {@code n}, a change below {@code n}
 * committed late: the cursor is the id of the last change given, with the log's name.
 *
 * <p>A cursor is {@code 1.NAME.ID}: NAME is this database's log (made once, by the migration),
 * so a cursor of another server, or of a database made anew, is refused instead of skipping
 * changes; an ID above the last recorded was never given. Both are {@link BadCursor}.
 */
public final class ChangeLog {

    /** The advisory lock key that orders appends: "infodesk" in ASCII. */
    public static final long LOCK = 0x696e666f6465736bL;
    /** The most bytes of changes in one answer: a reader refuses a document over {@link WireCodec#MAX_DOCUMENT_BYTES}. */
    static final int MAX_ANSWER_BYTES = WireCodec.MAX_DOCUMENT_BYTES - 64 * 1024;
    private static final Pattern CURSOR = Pattern.compile("1\\.([0-9a-f]{16})\\.(0|[1-9][0-9]{0,17})");

    private final DataSource dataSource;
    private final Clock clock;

    public ChangeLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Whose changes a device pulls: its LAO's, or its district office's (by province and district). */
    public sealed interface Audience {
        record OfLao(String laoCode) implements Audience {}
        record OfDistrict(String province, String district) implements Audience {}
    }

    /** A cursor the server did not give (SPEC §4.8: 400 {@code BAD_CURSOR}). */
    public static final class BadCursor extends Exception {
        private static final long serialVersionUID = 1L;

        public BadCursor(String message) {
            super(message);
        }
    }

    /**
     * Records a {@code definition} change for every definition held, for every device, once per
     * definition and digest (the server calls this at each start; a definition held later is a new
     * change that devices with a cursor see too).
     */
    public void recordDefinitions(HeldDefinitions definitions) throws SQLException {
        Transactions.commitIf(dataSource, connection -> {
            for (HeldDefinitions.Held held : definitions.all()) {
                var d = held.definition();
                append(connection, null, null, new Change.NewDefinition(d.id(), d.fiscalYear(), d.version(), held.digest()),
                        "definition/" + held.key() + "/" + held.digest());
            }
            return null;
        }, ignored -> true);
    }

    /** Appends a change for one LAO's devices, in the caller's transaction. */
    public void forLao(Connection connection, String laoCode, Change change) throws SQLException {
        append(connection, laoCode, null, change, null);
    }

    /** Appends a change for the devices of the district office of an LAO, in the caller's transaction. */
    public void forDistrictOf(Connection connection, String laoCode, Change change) throws SQLException {
        forDistrictsOf(connection, List.of(Map.entry(laoCode, change)));
    }

    /**
     * Appends changes, each for the devices of the district office of its LAO (the key), in the
     * caller's transaction and in the order given, under one taking of the log's lock.
     */
    public void forDistrictsOf(Connection connection, List<Map.Entry<String, Change>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        lock(connection);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO change_log (district_office_id, kind, body, recorded_at)
                SELECT o.id, ?, ?, ? FROM lao l JOIN district_office o ON o.province = l.province AND o.district = l.district
                WHERE l.code = ?""")) {
            Timestamp now = Timestamp.from(clock.instant());
            for (Map.Entry<String, Change> change : changes) {
                insert.setString(1, kind(change.getValue()));
                insert.setBytes(2, WireCodec.write(change.getValue()));
                insert.setTimestamp(3, now);
                insert.setString(4, change.getKey());
                insert.addBatch();
            }
            // One round trip while the log's lock is held (it is held until the commit).
            int[] inserted = insert.executeBatch();
            for (int i = 0; i < inserted.length; i++) {
                if (inserted[i] != 1) {
                    throw new IllegalStateException("LAO " + changes.get(i).getKey() + " has no district office");
                }
            }
        }
    }

    private void append(Connection connection, String laoCode, Long districtOfficeId, Change change, String onceKey)
            throws SQLException {
        lock(connection);
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO change_log (lao_code, district_office_id, kind, body, once_key, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (once_key) DO NOTHING""")) {
            insert.setString(1, laoCode);
            insert.setObject(2, districtOfficeId);
            insert.setString(3, kind(change));
            insert.setBytes(4, WireCodec.write(change));
            insert.setString(5, onceKey);
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            lock.execute();
        }
    }

    private static String kind(Change change) {
        if (change instanceof Change.Decision) {
            return "decision";
        }
        if (change instanceof Change.NewDefinition) {
            return "definition";
        }
        if (change instanceof Change.LastYearValues) {
            return "last_year_values";
        }
        return "lao_status";
    }

    /**
     * The changes for an audience after a cursor ({@code null}: from the beginning), oldest first:
     * at most {@code maxChanges} and at most {@link #MAX_ANSWER_BYTES} of them; {@code more} when
     * further ones are waiting now.
     */
    public PullResponse pull(Audience audience, String since, int maxChanges) throws SQLException, BadCursor {
        try (Connection connection = dataSource.getConnection()) {
            String name = name(connection);
            long after = since == null ? 0 : after(connection, name, since);
            List<Change> changes = new ArrayList<>();
            long last = after;
            boolean more = false;
            long bytes = 0;
            try (PreparedStatement select = connection.prepareStatement(query(audience))) {
                int i = bindAudience(select, audience);
                // Each branch and the whole: one more than an answer holds, to know whether more are waiting.
                select.setLong(i, after);
                select.setInt(i + 1, maxChanges + 1);
                select.setLong(i + 2, after);
                select.setInt(i + 3, maxChanges + 1);
                select.setInt(i + 4, maxChanges + 1);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        byte[] body = row.getBytes(2);
                        if (changes.size() == maxChanges || bytes + body.length + 1 > MAX_ANSWER_BYTES) {
                            more = true;
                            break;
                        }
                        changes.add(read(body));
                        bytes += body.length + 1;
                        last = row.getLong(1);
                    }
                }
            }
            return new PullResponse(cursor(name, last), more, changes);
        }
    }

    private static String query(Audience audience) {
        String mine = audience instanceof Audience.OfLao
                ? "lao_code = ?"
                : "district_office_id = (SELECT id FROM district_office WHERE province = ? AND district = ?)";
        return "SELECT id, body FROM ("
                + "(SELECT id, body FROM change_log WHERE " + mine + " AND id > ? ORDER BY id LIMIT ?)"
                + " UNION ALL (SELECT id, body FROM change_log WHERE lao_code IS NULL AND district_office_id IS NULL"
                + " AND id > ? ORDER BY id LIMIT ?)) c ORDER BY id LIMIT ?";
    }

    /** Binds the audience's parameters; gives the index of the next parameter. */
    private static int bindAudience(PreparedStatement select, Audience audience) throws SQLException {
        int i = 1;
        if (audience instanceof Audience.OfLao lao) {
            select.setString(i++, lao.laoCode());
        } else {
            Audience.OfDistrict district = (Audience.OfDistrict) audience;
            select.setString(i++, district.province());
            select.setString(i++, district.district());
        }
        return i;
    }

    private static Change read(byte[] body) {
        try {
            return WireCodec.read(body, Change.class);
        } catch (WireException e) {
            throw new IllegalStateException("a stored change does not read: " + e.getMessage(), e);
        }
    }

    private static String cursor(String name, long id) {
        return "1." + name + "." + id;
    }

    private static long after(Connection connection, String name, String since) throws SQLException, BadCursor {
        Matcher m = CURSOR.matcher(since);
        if (!m.matches()) {
            throw new BadCursor("not a cursor of this server");
        }
        if (!m.group(1).equals(name)) {
            throw new BadCursor("a cursor of another change log (another server, or this one's database made anew)");
        }
        long id = Long.parseLong(m.group(2));
        try (PreparedStatement select = connection.prepareStatement("SELECT coalesce(max(id), 0) FROM change_log");
             ResultSet row = select.executeQuery()) {
            row.next();
            if (id > row.getLong(1)) {
                throw new BadCursor("a cursor past the last change recorded");
            }
        }
        return id;
    }

    private static String name(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM change_feed");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("the change log has no name (migration V2 not applied?)");
            }
            return row.getString(1);
        }
    }
}
