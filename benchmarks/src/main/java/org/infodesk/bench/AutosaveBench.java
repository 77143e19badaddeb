package org.infodesk.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.Edit;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * Issue 3, acceptance 2: the latency of one autosave (one field changed, saved through
 * {@link SqliteAnswerRepository#save} on the real {@link Store}: WAL, {@code synchronous=FULL})
 * beside a bare SQLite single-row INSERT + COMMIT on a second file opened with the same
 * settings, in the same run. Not JMH: the acceptance asks for percentiles over exactly 10,000
 * saves, so every call is timed with {@link System#nanoTime()}.
 *
 * <p>The bare file is opened by {@link Store#connect}, the store's own connection factory, and
 * each bare insert is its own transaction, committed the way {@code Store.write} commits; the
 * settings SQLite reports for both connections are printed and compared.
 *
 * <p>After {@value #WARMUP} untimed rounds, {@value #MEASURED} rounds each time one autosave and
 * one bare insert, interleaved (the one that goes first alternates), so both see the same disk
 * and machine conditions. Percentiles are nearest-rank.
 *
 * <p>Run with {@code ./bench autosave [folder]}: the files go into a fresh folder inside
 * {@code folder} (default: {@code java.io.tmpdir}), which is deleted afterwards. Exit code 0
 * whether or not the target is met; the verdict is printed.
 */
public final class AutosaveBench {

    static final int WARMUP = 1_000;
    static final int MEASURED = 10_000;
    static final double TARGET_P99_MS = 10.0;
    static final double TARGET_RATIO = 3.0;

    private static final String USER = "bench";
    private static final String LAO = "6401101";
    private static final int FISCAL_YEAR = 2564;
    private static final int ITEMS_PER_DOMAIN = 3;

    private AutosaveBench() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 1 || (args.length == 1 && args[0].startsWith("-"))) {
            System.err.println("usage: AutosaveBench [folder]   (default: java.io.tmpdir)");
            System.exit(2);
        }
        Path parent = (args.length == 1 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir")))
                .toAbsolutePath();
        Files.createDirectories(parent);
        Path root = Files.createTempDirectory(parent, "infodesk-autosave-");
        try {
            run(root);
        } finally {
            deleteTree(root);
        }
    }

    private static void run(Path root) throws Exception {
        Definition definition = Questionnaire.fy2564().definition();
        List<Target> targets = targets(definition);
        Path storeFolder = root.resolve("store");
        Path bareDb = root.resolve("bare.db");

        FileStore fs = Files.getFileStore(root);
        System.out.println("Autosave benchmark (issue 3, acceptance 2)");
        System.out.printf(Locale.ROOT, "JVM     %s %s (max heap %d MiB)%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf(Locale.ROOT, "OS      %s %s %s, %d CPUs, load average %.2f at start%n",
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "folder  %s (file system %s, %s)%n", root, fs.type(), fs.name());
        System.out.printf(Locale.ROOT, "saves   %d warm-up + %d measured, over %d integer items: %s%n",
                WARMUP, MEASURED, targets.size(), targets);

        try (Store store = Store.open(storeFolder, Clock.systemUTC(), Map.of(definition.key(), definition));
                Connection bare = productionConnection(bareDb)) {
            SqliteAnswerRepository repository = new SqliteAnswerRepository(store, definition.key());

            String storeSettings = store.read(AutosaveBench::settings);
            String bareSettings = settings(bare);
            System.out.printf(Locale.ROOT, "sqlite  %s; store: %s; bare: %s%n", sqliteVersion(bare), storeSettings,
                    bareSettings);
            if (!storeSettings.equals(bareSettings)) {
                throw new IllegalStateException("the bare connection is not configured like the store's");
            }

            try (Statement s = bare.createStatement()) {
                s.execute("CREATE TABLE bare (id INTEGER PRIMARY KEY, value TEXT NOT NULL)");
            }
            bare.commit();

            try (PreparedStatement insert = bare.prepareStatement("INSERT INTO bare (value) VALUES (?)")) {
                Round round = new Round(repository, targets, insert, bare);
                for (int i = 0; i < WARMUP; i++) {
                    round.run(i);
                }
                long[] saves = new long[MEASURED];
                long[] inserts = new long[MEASURED];
                long gcCount = gcCount();
                long gcMillis = gcMillis();
                long started = System.nanoTime();
                for (int i = 0; i < MEASURED; i++) {
                    round.run(WARMUP + i);
                    saves[i] = round.saveNanos;
                    inserts[i] = round.insertNanos;
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                long gcs = gcCount() - gcCount;
                long gcTime = gcMillis() - gcMillis;

                verify(repository, targets, WARMUP + MEASURED);

                Stats autosave = Stats.of("autosave (SqliteAnswerRepository.save)", saves);
                Stats baseline = Stats.of("bare INSERT + COMMIT", inserts);
                System.out.println();
                System.out.printf(Locale.ROOT, "%-40s %7s %9s %9s %9s %9s%n", "ms", "count", "p50", "p90", "p99", "max");
                autosave.print();
                baseline.print();
                double ratio = autosave.p99 / baseline.p99;
                System.out.printf(Locale.ROOT, "%nratio p99(autosave) / p99(bare) = %.2f%n", ratio);
                boolean met = autosave.p99 <= TARGET_P99_MS && ratio <= TARGET_RATIO;
                System.out.printf(Locale.ROOT,
                        "target p99 <= %.0f ms and <= %.0fx bare: %s (p99 %.3f ms, ratio %.2f)%n",
                        TARGET_P99_MS, TARGET_RATIO, met ? "MET" : "NOT MET", autosave.p99, ratio);
                System.out.printf(Locale.ROOT,
                        "measured phase %.1f s; %d GC(s), %d ms; load average %.2f at end%n",
                        seconds, gcs, gcTime, loadAverage());
            }
        }
    }

    /** One round: one autosave and one bare insert, each timed; which goes first alternates. */
    private static final class Round {
        private final SqliteAnswerRepository repository;
        private final List<Target> targets;
        private final PreparedStatement insert;
        private final Connection bare;
        long saveNanos;
        long insertNanos;

        Round(SqliteAnswerRepository repository, List<Target> targets, PreparedStatement insert, Connection bare) {
            this.repository = repository;
            this.targets = targets;
            this.insert = insert;
            this.bare = bare;
        }

        void run(int i) throws Exception {
            if (i % 2 == 0) {
                save(i);
                insert(i);
            } else {
                insert(i);
                save(i);
            }
        }

        private void save(int i) throws Exception {
            Target t = targets.get(i % targets.size());
            // Each item's value grows with every save of it, so every save changes a value.
            Edit edit = new Edit(t.key, t.item, valueOf(i, targets.size()), USER);
            long t0 = System.nanoTime();
            repository.save(edit);
            saveNanos = System.nanoTime() - t0;
        }

        private void insert(int i) throws SQLException {
            String value = valueOf(i, targets.size()).toPlainString();
            long t0 = System.nanoTime();
            // a transaction as the store makes one: the insert, then commit
            insert.setString(1, value);
            insert.executeUpdate();
            bare.commit();
            insertNanos = System.nanoTime() - t0;
        }
    }

    private static BigDecimal valueOf(int round, int items) {
        return BigDecimal.valueOf(round / items + 1L);
    }

    /** One integer item of one domain. */
    private record Target(DomainKey key, String item) {
        @Override
        public String toString() {
            return key.domain() + "." + item;
        }
    }

    /** The first few top-level integer items of the first two domains that have them. */
    private static List<Target> targets(Definition definition) {
        List<Target> targets = new ArrayList<>();
        int domains = 0;
        for (Domain domain : definition.domains().stream().sorted(Comparator.comparingInt(Domain::order)).toList()) {
            List<Item> integers = domain.items().stream().filter(it -> it.type() == ItemType.INTEGER)
                    .limit(ITEMS_PER_DOMAIN).toList();
            if (integers.isEmpty()) {
                continue;
            }
            DomainKey key = new DomainKey(LAO, FISCAL_YEAR, domain.id());
            integers.forEach(it -> targets.add(new Target(key, it.id())));
            if (++domains == 2) {
                break;
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalStateException(definition.key() + " has no integer items");
        }
        return targets;
    }

    /** Every save must have changed a value (one audit entry each) and the last values must read back. */
    private static void verify(SqliteAnswerRepository repository, List<Target> targets, int rounds) throws Exception {
        int audited = 0;
        for (DomainKey key : targets.stream().map(Target::key).distinct().toList()) {
            audited += repository.audit(key).size();
            Map<String, Object> values = repository.current(key).values();
            for (int k = 0; k < targets.size(); k++) {
                Target t = targets.get(k);
                if (!t.key.equals(key)) {
                    continue;
                }
                int last = rounds - 1 - Math.floorMod(rounds - 1 - k, targets.size());
                BigDecimal expected = valueOf(last, targets.size());
                Object stored = values.get(t.item);
                if (!(stored instanceof BigDecimal b) || b.compareTo(expected) != 0) {
                    throw new IllegalStateException(t + " reads back " + stored + ", expected " + expected);
                }
            }
        }
        if (audited != rounds) {
            throw new IllegalStateException(audited + " audit entries for " + rounds + " saves");
        }
    }

    /** A connection configured exactly like the store's: the store's own method makes it. */
    private static Connection productionConnection(Path db) throws SQLException {
        return Store.connect(db);
    }

    /** The settings that decide a commit's cost, as SQLite reports them. */
    private static String settings(Connection c) throws SQLException {
        return "journal_mode=" + pragma(c, "journal_mode") + " synchronous=" + pragma(c, "synchronous")
                + " foreign_keys=" + pragma(c, "foreign_keys") + " busy_timeout=" + pragma(c, "busy_timeout")
                + " autocommit=" + c.getAutoCommit();
    }

    private static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            return r.next() ? r.getString(1) : "?";
        }
    }

    private static String sqliteVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT sqlite_version()")) {
            r.next();
            return "SQLite " + r.getString(1);
        }
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(n -> n > 0).sum();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).filter(n -> n > 0).sum();
    }

    /** Nearest-rank percentiles of a sample, in milliseconds. */
    private record Stats(String name, int count, double p50, double p90, double p99, double max) {
        static Stats of(String name, long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Stats(name, sorted.length, rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                    sorted[sorted.length - 1] / 1e6);
        }

        private static double rank(long[] sorted, double q) {
            int index = (int) Math.ceil(q * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        void print() {
            System.out.printf(Locale.ROOT, "%-40s %7d %9.3f %9.3f %9.3f %9.3f%n", name, count, p50, p90, p99, max);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
