package org.infodesk.app.storage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.definitions.Bundled;
import org.infodesk.app.definitions.ReceivedDefinition;
import org.infodesk.app.sync.PullRepository;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.AnswersFormatException;
import org.infodesk.protocol.answers.AnswersJson;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.DefinitionException;
import org.infodesk.protocol.definition.DefinitionReader;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;

/**
 * {@link PullRepository} on the SQLite store (schemas 7 and 8). Every change is kept in
 * {@code pulled_change} once per identity with where it stands ({@link State}), so that a change
 * that comes again is recognised and one that could not be applied is kept with its problem.
 */
public final class SqlitePullRepository implements PullRepository {

    static final String CURSOR = "pull.cursor";
    /** When a pull last reached the server (an answer applied), for the district's status board. */
    static final String PULLED_AT = "pull.at";
    static final String KIND_DEFINITION = "definition";
    static final String KIND_LAST_YEAR = "last_year_values";
    static final int MAX_PROBLEM = 2000;

    /** Where a kept change stands (schema 8's {@code pulled_change.state}). */
    enum State { KEPT, APPLIED, WAITING, REFUSED }

    private final Store store;
    /** Received definitions read, by key and digest (a document is read once, not per change). */
    private final Map<String, Definition> read = new ConcurrentHashMap<>();

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
            String lao = enrolledLao(c);
            for (Change change : changes) {
                if (change instanceof Change.Decision decision) {
                    if (!decide(c, decision, now)) {
                        keep(c, change, State.KEPT, null, now);
                    }
                } else if (change instanceof Change.NewDefinition definition) {
                    learn(c, definition, now);
                } else if (change instanceof Change.LastYearValues values) {
                    lastYear(c, values, lao, now);
                } else if (change instanceof Change.LaoStatus status) {
                    // the newest of an LAO's domain by revision, then by the order of the changes
                    Kept before = kept(c, "lao_status", identity(status));
                    if (before == null || ((Change.LaoStatus) before.change()).revision() <= status.revision()) {
                        keep(c, change, State.KEPT, null, now);
                    }
                } else {
                    keep(c, change, State.KEPT, null, now);
                }
            }
            // Values kept before their definition was held (or before schema 8) are applied as soon as it is.
            for (Change waiting : waiting(c, KIND_LAST_YEAR)) {
                if (!changes.contains(waiting)) {
                    lastYear(c, (Change.LastYearValues) waiting, lao, now);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)")) {
                s.setString(1, CURSOR);
                s.setString(2, cursor);
                s.executeUpdate();
                s.setString(1, PULLED_AT);
                s.setString(2, now);
                s.executeUpdate();
            }
            return null;
        });
    }

    /**
     * A definition change: done at once when this installation holds that document (the one it
     * ships, or one received with the same digest), else to fetch. The same refused change coming
     * again stays refused (it is not fetched in a loop); another digest is fetched.
     */
    private static void learn(Connection c, Change.NewDefinition d, String now) throws SQLException {
        if (Bundled.is(d.definitionId(), d.fiscalYear(), d.version(), d.digest())
                || SqliteDefinitionRepository.find(c, d.definitionId(), d.fiscalYear(), d.version())
                        .filter(held -> held.digest().equals(d.digest())).isPresent()) {
            keep(c, d, State.APPLIED, null, now);
            return;
        }
        Kept before = kept(c, KIND_DEFINITION, identity(d));
        if (before != null && before.state() == State.REFUSED && before.change().equals(d)) {
            return;
        }
        keep(c, d, State.WAITING, null, now);
    }

    /**
     * Last year's values of one domain: written to {@code last_year_value} for their LAO and fiscal
     * year, read with the definition they name. An older revision than the one kept changes nothing;
     * values whose definition is not held yet wait for it; values that do not fit it, or are
     * another LAO's, are refused with the problem. Nothing else of the page is held back.
     */
    private void lastYear(Connection c, Change.LastYearValues v, String enrolledLao, String now) throws SQLException {
        Kept before = kept(c, KIND_LAST_YEAR, identity(v));
        if (before != null) {
            Change.LastYearValues kept = (Change.LastYearValues) before.change();
            if (kept.revision() > v.revision() || (kept.equals(v) && before.state() == State.APPLIED)) {
                return;
            }
        }
        if (enrolledLao != null && !enrolledLao.equals(v.laoCode())) {
            keep(c, v, State.REFUSED, "values of LAO " + v.laoCode() + ", but this office is enrolled for " + enrolledLao, now);
            return;
        }
        String key = ReceivedDefinition.key(v.definitionId(), v.fiscalYear(), v.definitionVersion());
        Definition definition = definition(c, v.definitionId(), v.fiscalYear(), v.definitionVersion());
        if (definition == null) {
            keep(c, v, State.WAITING, "definition " + key + " is not held yet", now);
            return;
        }
        Answers answers;
        try {
            ObjectNode wrapped = JsonNodeFactory.instance.objectNode();
            wrapped.set(v.domainId(), v.values());
            answers = AnswersJson.read(wrapped, definition);
        } catch (AnswersFormatException e) {
            keep(c, v, State.REFUSED, "the values do not fit " + key + ": " + e.problems(), now);
            return;
        }
        Domain domain = definition.domain(v.domainId()).orElseThrow();
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM last_year_value WHERE lao_code = ? AND fiscal_year = ? AND domain = ?")) {
            delete.setString(1, v.laoCode());
            delete.setInt(2, v.fiscalYear());
            delete.setString(3, v.domainId());
            delete.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO last_year_value (lao_code, fiscal_year, domain, item, value, imported_at) VALUES (?, ?, ?, ?, ?, ?)""")) {
            for (Item item : domain.items()) {
                Object value = answers.get(domain.id(), item.id());
                if (value == null) {
                    continue;
                }
                s.setString(1, v.laoCode());
                s.setInt(2, v.fiscalYear());
                s.setString(3, domain.id());
                s.setString(4, item.id());
                s.setString(5, ValueCodec.encode(item, value));
                s.setString(6, now);
                s.addBatch();
            }
            s.executeBatch();
        }
        keep(c, v, State.APPLIED, null, now);
    }

    /** A definition this installation holds (the one it ships, or one received), read; null when none. */
    private Definition definition(Connection c, String id, int fiscalYear, int version) throws SQLException {
        if (ReceivedDefinition.key(id, fiscalYear, version).equals(Bundled.key())) {
            return Bundled.definition();
        }
        ReceivedDefinition received = SqliteDefinitionRepository.find(c, id, fiscalYear, version).orElse(null);
        if (received == null) {
            return null;
        }
        String cacheKey = received.key() + "@" + received.digest();
        Definition known = read.get(cacheKey);
        if (known == null) {
            try {
                known = DefinitionReader.read(received.document());
            } catch (DefinitionException e) {
                return null;
            }
            read.put(cacheKey, known);
        }
        return known;
    }

    private static String enrolledLao(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT lao_code FROM server_account WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
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

    /** Keeps a change whole, with where it stands; the last of one identity replaces the one before. */
    private static void keep(Connection c, Change change, State state, String problem, String now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT OR REPLACE INTO pulled_change (kind, identity, body, pulled_at, state, problem) VALUES (?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, kind(change));
            s.setString(2, identity(change));
            s.setString(3, new String(WireCodec.write(change), StandardCharsets.UTF_8));
            s.setString(4, now);
            s.setString(5, state.name());
            s.setString(6, problem == null ? null : bounded(problem));
            s.executeUpdate();
        }
    }

    /** A kept change and where it stands. */
    private record Kept(Change change, State state) {}

    private static Kept kept(Connection c, String kind, String identity) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT body, state FROM pulled_change WHERE kind = ? AND identity = ?")) {
            s.setString(1, kind);
            s.setString(2, identity);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? new Kept(read(r.getString(1)), State.valueOf(r.getString(2))) : null;
            }
        }
    }

    private static Change read(String body) {
        try {
            return WireCodec.read(body.getBytes(StandardCharsets.UTF_8), Change.class);
        } catch (WireException e) {
            throw new IllegalStateException("a kept change does not read: " + e.getMessage(), e);
        }
    }

    private static String kind(Change change) {
        if (change instanceof Change.Decision) {
            return "decision";
        }
        if (change instanceof Change.NewDefinition) {
            return KIND_DEFINITION;
        }
        if (change instanceof Change.LastYearValues) {
            return KIND_LAST_YEAR;
        }
        return "lao_status";
    }

    private static String identity(Change change) {
        if (change instanceof Change.Decision d) {
            return d.submissionId().toString();
        }
        if (change instanceof Change.NewDefinition d) {
            return ReceivedDefinition.key(d.definitionId(), d.fiscalYear(), d.version());
        }
        if (change instanceof Change.LastYearValues v) {
            return v.laoCode() + "/" + v.fiscalYear() + "/" + v.domainId();
        }
        Change.LaoStatus l = (Change.LaoStatus) change;
        return l.laoCode() + "/" + l.fiscalYear() + "/" + l.domainId();
    }

    private static String bounded(String problem) {
        return problem.length() <= MAX_PROBLEM ? problem : problem.substring(0, MAX_PROBLEM - 1) + "…";
    }

    @Override
    public List<Change.NewDefinition> definitionsToFetch() throws StoreException {
        return store.read(c -> {
            List<Change.NewDefinition> found = new ArrayList<>();
            for (Change change : waiting(c, KIND_DEFINITION)) {
                found.add((Change.NewDefinition) change);
            }
            return found;
        });
    }

    private static List<Change> waiting(Connection c, String kind) throws SQLException {
        List<Change> found = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT body FROM pulled_change WHERE kind = ? AND state = 'WAITING' ORDER BY pulled_at, identity")) {
            s.setString(1, kind);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(read(r.getString(1)));
                }
            }
        }
        return found;
    }

    @Override
    public void definitionFetched(ReceivedDefinition definition) throws StoreException {
        String now = store.clock().instant().toString();
        store.write(c -> {
            SqliteDefinitionRepository.insert(c, definition, now);
            keep(c, new Change.NewDefinition(definition.definitionId(), definition.fiscalYear(), definition.version(),
                    definition.digest()), State.APPLIED, null, now);
            String lao = enrolledLao(c);
            for (Change waiting : waiting(c, KIND_LAST_YEAR)) {
                lastYear(c, (Change.LastYearValues) waiting, lao, now);
            }
            return null;
        });
    }

    @Override
    public void definitionRefused(Change.NewDefinition change, String problem) throws StoreException {
        String now = store.clock().instant().toString();
        store.write(c -> {
            keep(c, change, State.REFUSED, problem, now);
            return null;
        });
    }

    @Override
    public List<Problem> problems() throws StoreException {
        return store.read(c -> {
            List<Problem> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT kind, identity, state, problem FROM pulled_change WHERE state IN ('WAITING', 'REFUSED')
                    ORDER BY pulled_at, kind, identity""");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    found.add(new Problem(r.getString(1), r.getString(2), r.getString(3).equals("WAITING"),
                            r.getString(4) == null ? "to fetch" : r.getString(4)));
                }
            }
            return found;
        });
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
