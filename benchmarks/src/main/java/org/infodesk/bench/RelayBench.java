package org.infodesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.sql.DataSource;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.relay.DistrictRelay;
import org.infodesk.app.relay.LaoRelay;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteCertificationRepository;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqliteRelayRepository;
import org.infodesk.app.storage.SqliteUserRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.EnrolmentService;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.app.users.NewUser;
import org.infodesk.app.users.PasswordHasher;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.bundle.BundleLimits;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;

/**
 * Issue 8, acceptance 3: a district office imports and verifies 1,000 bundles in at most 10 s and
 * pushes them to the server in at most 30 s over loopback. Everything is the app's and the
 * server's own code on real files; only the people are left out.
 *
 * <p><b>Shape.</b> LAO codes are T PP AA NN, so one district holds at most 99 LAOs of a type: of
 * the types found outside a province's capital district (5, sub-district municipality; 6, SAO)
 * at most 198. The default is 125 LAOs of the district วังทอง (65 08) of พิษณุโลก, 5650801 to
 * 5650899 and 6650801 to 6650826, each exporting <b>8 bundles of one certified domain each</b>,
 * as an LAO does that carries each domain to the district when it is certified: <b>1,000
 * bundles holding 1,000 envelopes</b>. (1,000 bundles of 8 envelopes would need 1,000 LAOs in one
 * district, which their codes cannot name; the registry would hold no such district.) With
 * {@code --cumulative} each bundle carries every submission of its LAO still waiting, as
 * {@link LaoRelay#export} does by default while no receipts have come back: an LAO's k-th bundle
 * holds k envelopes, <b>4,500 envelopes in the 1,000 files</b>, every one read and verified, 1,000
 * of them new to the district (the others found held already, by id and digest).
 *
 * <p><b>Set-up, not timed.</b> Each LAO has its own SQLite store in its own folder (the app's
 * {@link Store}, migrations included) with its device key ({@link DeviceKeys}), an administrator
 * and a certifier (Argon2id with small parameters: hashing is not what is measured). For each
 * of the 8 domains of the FY 2564 questionnaire the complete sample answers are entered as a
 * draft, certified by the certifier through {@link CertificationService} (signed with the device
 * key, put in the outbox), and exported at once by {@link LaoRelay#export} to a bundle holding
 * that submission only, each read back with the district's checks as the app does. The LAOs are
 * built in parallel, one thread a core. The bundles are made once and serve every run.
 *
 * <p><b>Each run</b> (repeated {@code --runs N} times, each with a fresh server database and a
 * fresh district store): the real server ({@link InfoDeskServer}, HTTP on 127.0.0.1, embedded
 * PostgreSQL in a new folder) is started; the registry of the district's LAOs is checked by
 * {@link RegistryCsv} (no warnings allowed) and imported; each LAO's device key is pinned by the
 * server's enrolment (a code issued and redeemed, as its route does); the district office's new
 * store enrols its device over HTTP ({@link EnrolmentService}, for the district). Then, timed:
 * <ol>
 *   <li><b>import</b>: {@link DistrictRelay#importFolder} of the folder of 1,000 bundle files into
 *       the district's SQLite store on disk (each file read with its limits, every envelope read
 *       against the definition and its signature verified with the manifest's key, each bundle kept
 *       in one transaction); every file must be imported with its envelope added;</li>
 *   <li><b>push</b>: {@link DistrictRelay#push} through the app's {@link OutboxSender} and
 *       {@link ServerLink} (OkHttp) to the server with the district device's token, called again
 *       after a wait round once its delay has passed (as the relay screen does), until nothing
 *       waits; the server verifies every envelope with the LAO device's pinned key, the sender
 *       every receipt with the pinned server key before marking its item delivered;</li>
 *   <li><b>receipts</b>: {@link DistrictRelay#exportReceipts}, one receipts bundle per LAO.</li>
 * </ol>
 * Afterwards, not timed: the database must hold each submission exactly once (rows, distinct ids,
 * receipts, each recorded as relayed by the district device), and every receipt in the receipts
 * bundles must verify with the server key and confirm its submission's id and digest. Any failure
 * fails the run (exit code 1). Each run's figures are printed, then the medians. Beside each wall
 * time the CPU it took is printed (the import's thread; for the push, this JVM with the server in
 * it, PostgreSQL's processes not), so that a run slowed by other processes on the machine shows
 * as wall time well above CPU time.
 *
 * <p>Run with {@code ./bench relay [--runs N] [--laos N] [--folder DIR] [--keep]}.
 */
public final class RelayBench {

    static final Questionnaire QUESTIONNAIRE = Questionnaire.fy2564();
    static final Definition DEFINITION = QUESTIONNAIRE.definition();
    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(DEFINITION));
    static final Bundles BUNDLES = new Bundles(BundleLimits.DEFAULT);
    static final Answers SAMPLE = Fy2564Fixtures.complete(DEFINITION);
    static final String PROVINCE = "พิษณุโลก";
    static final String DISTRICT_NAME = "วังทอง";
    /** PP AA of the district. */
    static final String DISTRICT = "6508";
    static final String PASSWORD = "มะม่วงสุกหวาน2564";
    static final double TARGET_IMPORT_SECONDS = 10;
    static final double TARGET_PUSH_SECONDS = 30;
    /** Wait rounds a push may take before the run counts as failed (the server should not ask for any). */
    static final int MOST_WAITS = 10;

    private RelayBench() {}

    /** The command line. */
    record Options(int laos, int runs, Path folder, boolean keep, boolean cumulative) {

        static final String USAGE = """
                ./bench relay [options]    issue 8: a district office imports 1,000 bundles and pushes them to the real server
                  --laos N      LAOs of the one district, 8 bundles of one domain each (default 125: 1,000 bundles; at most 198)
                  --runs N      timed runs, each with a fresh server database and district store (default 3)
                  --folder DIR  where the run's data folder is made (default: java.io.tmpdir); deleted after the run
                  --keep        keep the data folder (the LAOs' stores, the bundles, the last run's server and district)
                  --cumulative  each bundle carries every submission of its LAO still waiting (LaoRelay's export of all,
                                no receipts back yet): bundle k of an LAO holds k envelopes, 4,500 in the 1,000 files,
                                1,000 of them new to the district (default: each bundle its one new domain)
                """;

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            boolean keep = false;
            boolean cumulative = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    System.out.print(USAGE);
                    System.exit(0);
                } else if (arg.equals("--keep")) {
                    keep = true;
                } else if (arg.equals("--cumulative")) {
                    cumulative = true;
                } else if (List.of("--laos", "--runs", "--folder").contains(arg) && i + 1 < args.length) {
                    values.put(arg.substring(2), args[++i]);
                } else {
                    System.err.print(USAGE);
                    throw new IllegalArgumentException("unknown or incomplete option " + arg);
                }
            }
            return new Options(BenchOptions.number(USAGE, values, "laos", 125, 1, 198),
                    BenchOptions.number(USAGE, values, "runs", 3, 1, 100),
                    Path.of(values.getOrDefault("folder", System.getProperty("java.io.tmpdir"))), keep, cumulative);
        }
    }

    /**
     * One LAO as set up: its device key, the submissions it certified (by id, with their digests)
     * and how many envelopes its bundles carry in all.
     */
    record Office(String code, PublicKey deviceKey, Map<UUID, String> digests, int carried) {}

    /** One run's figures. */
    record Run(double importSeconds, double importCpuSeconds, int files, int envelopes, int alreadyHeld, double pushSeconds,
               double pushCpuSeconds, int delivered, int rounds, int waits, double receiptsSeconds, int receiptFiles,
               int failures) {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        quietLogging();
        System.out.printf(Locale.ROOT, "machine: %d processors, %s %s (%s), max heap %d MB, %s %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("os.arch"), loadAverage());
        Path folder = Files.createTempDirectory(Files.createDirectories(options.folder()), "infodesk-relay-");
        int exit = 1;
        try {
            exit = run(options, folder);
        } finally {
            if (!options.keep()) {
                deleteTree(folder);
            } else {
                System.out.println("kept: " + folder);
            }
        }
        System.exit(exit);
    }

    private static int run(Options options, Path folder) throws Exception {
        if (DEFINITION.domains().size() != 8) {
            throw new IllegalStateException("the FY 2564 definition has " + DEFINITION.domains().size() + " domains, not 8");
        }
        // ---- set-up, not timed: the registry, the LAOs' stores, certifications and bundles
        List<String> codes = codes(options.laos());
        byte[] csv = registryCsv(codes);
        RegistryCsv.Checked checked = RegistryCsv.check(csv);
        if (!checked.warnings().isEmpty()) {
            throw new IllegalStateException("the district's registry has warnings: " + checked.warnings());
        }
        Path stick = Files.createDirectories(folder.resolve("stick"));
        long setUp = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<Future<Office>> futures = new ArrayList<>();
        for (String code : codes) {
            futures.add(pool.submit(() -> office(folder.resolve("laos").resolve(code), code, stick, options.cumulative())));
        }
        List<Office> offices = new ArrayList<>();
        try {
            for (Future<Office> future : futures) {
                offices.add(future.get());
            }
        } finally {
            pool.shutdownNow(); // all done, or one failed: its threads must not keep the JVM alive
        }
        int envelopes = offices.stream().mapToInt(o -> o.digests().size()).sum();
        int carried = offices.stream().mapToInt(Office::carried).sum();
        long bundleBytes;
        int files;
        try (Stream<Path> listing = Files.list(stick)) {
            List<Path> bundles = listing.toList();
            files = bundles.size();
            bundleBytes = 0;
            for (Path bundle : bundles) {
                bundleBytes += Files.size(bundle);
            }
        }
        System.out.printf(Locale.ROOT, "set-up: %d LAOs of district %s %s (%s), each its own SQLite store: 8 domains certified"
                        + " (complete FY 2564 answers), a bundle exported after each certification (%s): %d bundles holding %d"
                        + " envelopes, %d distinct submissions (%.1f KB a file on average) in %.1f s%n", offices.size(),
                DISTRICT_NAME, PROVINCE, DISTRICT, options.cumulative() ? "every submission still waiting" : "the new one only",
                files, carried, envelopes, bundleBytes / 1024.0 / files, (System.nanoTime() - setUp) / 1e9);

        // ---- the runs
        List<Run> runs = new ArrayList<>();
        for (int r = 1; r <= options.runs(); r++) {
            Path runFolder = folder.resolve("run-" + r);
            Run run = oneRun(runFolder, csv, checked, offices, stick, files, envelopes, carried);
            runs.add(run);
            System.out.printf(Locale.ROOT, "run %d (load average %s): import %d files (%d envelopes new, %d held already)"
                            + " in %.2f s: %.0f files/s (%.2f s of CPU on its thread); push %d envelopes in %.2f s:"
                            + " %.0f envelopes/s (%d rounds, %d waits; %.2f s of CPU in this JVM, server included, PostgreSQL not);"
                            + " receipts %d files in %.2f s (%.1f ms an LAO); %d errors%n",
                    r, loadAverage(), run.files(), run.envelopes(), run.alreadyHeld(), run.importSeconds(),
                    run.files() / run.importSeconds(), run.importCpuSeconds(), run.delivered(), run.pushSeconds(),
                    run.delivered() / run.pushSeconds(), run.rounds(), run.waits(), run.pushCpuSeconds(), run.receiptFiles(), run.receiptsSeconds(),
                    run.receiptsSeconds() * 1000 / offices.size(), run.failures());
            if (!options.keep() || r < options.runs()) {
                deleteTree(runFolder);
            }
        }
        double importMedian = median(runs.stream().mapToDouble(Run::importSeconds).toArray());
        double importCpuMedian = median(runs.stream().mapToDouble(Run::importCpuSeconds).toArray());
        double pushCpuMedian = median(runs.stream().mapToDouble(Run::pushCpuSeconds).toArray());
        double pushMedian = median(runs.stream().mapToDouble(Run::pushSeconds).toArray());
        double receiptsMedian = median(runs.stream().mapToDouble(Run::receiptsSeconds).toArray());
        System.out.printf(Locale.ROOT, "median of %d runs: import %.2f s (%.0f files/s; CPU %.2f s), push %.2f s"
                        + " (%.0f envelopes/s; CPU %.2f s), receipts %.2f s (%.1f ms an LAO)%n", runs.size(), importMedian,
                files / importMedian, importCpuMedian, pushMedian, envelopes / pushMedian, pushCpuMedian, receiptsMedian,
                receiptsMedian * 1000 / offices.size());
        int failures = runs.stream().mapToInt(Run::failures).sum();
        boolean met = importMedian <= TARGET_IMPORT_SECONDS && pushMedian <= TARGET_PUSH_SECONDS;
        System.out.printf(Locale.ROOT, "target (import of %d bundles <= %.0f s, push <= %.0f s): %s; errors: %d%n", files,
                TARGET_IMPORT_SECONDS, TARGET_PUSH_SECONDS, met ? "met" : "MISSED", failures);
        return failures == 0 ? 0 : 1;
    }

    /** One timed run on a fresh server database and a fresh district store. */
    private static Run oneRun(Path folder, byte[] csv, RegistryCsv.Checked checked, List<Office> offices, Path stick,
                              int files, int envelopes, int entries) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("host", "127.0.0.1");
        flags.put("port", "0");
        flags.put("data-dir", folder.resolve("server").toString());
        ServerConfig config = ServerConfig.resolve(null, Map.of(), flags);
        Files.createDirectories(folder);
        Files.write(folder.resolve("registry.csv"), csv);
        try (InfoDeskServer server = InfoDeskServer.start(config)) {
            DataSource data = server.database().dataSource();
            new Registry(data).importAll(checked.laos());
            Enrolment enrolment = new Enrolment(data, Clock.systemUTC());
            for (Office office : offices) {
                Enrolment.IssuedCode issued = enrolment.issue(new Enrolment.Target.OfLao(office.code()), Duration.ofDays(1));
                if (!(enrolment.redeem(issued.code(), office.deviceKey()) instanceof Enrolment.Redemption.Enrolled)) {
                    throw new IllegalStateException("the device of " + office.code() + " was not enrolled");
                }
            }
            HttpUrl url = HttpUrl.get("http://127.0.0.1:" + server.port() + "/");
            OkHttpClient http = new OkHttpClient();
            Path districtData = Files.createDirectories(folder.resolve("district"));
            try (Store store = Store.open(districtData, Clock.systemUTC(), Map.of(DEFINITION.key(), DEFINITION))) {
                DeviceKeys keys = DeviceKeys.loadOrCreate(districtData, new SqliteDeviceRepository(store));
                String code = enrolment.issue(new Enrolment.Target.OfDistrict(DISTRICT_NAME, PROVINCE), Duration.ofDays(1)).code();
                EnrolmentService.Result enrolled = new EnrolmentService(new SqliteAccountRepository(store), keys,
                        u -> new ServerLink(http, u, Clock.systemUTC()), Clock.systemUTC())
                        .enrol(url.toString(), code, null, DISTRICT, "district PC");
                if (!(enrolled instanceof EnrolmentService.Result.Enrolled done)) {
                    throw new IllegalStateException("the district device was not enrolled: " + enrolled);
                }
                ServerAccount account = done.account();
                SqliteRelayRepository carried = new SqliteRelayRepository(store);
                DistrictRelay district = new DistrictRelay(carried, BUNDLES, CODEC, account.enrolment().districtCode(),
                        Clock.systemUTC());
                int failures = 0;

                // ---- timed 1: import and verify the folder
                long started = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                List<DistrictRelay.FileOutcome> imported = district.importFolder(stick);
                double importSeconds = (System.nanoTime() - started) / 1e9;
                double importCpu = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e9;
                int added = 0;
                int alreadyHeld = 0;
                for (DistrictRelay.FileOutcome outcome : imported) {
                    if (outcome instanceof DistrictRelay.FileOutcome.Imported kept) {
                        added += kept.added();
                        alreadyHeld += kept.alreadyHeld();
                    } else {
                        failures++;
                        System.out.println("  refused: " + outcome);
                    }
                }
                if (imported.size() != files || added != envelopes || added + alreadyHeld != entries) {
                    System.out.println("  imported " + imported.size() + " files adding " + added + " envelopes, " + alreadyHeld
                            + " held already; expected " + files + " files, " + envelopes + " new of " + entries);
                    failures++;
                }

                // ---- timed 2: push until nothing waits, waiting as asked
                OutboxSender sender = district.sender(new ServerLink(http, url, Clock.systemUTC()), account, keys.keyId(),
                        new Backoff(Backoff.FIRST, Backoff.MOST, new Random(2)));
                AtomicInteger rounds = new AtomicInteger();
                int delivered = 0;
                int refused = 0;
                int waits = 0;
                started = System.nanoTime();
                cpu = processCpu();
                while (true) {
                    DistrictRelay.Pushed pushed = district.push(sender, (d, f, w) -> rounds.incrementAndGet(), 10_000);
                    delivered += pushed.delivered();
                    refused += pushed.refused();
                    if (pushed.last() instanceof OutboxSender.Round.Wait wait && waits < MOST_WAITS) {
                        waits++;
                        System.out.println("  wait round: " + wait);
                        LockSupport.parkNanos(wait.delay().toNanos());
                    } else if (pushed.last() instanceof OutboxSender.Round.Sent) {
                        continue;
                    } else {
                        if (!(pushed.last() instanceof OutboxSender.Round.Idle)) {
                            System.out.println("  the push ended with " + pushed.last());
                            failures++;
                        }
                        break;
                    }
                }
                double pushSeconds = (System.nanoTime() - started) / 1e9;
                double pushCpu = (processCpu() - cpu) / 1e9;
                if (delivered != envelopes || refused != 0) {
                    System.out.println("  " + delivered + " delivered and " + refused + " refused of " + envelopes);
                    failures++;
                }

                // ---- timed 3: a receipts bundle per LAO
                Path receiptsFolder = Files.createDirectories(folder.resolve("receipts"));
                started = System.nanoTime();
                List<Path> receiptFiles = district.exportReceipts(receiptsFolder);
                double receiptsSeconds = (System.nanoTime() - started) / 1e9;

                // ---- checks, not timed
                failures += checkReceipts(receiptFiles, offices, server.keys().publicKey(), envelopes);
                failures += checkDatabase(data, envelopes);
                return new Run(importSeconds, importCpu, imported.size(), added, alreadyHeld, pushSeconds, pushCpu, delivered, rounds.get(),
                        waits, receiptsSeconds, receiptFiles.size(), failures);
            }
        }
    }

    /** Every LAO has its receipts bundle, and every receipt verifies and confirms its submission's id and digest. */
    private static int checkReceipts(List<Path> files, List<Office> offices, PublicKey serverKey, int envelopes) throws Exception {
        Map<String, Office> byCode = new HashMap<>();
        offices.forEach(o -> byCode.put(o.code(), o));
        int failures = 0;
        int confirmed = 0;
        for (Path file : files) {
            Bundles.Receipts bundle = BUNDLES.readReceipts(file);
            Office office = byCode.get(bundle.manifest().laoCode());
            for (Receipt receipt : bundle.receipts()) {
                String digest = office == null ? null : office.digests().get(receipt.submissionId());
                if (digest != null && receipt.confirms(serverKey, receipt.submissionId(), digest)) {
                    confirmed++;
                } else {
                    failures++;
                }
            }
        }
        if (files.size() != offices.size() || confirmed != envelopes) {
            System.out.printf(Locale.ROOT, "  receipts: %d files for %d LAOs, %d receipts confirmed of %d%n", files.size(),
                    offices.size(), confirmed, envelopes);
            failures++;
        }
        return failures;
    }

    /** The server holds each submission exactly once, with its receipt, relayed by the district device. */
    private static int checkDatabase(DataSource data, int envelopes) throws Exception {
        long rows = count(data, "SELECT count(*) FROM submission");
        long distinct = count(data, "SELECT count(DISTINCT submission_id) FROM submission");
        long relayed = count(data, "SELECT count(*) FROM submission WHERE relay_device_id IS NOT NULL");
        long receipts = count(data, "SELECT count(*) FROM receipt");
        boolean once = rows == envelopes && distinct == envelopes && relayed == envelopes && receipts == envelopes;
        if (!once) {
            System.out.printf(Locale.ROOT, "  database: %d submission rows (%d distinct ids, %d relayed), %d receipts for %d"
                    + " envelopes: MISMATCH%n", rows, distinct, relayed, receipts, envelopes);
        }
        return once ? 0 : 1;
    }

    /**
     * One LAO's PC: its store and device key, two users, and for each domain the sample answers
     * certified and exported at once to a bundle of that submission alone ({@code cumulative}: of
     * every submission still waiting).
     */
    private static Office office(Path dataFolder, String code, Path stick, boolean cumulative) throws Exception {
        SetClock clock = new SetClock(Instant.parse("2021-05-31T02:00:00Z"));
        try (Store store = Store.open(dataFolder, clock, Map.of(DEFINITION.key(), DEFINITION))) {
            DeviceKeys keys = DeviceKeys.loadOrCreate(dataFolder, new SqliteDeviceRepository(store));
            // Argon2id's real code with small parameters: the bench measures the relay, not password hashing.
            UserService users = new UserService(new SqliteUserRepository(store),
                    new PasswordHasher(new PasswordHasher.Params(1024, 1, 1), new SecureRandom()), clock);
            User admin = users.createFirstAdmin("admin", "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์", PASSWORD);
            users.addUser(admin, new NewUser("malee", "นางมาลี รักษ์ถิ่น", "ปลัด", Set.of(Role.CERTIFIER)), "ผู้ดูแลตั้งให้2564");
            users.changePassword("malee", "ผู้ดูแลตั้งให้2564", PASSWORD); // her own: a certifier cannot certify with the admin's
            SqliteAnswerRepository answers = new SqliteAnswerRepository(store, DEFINITION.key());
            CertificationService service = new CertificationService(QUESTIONNAIRE, answers,
                    new SqliteCertificationRepository(store, answers), users, keys, keys.keyId(), clock);
            LaoRelay relay = new LaoRelay(new SqliteOutboxRepository(store), BUNDLES, CODEC, clock);
            Map<UUID, String> digests = new LinkedHashMap<>();
            int carried = 0;
            for (Domain domain : DEFINITION.domains()) {
                clock.advance(Duration.ofMinutes(7));
                DomainKey key = new DomainKey(code, DEFINITION.fiscalYear(), domain.id());
                answers.startDraft(key, SAMPLE.domain(domain.id()), "admin");
                CertificationService.Outcome outcome = service.certify(key, "malee", PASSWORD, Answers.empty());
                if (!(outcome instanceof CertificationService.Outcome.Certified certified)) {
                    throw new IllegalStateException(key + " was not certified: " + outcome);
                }
                String id = certified.snapshot().submissionId();
                LaoRelay.Exported exported = relay.export(stick.resolve(relay.suggestedName(code)), code, keys.publicKey(),
                        keys.keyId(), cumulative ? null : Set.of(id));
                if (exported.submissions() != (cumulative ? digests.size() + 1 : 1)) {
                    throw new IllegalStateException(key + ": " + exported.submissions() + " submissions exported");
                }
                digests.put(UUID.fromString(id), certified.snapshot().digest());
                carried += exported.submissions();
            }
            return new Office(code, keys.publicKey(), Map.copyOf(digests), carried);
        }
    }

    /** The district's LAO codes: sub-district municipalities 56508NN first, then SAOs 66508NN. */
    static List<String> codes(int laos) {
        List<String> codes = new ArrayList<>(laos);
        for (int i = 0; i < laos; i++) {
            char type = i < 99 ? '5' : '6';
            int number = i < 99 ? i + 1 : i - 98;
            codes.add(type + DISTRICT + (number < 10 ? "0" : "") + number);
        }
        return codes;
    }

    /** The registry file of the district's LAOs (made-up names with their type's prefix). */
    static byte[] registryCsv(List<String> codes) {
        StringBuilder text = new StringBuilder("# SYNTHETIC DATA for ./bench relay: one real district, made-up LAOs.\n")
                .append("code,name_th,name_en,district,province\n");
        for (String code : codes) {
            boolean municipality = code.charAt(0) == '5';
            String number = code.substring(5);
            text.append(String.join(",", code,
                    (municipality ? "เทศบาลตำบลทดสอบ " : "องค์การบริหารส่วนตำบลทดสอบ ") + number,
                    "Test " + number + (municipality ? " Subdistrict Municipality" : " Subdistrict Administrative Organization"),
                    DISTRICT_NAME, PROVINCE)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A clock set by the set-up: each bundle of an LAO made a few minutes after the last, so each has its own name. */
    static final class SetClock extends Clock {
        private volatile Instant now;

        SetClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static long count(DataSource data, String sql) throws Exception {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** This JVM's CPU time so far, in nanoseconds. */
    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    /**
     * Warnings and errors only: the server's and the stores' migrations (Flyway, at INFO in the
     * server's own logging) would print a page for each of the 125 stores and each run's server.
     */
    private static void quietLogging() throws IOException {
        String config = """
                handlers = java.util.logging.ConsoleHandler
                java.util.logging.ConsoleHandler.level = ALL
                java.util.logging.SimpleFormatter.format = %1$tF %1$tT %4$s %3$s: %5$s%6$s%n
                .level = WARNING
                """;
        try (InputStream in = new java.io.ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8))) {
            java.util.logging.LogManager.getLogManager().readConfiguration(in);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
