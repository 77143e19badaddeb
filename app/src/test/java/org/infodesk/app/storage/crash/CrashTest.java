package org.infodesk.app.storage.crash;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.crash.ChildJvm.Launch;
import org.infodesk.protocol.answers.Values;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * Issue 3, acceptance 1: a child JVM ({@link CrashWorker}) edits and certifies in a loop on one
 * data folder and is killed with SIGKILL at a random moment, {@code crash.kills} times (100 by
 * default; {@code ./soak-crash} runs 1,000). After every kill the test, alone on the folder:
 * opens the store; runs {@code PRAGMA integrity_check} and {@code foreign_key_check}; compares
 * every stored answer with a model built from the worker's reports (a save whose call returned is
 * there, nothing else changed, the one call in flight at the kill either happened whole or not
 * at all; each answer's last audit entry agrees with it); checks every certified snapshot is
 * whole (its digest is the SHA-256 of its payload, the payload holds the frozen revision's
 * values, it has its outbox item, its revision is no longer editable), that none ever seen has
 * gone or changed, that no outbox item or frozen revision lacks its snapshot, and that each
 * domain's revisions run 1..n with all but the newest frozen; and reads the current revisions
 * back through {@link SqliteAnswerRepository}.
 *
 * <p>The kill moment is chosen by the worker's own output, not by a clock: after K report lines
 * (K random in 1..400), or for a third of the kills at the first CERTIFYING or AMENDING line
 * from there, as certifications are rarer than saves. {@code -Dcrash.seed=N} repeats the same
 * workers and K values; the exact kill moment still depends on scheduling. The printed summary
 * counts where the kills fell (between calls, or in a save, certify or amend that committed or
 * not).
 *
 * <p>To keep 100 kills well within a few minutes on two cores, each worker is started ahead of
 * its turn ({@code crash.ahead}, 2) and warms up on a scratch folder before it is told to open
 * the shared one, its start-up classes come from an AppCDS archive made by one training run,
 * and it reads the definition from records the test wrote instead of checking the JSON
 * document again. Only one process ever has the data folder open.
 */
class CrashTest {

    private static final int KILLS = Integer.getInteger("crash.kills", 100);
    private static final int MAX_LINES = 400;
    /** How many workers start ahead of their turn, to warm up while the folder is in use. */
    private static final int AHEAD = Integer.getInteger("crash.ahead", 2);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration LINE_TIMEOUT = Duration.ofSeconds(60);
    private static final Set<String> EDITABLE = Set.of("NOT_STARTED", "DRAFT", "READY");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Definition DEFINITION = Questionnaire.fy2564().definition();

    /** One stored answer's place: the worker's LAO and fiscal year are fixed. */
    record Cell(String domain, int revision, String item) implements Comparable<Cell> {
        @Override
        public int compareTo(Cell o) {
            int c = domain.compareTo(o.domain);
            c = c != 0 ? c : Integer.compare(revision, o.revision);
            return c != 0 ? c : item.compareTo(o.item);
        }

        @Override
        public String toString() {
            return domain + " r" + revision + " " + item;
        }
    }

    /** A certification the worker reported: CERTIFYING (maybe in flight) or CERTIFIED. */
    record Certified(String domain, int revision, String submissionId, String digest) {}

    /** A stored certified snapshot, read back. */
    record Snapshot(String domain, int revision, String digest) {}

    /** What the store must hold after one kill. */
    static final class Expectation {
        /** The answers if the call in flight at the kill did not commit. */
        final Map<Cell, BigDecimal> without;
        /** The answers if it did (the same as {@link #without} when no answer-changing call was in flight). */
        final Map<Cell, BigDecimal> with;
        final List<Certified> certified = new ArrayList<>();
        /** The line of the call in flight at the kill, or null when the kill fell between calls. */
        String inFlight;
        Certified certifying;

        Expectation(Map<Cell, BigDecimal> without, Map<Cell, BigDecimal> with) {
            this.without = without;
            this.with = with;
        }
    }

    /** Counts of where the kills fell, for the report. */
    private final Map<String, Integer> outcomes = new TreeMap<>();

    /** A worker started for one kill. */
    /**
     * A worker started for one kill: killed after k report lines, or, when {@code aim} is set
     * (CERTIFYING or AMENDING), at the first such line from the k-th on: those calls are rarer
     * than saves, and a third of the kills aim at them.
     */
    private record Worker(int kill, long seed, int k, String aim, ChildJvm child, Path stderr, String where) {}

    @Test
    void killingTheWorkerAtRandomMomentsNeverLosesAReturnedSaveNorLeavesAPartialSnapshot(@TempDir Path temp)
            throws Exception {
        long masterSeed = Long.getLong("crash.seed", new SecureRandom().nextLong());
        Random random = new Random(masterSeed);
        Path folder = temp.resolve("data");
        Map<Cell, BigDecimal> answers = new HashMap<>(); // the whole answer table as last verified
        Map<String, Snapshot> snapshots = new HashMap<>(); // submission id -> snapshot, as last verified
        long started = System.nanoTime();
        long waitedForWorkers = 0;
        long verifying = 0;
        int saves = 0;
        int certifications = 0;
        long prepared = System.nanoTime();
        Launch launch = Launch.ofTestClassPath().withOptions(definitionCache(temp)).withClassDataSharing(
                temp.resolve("cds"), CrashWorker.class, START_TIMEOUT, training -> {
                    training.awaitLine("WARM", START_TIMEOUT);
                    training.closeInput(); // no GO: it exits, and the JVM writes the archive
                }, temp.resolve("training").toString(), "0", temp.resolve("training-warm-up").toString());
        long preparing = System.nanoTime() - prepared;
        Deque<Worker> ahead = new ArrayDeque<>();
        try {
            for (int kill = 1; kill <= Math.min(AHEAD, KILLS); kill++) {
                ahead.add(start(kill, random, masterSeed, folder, temp, launch));
            }
            for (int kill = 1; kill <= KILLS; kill++) {
                Worker worker = ahead.remove();
                List<String> lines;
                try (ChildJvm child = worker.child()) {
                    long t0 = System.nanoTime();
                    awaitLine(worker, "WARM");
                    waitedForWorkers += System.nanoTime() - t0;
                    child.send("GO");
                    awaitLine(worker, "READY");
                    if (kill + AHEAD <= KILLS) { // it warms up while this one works and the folder is checked
                        ahead.add(start(kill + AHEAD, random, masterSeed, folder, temp, launch));
                    }
                    lines = runAndKill(worker);
                }
                long t1 = System.nanoTime();
                Expectation expected = expect(answers, lines, worker.where());
                saves += (int) lines.stream().filter(l -> l.startsWith("SAVED ")).count();
                certifications += expected.certified.size();
                verify(folder, expected, answers, snapshots, worker.where());
                verifying += System.nanoTime() - t1;
                Files.deleteIfExists(worker.stderr());
            }
        } finally {
            ahead.forEach(w -> w.child().close());
        }
        long took = System.nanoTime() - started;
        System.out.printf("CrashTest: %d kills in %.1f s (%d ms a kill; of which preparing %.1f s, waiting for workers"
                        + " to warm up %.1f s, checking the store %.1f s; class-data sharing %s); %d returned saves,"
                        + " %d certifications; at the kill: %s; -Dcrash.seed=%d%n", KILLS, took / 1e9,
                took / 1_000_000 / Math.max(1, KILLS), preparing / 1e9, waitedForWorkers / 1e9, verifying / 1e9,
                launch.jvmOptions().stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")) ? "on" : "off",
                saves, certifications, outcomes, masterSeed);
        assertTrue(KILLS == 0 || saves > 0, "the workers saved nothing");
    }

    /** Starts the worker of one kill: it warms up on a scratch folder, then waits for GO. */
    private static Worker start(int kill, Random random, long masterSeed, Path folder, Path temp,
            Launch launch) throws IOException {
        long seed = random.nextLong();
        int k = 1 + random.nextInt(MAX_LINES);
        String aim = switch (random.nextInt(6)) {
            case 0 -> "CERTIFYING";
            case 1 -> "AMENDING";
            default -> null;
        };
        String where = "kill " + kill + " of " + KILLS + " (worker seed " + seed + ", K " + k
                + (aim == null ? "" : " then the next " + aim)
                + ", -Dcrash.seed=" + masterSeed + ")";
        Path stderr = temp.resolve("worker-" + kill + ".stderr");
        ChildJvm child = launch.start(CrashWorker.class, stderr, folder.toString(), Long.toString(seed),
                temp.resolve("warm-up-" + kill).toString());
        return new Worker(kill, seed, k, aim, child, stderr, where);
    }

    /**
     * Writes the definition's records for the workers, so that each skips reading and checking the
     * shipped document (a second of CPU each). Used only if it reads back equal.
     */
    private static List<String> definitionCache(Path temp) throws IOException {
        Path file = temp.resolve("definition.json");
        CrashWorker.JSON.writeValue(file.toFile(), DEFINITION);
        if (!CrashWorker.JSON.readValue(file.toFile(), Definition.class).equals(DEFINITION)) {
            return List.of();
        }
        return List.of("-D" + CrashWorker.DEFINITION_CACHE + "=" + file.toAbsolutePath());
    }

    private static void awaitLine(Worker worker, String line) throws Exception {
        try {
            List<String> before = worker.child().awaitLine(line, START_TIMEOUT);
            if (before.stream().anyMatch(CrashTest::isReport)) {
                throw new AssertionError(worker.where() + ": the worker reported " + before + " before " + line);
            }
        } catch (IllegalStateException e) {
            throw new AssertionError(worker.where() + ": the worker did not start: " + e.getMessage(), e);
        }
    }

    /** Lets a started worker print k report lines, kills it; all it printed after READY. */
    private static List<String> runAndKill(Worker worker) throws Exception {
        List<String> lines = new ArrayList<>();
        ChildJvm child = worker.child();
        String aim = worker.aim();
        for (int seen = 0; seen < worker.k() || aim != null; ) {
            String line = child.nextLine(LINE_TIMEOUT);
            if (line == null) {
                throw new AssertionError(worker.where() + ": the worker ended by itself after " + lines
                        + "\nstderr:\n" + child.stderrTail(60));
            }
            lines.add(line);
            if (isReport(line)) {
                seen++;
                if (seen >= worker.k() && aim != null && line.startsWith(aim + " ")) {
                    aim = null;
                }
            }
        }
        int status = child.kill(Duration.ofSeconds(30));
        lines.addAll(child.remainingLines(LINE_TIMEOUT));
        if (status != ChildJvm.SIGKILL_EXIT) {
            throw new AssertionError(worker.where() + ": the worker was not ended by SIGKILL (exit status "
                    + status + ")\nstderr:\n" + child.stderrTail(60));
        }
        return lines;
    }

    private static boolean isReport(String line) {
        return line.matches("(SAVING|SAVED|CERTIFYING|CERTIFIED|AMENDING|AMENDED) .*");
    }

    /**
     * Plays the worker's reports on the last verified answers. Every call that returned is
     * applied; the call whose start was reported but not its return (at most one: the worker
     * has one thread) gives the second outcome.
     */
    private Expectation expect(Map<Cell, BigDecimal> verified, List<String> lines, String where) {
        Map<Cell, BigDecimal> model = new HashMap<>(verified);
        String open = null;
        Certified certifying = null;
        List<Certified> certified = new ArrayList<>();
        for (String line : lines) {
            if (!isReport(line)) {
                continue; // a log line
            }
            String[] f = line.split(" ");
            String rest = line.substring(f[0].length() + 1);
            switch (f[0]) {
                case "SAVING", "CERTIFYING", "AMENDING" -> {
                    if (open != null) {
                        throw new AssertionError(where + ": the worker started " + line + " while " + open
                                + " had not returned");
                    }
                    open = line;
                    if (f[0].equals("CERTIFYING")) {
                        certifying = new Certified(f[1], Integer.parseInt(f[2]), f[3], f[4]);
                    }
                }
                case "SAVED", "CERTIFIED" -> {
                    String start = f[0].equals("SAVED") ? "SAVING " : "CERTIFYING ";
                    if (!(start + rest).equals(open)) {
                        throw new AssertionError(where + ": the worker reported " + line + " after " + open);
                    }
                    open = null;
                    if (f[0].equals("SAVED")) {
                        model.put(new Cell(f[1], Integer.parseInt(f[2]), f[3]), number(f[4]));
                    } else {
                        certified.add(certifying);
                        certifying = null;
                    }
                }
                case "AMENDED" -> {
                    int next = Integer.parseInt(f[2]);
                    if (!("AMENDING " + f[1] + " " + (next - 1)).equals(open)) {
                        throw new AssertionError(where + ": the worker reported " + line + " after " + open);
                    }
                    open = null;
                    copyRevision(model, f[1], next - 1);
                }
                default -> throw new IllegalStateException(line);
            }
        }
        Map<Cell, BigDecimal> with = model;
        if (open != null && open.startsWith("SAVING ")) {
            String[] f = open.split(" ");
            with = new HashMap<>(model);
            with.put(new Cell(f[1], Integer.parseInt(f[2]), f[3]), number(f[4]));
        } else if (open != null && open.startsWith("AMENDING ")) {
            String[] f = open.split(" ");
            with = new HashMap<>(model);
            copyRevision(with, f[1], Integer.parseInt(f[2]));
        }
        Expectation e = new Expectation(model, with);
        e.certified.addAll(certified);
        e.inFlight = open;
        e.certifying = open != null && open.startsWith("CERTIFYING ") ? certifying : null;
        return e;
    }

    /** Amending copies every answer of a revision into the next one. */
    private static void copyRevision(Map<Cell, BigDecimal> answers, String domain, int revision) {
        Map<Cell, BigDecimal> copies = new HashMap<>();
        answers.forEach((cell, value) -> {
            if (cell.domain().equals(domain) && cell.revision() == revision) {
                copies.put(new Cell(domain, revision + 1, cell.item()), value);
            }
        });
        answers.putAll(copies);
    }

    private void verify(Path folder, Expectation expected, Map<Cell, BigDecimal> answers,
            Map<String, Snapshot> snapshots, String where) throws Exception {
        Store store;
        try {
            store = Store.open(folder, Clock.systemUTC(), Map.of(DEFINITION.key(), DEFINITION));
        } catch (StoreException e) {
            throw new AssertionError(where + ": the store does not open after the kill: " + e.getMessage(), e);
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        try (store; Connection c = DriverManager.getConnection(
                "jdbc:sqlite:" + folder.resolve(Store.FILE).toAbsolutePath(), readOnly.toProperties())) {
            checkIntegrity(c, where);
            Map<Cell, BigDecimal> stored = checkAnswers(c, expected, where);
            Map<String, Snapshot> storedSnapshots = checkSnapshots(c, stored, expected, snapshots, where);
            checkRevisions(c, where);
            checkRepositoryReadsTheSame(store, stored, where);
            answers.clear();
            answers.putAll(stored);
            snapshots.clear();
            snapshots.putAll(storedSnapshots);
        }
    }

    private static void checkIntegrity(Connection c, String where) throws SQLException {
        List<String> integrity = strings(c, "PRAGMA integrity_check");
        if (!integrity.equals(List.of("ok"))) {
            throw new AssertionError(where + ": PRAGMA integrity_check says " + integrity);
        }
        List<String> foreignKeys = strings(c, "PRAGMA foreign_key_check");
        if (!foreignKeys.isEmpty()) {
            throw new AssertionError(where + ": PRAGMA foreign_key_check finds " + foreignKeys);
        }
    }

    /** The stored answers equal the model with or without the call in flight; their audit agrees. */
    private Map<Cell, BigDecimal> checkAnswers(Connection c, Expectation expected, String where) throws SQLException {
        Map<Cell, BigDecimal> stored = new HashMap<>();
        Map<Long, Cell> revisionOf = new HashMap<>();
        Map<Cell, String> text = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT r.id, r.lao_code, r.fiscal_year, r.domain, r.revision, a.item, a.value
                FROM answer a JOIN domain_revision r ON r.id = a.revision_id""")) {
            while (r.next()) {
                if (!CrashWorker.LAO.equals(r.getString(2)) || r.getInt(3) != CrashWorker.FISCAL_YEAR) {
                    throw new AssertionError(where + ": an answer for " + r.getString(2) + "/" + r.getInt(3));
                }
                Cell cell = new Cell(r.getString(4), r.getInt(5), r.getString(6));
                stored.put(cell, storedNumber(r.getString(7), where + ": " + cell));
                text.put(cell, r.getString(7));
                revisionOf.put(r.getLong(1), new Cell(cell.domain(), cell.revision(), "*"));
            }
        }
        boolean committed;
        if (stored.equals(expected.without)) {
            committed = false;
        } else if (stored.equals(expected.with)) {
            committed = true;
        } else {
            throw new AssertionError(where + ": the stored answers are not what the worker's returned saves left"
                    + (expected.inFlight == null ? "" : " (with or without " + expected.inFlight + ")")
                    + ":\n" + diff(expected.without, stored) + history(c, expected.with, stored));
        }
        if (expected.inFlight == null) {
            outcomes.merge("between calls", 1, Integer::sum);
        } else if (expected.certifying == null) { // a certification is counted by checkSnapshots
            String call = expected.inFlight.split(" ")[0].toLowerCase();
            String result = expected.with.equals(expected.without) ? "no change" : committed ? "committed" : "rolled back";
            outcomes.merge(call + " (" + result + ")", 1, Integer::sum);
        }
        // Each save writes its answer and its audit entry in one transaction: the newest entry for an
        // item of a revision holds the stored value. An answer with no entry was copied by amending.
        Map<Cell, String> lastAudit = new HashMap<>();
        Set<Cell> amended = new TreeSet<>();
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT revision_id, item, new_value FROM audit_log ORDER BY id")) {
            while (r.next()) {
                Cell revision = revisionOf.get(r.getLong(1));
                if (revision == null) {
                    continue; // a revision whose answers are all gone (not done by the worker)
                }
                if (r.getString(2).equals("*")) {
                    amended.add(revision);
                } else {
                    lastAudit.put(new Cell(revision.domain(), revision.revision(), r.getString(2)), r.getString(3));
                }
            }
        }
        for (Map.Entry<Cell, String> answer : text.entrySet()) {
            Cell cell = answer.getKey();
            String audited = lastAudit.get(cell);
            if (audited == null && !amended.contains(new Cell(cell.domain(), cell.revision(), "*"))) {
                throw new AssertionError(where + ": " + cell + " = " + answer.getValue() + " has no audit entry");
            }
            if (audited != null && !audited.equals(answer.getValue())) {
                throw new AssertionError(where + ": " + cell + " = " + answer.getValue()
                        + " but its last audit entry says " + audited);
            }
        }
        return stored;
    }

    /**
     * Every snapshot is whole: the SHA-256 of its payload is its digest, it has its signature and
     * one outbox item, and its revision is frozen; a new one holds its revision's values (an old
     * one was checked when new, and its digest says its payload is the same). Every
     * certification reported, and every snapshot seen before, is there unchanged.
     */
    private Map<String, Snapshot> checkSnapshots(Connection c, Map<Cell, BigDecimal> stored, Expectation expected,
            Map<String, Snapshot> before, String where) throws SQLException, IOException {
        Map<String, Snapshot> found = new HashMap<>();
        Map<Cell, Map<Cell, BigDecimal>> byRevision = new HashMap<>(); // (domain, revision, "*") -> its answers
        stored.forEach((cell, v) -> byRevision.computeIfAbsent(new Cell(cell.domain(), cell.revision(), "*"),
                r -> new HashMap<>()).put(cell, v));
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("""
                SELECT r.domain, r.revision, r.state, s.submission_id, s.payload, s.digest, length(s.signature),
                       (SELECT count(*) FROM outbox_item o WHERE o.submission_id = s.submission_id)
                FROM certified_snapshot s JOIN domain_revision r ON r.id = s.revision_id""")) {
            while (r.next()) {
                String domain = r.getString(1);
                int revision = r.getInt(2);
                String state = r.getString(3);
                String id = r.getString(4);
                byte[] payload = r.getBytes(5);
                String digest = r.getString(6);
                String what = where + ": the snapshot " + id + " of " + domain + " r" + revision;
                if (!CrashWorker.sha256(payload).equals(digest)) {
                    throw new AssertionError(what + " is partial: the SHA-256 of its " + payload.length
                            + "-byte payload is not its digest " + digest);
                }
                if (r.getInt(7) != 64) {
                    throw new AssertionError(what + " has a " + r.getInt(7) + "-byte signature, not 64");
                }
                if (r.getInt(8) != 1) {
                    throw new AssertionError(what + " has " + r.getInt(8) + " outbox items, not 1");
                }
                if (EDITABLE.contains(state)) {
                    throw new AssertionError(what + " is stored but its revision is still " + state);
                }
                Snapshot snapshot = new Snapshot(domain, revision, digest);
                if (!snapshot.equals(before.get(id))) { // new: is it the revision's values? (an old one was checked)
                    JsonNode json = JSON.readTree(payload);
                    Map<Cell, BigDecimal> inPayload = new HashMap<>();
                    json.get("values").properties().forEach(
                            e -> inPayload.put(new Cell(domain, revision, e.getKey()), number(e.getValue().asText())));
                    Map<Cell, BigDecimal> frozen = byRevision.getOrDefault(new Cell(domain, revision, "*"), Map.of());
                    if (!json.get("domain").asText().equals(domain) || json.get("revision").asInt() != revision
                            || !inPayload.equals(frozen)) {
                        throw new AssertionError(what + " does not hold its revision's values:\n"
                                + diff(inPayload, frozen));
                    }
                }
                found.put(id, snapshot);
            }
        }
        for (Map.Entry<String, Snapshot> old : before.entrySet()) {
            Snapshot now = found.get(old.getKey());
            if (now == null || !now.digest().equals(old.getValue().digest()) || !now.domain().equals(old.getValue().domain())
                    || now.revision() != old.getValue().revision()) {
                throw new AssertionError(where + ": the snapshot " + old.getKey() + " seen after an earlier kill ("
                        + old.getValue() + ") is now " + now);
            }
        }
        for (Certified cert : expected.certified) {
            checkReported(cert, found.get(cert.submissionId()), where);
        }
        if (expected.certifying != null) {
            Snapshot s = found.get(expected.certifying.submissionId());
            if (s != null) {
                checkReported(expected.certifying, s, where);
            }
            outcomes.merge("certifying (" + (s == null ? "rolled back" : "committed") + ")", 1, Integer::sum);
        }
        List<String> orphans = strings(c, """
                SELECT submission_id FROM outbox_item o
                WHERE NOT EXISTS (SELECT 1 FROM certified_snapshot s WHERE s.submission_id = o.submission_id)""");
        if (!orphans.isEmpty()) {
            throw new AssertionError(where + ": outbox items without a snapshot: " + orphans);
        }
        List<String> frozenWithout = strings(c, """
                SELECT domain || ' r' || revision || ' ' || state FROM domain_revision r
                WHERE state NOT IN ('NOT_STARTED', 'DRAFT', 'READY')
                  AND NOT EXISTS (SELECT 1 FROM certified_snapshot s WHERE s.revision_id = r.id)""");
        if (!frozenWithout.isEmpty()) {
            throw new AssertionError(where + ": revisions certified without a snapshot: " + frozenWithout);
        }
        return found;
    }

    private static void checkReported(Certified cert, Snapshot stored, String where) {
        if (stored == null || !stored.digest().equals(cert.digest()) || !stored.domain().equals(cert.domain())
                || stored.revision() != cert.revision()) {
            throw new AssertionError(where + ": the worker certified " + cert + " but the store holds " + stored);
        }
    }

    /** Each domain's revisions are 1..n; all but the newest are certified (frozen). */
    private static void checkRevisions(Connection c, String where) throws SQLException {
        Map<String, List<String>> byDomain = new TreeMap<>();
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(
                "SELECT domain, revision, state FROM domain_revision ORDER BY domain, revision")) {
            while (r.next()) {
                List<String> states = byDomain.computeIfAbsent(r.getString(1), d -> new ArrayList<>());
                if (r.getInt(2) != states.size() + 1) {
                    throw new AssertionError(where + ": " + r.getString(1) + " has revision " + r.getInt(2)
                            + " after " + states.size());
                }
                states.add(r.getString(3));
            }
        }
        byDomain.forEach((domain, states) -> {
            for (int i = 0; i < states.size() - 1; i++) {
                if (EDITABLE.contains(states.get(i))) {
                    throw new AssertionError(where + ": " + domain + " r" + (i + 1) + " is " + states.get(i)
                            + " although revision " + states.size() + " exists");
                }
            }
        });
    }

    /** What the repository reads for each domain's current revision is what the tables hold. */
    private static void checkRepositoryReadsTheSame(Store store, Map<Cell, BigDecimal> stored, String where)
            throws StoreException {
        SqliteAnswerRepository repository = new SqliteAnswerRepository(store, DEFINITION.key());
        for (String domain : CrashWorker.DOMAINS) {
            DomainRecord current = repository.current(new DomainKey(CrashWorker.LAO, CrashWorker.FISCAL_YEAR, domain));
            Map<Cell, BigDecimal> read = new HashMap<>();
            current.values().forEach((item, v) -> read.put(new Cell(domain, current.revision(), item),
                    Values.normalise((BigDecimal) v)));
            Map<Cell, BigDecimal> table = new HashMap<>();
            stored.forEach((cell, v) -> {
                if (cell.domain().equals(domain) && cell.revision() == current.revision()) {
                    table.put(cell, v);
                }
            });
            if (!read.equals(table)) {
                throw new AssertionError(where + ": the repository reads " + domain + " r" + current.revision()
                        + " differently from the table:\n" + diff(table, read));
            }
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(r.getString(i));
                }
                out.add(row.toString());
            }
        }
        return out;
    }

    /** A reported number (plain decimal text) in one form. */
    private static BigDecimal number(String text) {
        return Values.normalise(new BigDecimal(text));
    }

    /** A stored value (its JSON: a number, or a string holding one) in the same form. */
    private static BigDecimal storedNumber(String json, String where) {
        try {
            JsonNode node = JSON.readTree(json);
            return node.isTextual() ? number(node.textValue()) : Values.normalise(node.decimalValue());
        } catch (IOException | NumberFormatException e) {
            throw new AssertionError(where + " holds " + json + ", not a number", e);
        }
    }

    /** The first differences between what was expected and what is stored, one a line. */
    /** For a failure: each differing cell's audit history and its revision's life, from the database itself. */
    private static String history(Connection c, Map<Cell, BigDecimal> expected, Map<Cell, BigDecimal> stored) {
        StringBuilder out = new StringBuilder("\nhistory of the differing cells:");
        Set<Cell> cells = new TreeSet<>(expected.keySet());
        cells.addAll(stored.keySet());
        for (Cell cell : cells) {
            if (java.util.Objects.equals(expected.get(cell), stored.get(cell))) {
                continue;
            }
            out.append("\n  ").append(cell);
            try (PreparedStatement p = c.prepareStatement("""
                    SELECT r.id, r.state, r.created_at, r.updated_at, a.id, a.at, a.item, a.old_value, a.new_value
                    FROM domain_revision r LEFT JOIN audit_log a ON a.revision_id = r.id AND (a.item = ? OR a.item = '*')
                    WHERE r.lao_code = ? AND r.fiscal_year = ? AND r.domain = ? AND r.revision = ? ORDER BY a.id""")) {
                p.setString(1, cell.item());
                p.setString(2, CrashWorker.LAO);
                p.setInt(3, CrashWorker.FISCAL_YEAR);
                p.setString(4, cell.domain());
                p.setInt(5, cell.revision());
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        out.append("\n    revision id ").append(r.getLong(1)).append(' ').append(r.getString(2))
                                .append(" created ").append(r.getString(3)).append(" | audit ").append(r.getLong(5))
                                .append(' ').append(r.getString(6)).append(' ').append(r.getString(7)).append(": ")
                                .append(r.getString(8)).append(" -> ").append(r.getString(9));
                    }
                }
            } catch (java.sql.SQLException e) {
                out.append(" (").append(e.getMessage()).append(')');
            }
        }
        return out.toString();
    }

    private static String diff(Map<Cell, BigDecimal> expected, Map<Cell, BigDecimal> actual) {
        Set<Cell> cells = new TreeSet<>(expected.keySet());
        cells.addAll(actual.keySet());
        List<String> lines = new ArrayList<>();
        for (Iterator<Cell> it = cells.iterator(); it.hasNext() && lines.size() < 25; ) {
            Cell cell = it.next();
            BigDecimal e = expected.get(cell);
            BigDecimal a = actual.get(cell);
            if (!Objects.equals(e, a)) {
                lines.add("  " + cell + ": expected " + (e == null ? "nothing" : e.toPlainString()) + ", stored "
                        + (a == null ? "nothing" : a.toPlainString()));
            }
        }
        return String.join("\n", lines);
    }
}
