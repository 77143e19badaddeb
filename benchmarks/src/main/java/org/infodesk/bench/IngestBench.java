package org.infodesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.Certifier;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionIds;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.PushBatch;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;

/**
 * Issue 6, acceptance 3: the central server's sustained ingest at the national deadline. The real
 * server ({@link InfoDeskServer}, HTTP on loopback, PostgreSQL: the embedded one in a fresh folder,
 * or {@code --jdbc-url}) with a registry of thousands of synthetic LAOs ({@link SyntheticRegistry}),
 * one enrolled device per LAO. Every LAO's eight domains of a complete FY 2564 questionnaire are
 * signed by its device, every warning justified, and gzipped into one push batch before anything
 * is timed, so the clients only send and read during the run. Then 32 clients (each its own
 * {@link HttpClient}, so its own connection) each take the next LAO and push its batch with that
 * LAO's token: first a warm-up, then the measured phase, each client sending its next batch as
 * soon as it has its answer (closed loop: the most the server takes), or, with {@code --rate}, each
 * batch when it is due on a fixed schedule (open loop, as independent offices send; latency counts
 * from when the batch was due). Each request's latency goes into a histogram; afterwards every outcome must be {@code ACCEPTED} with a receipt that verifies with the
 * server key, and the database must hold each submission sent exactly once. Not JMH: the figure is
 * a rate over a whole run, not the time of a call.
 *
 * <p>Run with {@code ./bench ingest [options]} ({@code --help} lists them).
 */
public final class IngestBench {

    static final Questionnaire QUESTIONNAIRE = Questionnaire.fy2564();
    static final Definition DEFINITION = QUESTIONNAIRE.definition();
    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(DEFINITION));
    /** The repeat-group rows of the answer sets: LAO i answers with {@code 1 + i % 6} rows in each group. */
    static final int ROW_VARIANTS = 6;
    static final double TARGET_PER_SECOND = 500;
    static final double TARGET_P99_MS = 250;

    private IngestBench() {}

    /** The command line. */
    record Options(String jdbcUrl, String jdbcUser, String jdbcPassword, int laos, int clients, int warmup, int batches,
                   int seconds, int rate, Integer poolSize, Path folder, boolean keep) {

        static final String USAGE = """
                ./bench ingest [options]    issue 6: sustained push ingest of the real server on PostgreSQL
                  --laos N               LAOs in the synthetic registry, one device and one batch each (default 4000, at most 8000)
                  --clients N            concurrent clients, each its own connection (default 32)
                  --warmup N             batches pushed first and not counted (default 500)
                  --batches N            batches measured (default: every LAO left after the warm-up)
                  --seconds N            stop the measured phase after N seconds, whatever is left (default: no limit)
                  --rate N               offer N submissions/s (N/8 batches/s on a fixed schedule, the clients taking
                                         turns; latency from each batch's scheduled time, so waiting for a free client
                                         counts); default: none, each client pushes its next batch as soon as it has
                                         its answer (the most the server takes)
                  --pool-size N          the server's database pool (its setting pool-size; default: the server's, 16)
                  --jdbc-url URL         an external PostgreSQL database, empty or holding no submissions (default: the embedded one)
                  --jdbc-user U, --jdbc-password P
                  --folder DIR           where the run's data folder is made (default: java.io.tmpdir); deleted after the run
                  --keep                 keep the data folder (the server key, the embedded database, the registry CSV)
                """;

        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>();
            boolean keep = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    System.out.print(USAGE);
                    System.exit(0);
                } else if (arg.equals("--keep")) {
                    keep = true;
                } else if (arg.startsWith("--") && i + 1 < args.length) {
                    values.put(arg.substring(2), args[++i]);
                } else {
                    throw usage("unknown or incomplete option " + arg);
                }
            }
            for (String key : values.keySet()) {
                if (!List.of("laos", "clients", "warmup", "batches", "seconds", "rate", "pool-size", "jdbc-url", "jdbc-user",
                        "jdbc-password", "folder").contains(key)) {
                    throw usage("unknown option --" + key);
                }
            }
            int laos = BenchOptions.number(USAGE, values, "laos", 4000, 1, 8000);
            int clients = BenchOptions.number(USAGE, values, "clients", 32, 1, 1000);
            int warmup = BenchOptions.number(USAGE, values, "warmup", Math.min(500, laos / 4), 0, laos - 1);
            int batches = BenchOptions.number(USAGE, values, "batches", laos - warmup, 1, laos - warmup);
            return new Options(values.get("jdbc-url"), values.get("jdbc-user"), values.get("jdbc-password"), laos, clients,
                    warmup, batches, BenchOptions.number(USAGE, values, "seconds", 0, 0, 86_400),
                    BenchOptions.number(USAGE, values, "rate", 0, 0, 100_000),
                    values.containsKey("pool-size") ? BenchOptions.number(USAGE, values, "pool-size", 16, 2, 200) : null,
                    Path.of(values.getOrDefault("folder", System.getProperty("java.io.tmpdir"))), keep);
        }

        private static IllegalArgumentException usage(String message) {
            System.err.print(USAGE);
            return new IllegalArgumentException(message);
        }
    }

    /** One LAO as the clients see it: its token, its gzip batch, and what each envelope's receipt must confirm. */
    record Lao(String code, String token, byte[] gzipBatch, int jsonBytes, List<UUID> ids, List<String> digests) {}

    /** One request as a client saw it. */
    record Sent(Lao lao, int status, byte[] body, String failure) {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        quietServerLogging();
        System.out.printf(Locale.ROOT, "machine: %d processors, %s %s (%s), max heap %d MB, %s %s, load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vm.vendor"), Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"),
                System.getProperty("os.arch"), loadAverage());
        Path folder = Files.createTempDirectory(Files.createDirectories(options.folder()), "infodesk-ingest-");
        int exit;
        ServerConfig config = config(options, folder);
        try (InfoDeskServer server = InfoDeskServer.start(config)) {
            System.out.println("server: " + config.describe() + ", port " + server.port());
            exit = run(options, server, folder);
        } finally {
            if (!options.keep()) {
                deleteTree(folder);
            } else {
                System.out.println("kept: " + folder);
            }
        }
        System.exit(exit);
    }

    static ServerConfig config(Options options, Path folder) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("host", "127.0.0.1");
        flags.put("port", "0");
        flags.put("data-dir", folder.resolve("server").toString());
        if (options.jdbcUrl() != null) {
            flags.put("jdbc-url", options.jdbcUrl());
        }
        if (options.jdbcUser() != null) {
            flags.put("jdbc-user", options.jdbcUser());
        }
        if (options.jdbcPassword() != null) {
            flags.put("jdbc-password", options.jdbcPassword());
        }
        if (options.poolSize() != null) {
            flags.put("pool-size", options.poolSize().toString());
        }
        // The environment is left out on purpose: the run's settings are its options, nothing else.
        return ServerConfig.resolve(null, Map.of(), flags);
    }

    private static int run(Options options, InfoDeskServer server, Path folder) throws Exception {
        DataSource data = server.database().dataSource();
        long before = count(data, "SELECT count(*) FROM submission");
        if (before != 0) {
            System.err.println("the database holds " + before + " submissions already; give the benchmark an empty database");
            return 2;
        }

        // ---- set-up, not timed: registry, enrolment, envelopes
        long setUp = System.nanoTime();
        byte[] csv = SyntheticRegistry.csv(options.laos());
        Files.write(folder.resolve("registry.csv"), csv);
        RegistryCsv.Checked checked = RegistryCsv.check(csv);
        if (!checked.warnings().isEmpty()) {
            throw new IllegalStateException("the synthetic registry has warnings: " + checked.warnings());
        }
        Registry.Imported imported = new Registry(data).importAll(checked.laos());
        System.out.printf(Locale.ROOT, "registry: %d LAOs in %d districts of %d provinces imported%n", imported.laos(),
                imported.districtOffices(), checked.laos().stream().map(org.infodesk.server.registry.Lao::province).distinct().count());

        List<Justified> variants = IntStream.rangeClosed(1, ROW_VARIANTS).mapToObj(Justified::of).toList();
        Enrolment enrolment = new Enrolment(data, Clock.systemUTC());
        SubmissionIds ids = new SubmissionIds();
        List<String> codes = checked.laos().stream().map(org.infodesk.server.registry.Lao::code).toList();
        ExecutorService setUpPool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        List<Future<Lao>> futures = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Justified answers = variants.get(i % variants.size());
            String code = codes.get(i);
            futures.add(setUpPool.submit(() -> enrolAndSign(enrolment, ids, code, answers)));
        }
        List<Lao> laos = new ArrayList<>(codes.size());
        for (Future<Lao> future : futures) {
            laos.add(future.get());
        }
        setUpPool.shutdown();
        long gzipBytes = laos.stream().mapToLong(l -> l.gzipBatch().length).sum();
        long jsonBytes = laos.stream().mapToLong(Lao::jsonBytes).sum();
        System.out.printf(Locale.ROOT, "set-up: %d devices enrolled (through the server's Java API), %d envelopes signed"
                        + " (%d domains each, repeat groups of 1 to %d rows, every warning justified) in %.1f s;"
                        + " a batch is %.1f KB of JSON, %.1f KB gzipped, on average%n",
                laos.size(), laos.size() * DEFINITION.domains().size(), DEFINITION.domains().size(), ROW_VARIANTS,
                (System.nanoTime() - setUp) / 1e9, jsonBytes / 1024.0 / laos.size(), gzipBytes / 1024.0 / laos.size());

        // ---- the runs
        URI push = URI.create("http://127.0.0.1:" + server.port() + Routes.PUSH.path());
        List<HttpClient> clients = IntStream.range(0, options.clients())
                .mapToObj(i -> HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build())
                .toList();
        Phase warmup = new Phase("warm-up", laos.subList(0, options.warmup()), 0, options.rate());
        Phase measured = new Phase("measured", laos.subList(options.warmup(), options.warmup() + options.batches()),
                options.seconds(), options.rate());
        System.out.println(options.rate() > 0
                ? "load: " + options.rate() + " submissions/s offered on a fixed schedule by " + options.clients() + " clients"
                : "load: " + options.clients() + " clients, each pushing its next batch as soon as it has its answer");
        if (options.warmup() > 0) {
            warmup.run(clients, push);
            warmup.print();
        }
        CpuSample start = CpuSample.now();
        measured.run(clients, push);
        CpuSample end = CpuSample.now();
        measured.print();
        end.print(start, measured.submissions(), measured.seconds());

        // ---- checks, not timed
        int failures = warmup.check(server) + measured.check(server);
        long sent = warmup.submissions() + measured.submissions();
        long rows = count(data, "SELECT count(*) FROM submission");
        long distinct = count(data, "SELECT count(DISTINCT submission_id) FROM submission");
        long receipts = count(data, "SELECT count(*) FROM receipt");
        long heads = count(data, "SELECT count(*) FROM domain_head");
        boolean once = rows == sent && distinct == sent && receipts == sent && heads == sent;
        System.out.printf(Locale.ROOT, "database: %d submission rows (%d distinct ids), %d receipts, %d domain heads"
                + " for %d submissions sent: %s%n", rows, distinct, receipts, heads, sent, once ? "each stored exactly once" : "MISMATCH");
        System.out.printf(Locale.ROOT, "errors: %d (requests that failed or outcomes that are not ACCEPTED with a receipt"
                + " that verifies)%n", failures);
        boolean met = measured.perSecond() >= TARGET_PER_SECOND && measured.histogram.getValueAtPercentile(99) / 1000.0 <= TARGET_P99_MS;
        if (options.rate() == 0) {
            // flat out, every request waits behind the others: the latency target needs an offered rate
            System.out.printf(Locale.ROOT, "target (>= %.0f submissions/s, p99 <= %.0f ms): throughput %s; latency is judged"
                    + " with --rate %.0f (a closed loop's latency is its own queue)%n", TARGET_PER_SECOND, TARGET_P99_MS,
                    measured.perSecond() >= TARGET_PER_SECOND ? "met" : "MISSED", TARGET_PER_SECOND);
        } else {
            System.out.printf(Locale.ROOT, "target (>= %.0f submissions/s, p99 <= %.0f ms): %s%n", TARGET_PER_SECOND, TARGET_P99_MS,
                    met ? "met" : "MISSED");
        }
        return failures == 0 && once ? 0 : 1;
    }

    /** A variant of the complete answer set, each domain's values with a justification for each of its warnings. */
    record Justified(Map<String, Map<String, Object>> values, Map<String, Map<String, String>> justifications) {

        static Justified of(int rows) {
            Answers answers = Fy2564Fixtures.withRows(DEFINITION, rows);
            Map<String, Map<String, Object>> values = new LinkedHashMap<>();
            Map<String, Map<String, String>> justifications = new LinkedHashMap<>();
            for (Domain domain : DEFINITION.domains()) {
                Map<String, Object> domainValues = answers.domain(domain.id());
                Answers.Builder only = Answers.builder();
                domainValues.forEach((item, value) -> only.put(domain.id(), item, value));
                Map<String, String> justified = new TreeMap<>();
                for (Finding finding : QUESTIONNAIRE.evaluate(only.build(), domain.id()).findings(domain.id())) {
                    if (finding.isError()) {
                        throw new IllegalStateException("the answers with " + rows + " rows have an error in " + domain.id()
                                + ": " + finding);
                    }
                    if (finding.ruleId() != null) {
                        justified.put("rule:" + finding.ruleId(), "ตรวจสอบกับเอกสารแล้ว ถูกต้อง");
                    }
                }
                values.put(domain.id(), domainValues);
                justifications.put(domain.id(), justified);
            }
            return new Justified(values, justifications);
        }
    }

    /** Enrols a device for the LAO (a code issued and redeemed, as the HTTP route does) and signs its eight domains. */
    private static Lao enrolAndSign(Enrolment enrolment, SubmissionIds ids, String code, Justified answers) throws Exception {
        KeyPair keys = Ed25519Keys.generate();
        Enrolment.IssuedCode issued = enrolment.issue(new Enrolment.Target.OfLao(code), Duration.ofDays(1));
        Enrolment.Redemption.Enrolled device = (Enrolment.Redemption.Enrolled) enrolment.redeem(issued.code(), keys.getPublic());
        String keyId = Ed25519Keys.keyId(keys.getPublic());
        List<byte[]> envelopes = new ArrayList<>();
        List<UUID> submissionIds = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (Domain domain : DEFINITION.domains()) {
            SubmissionPayload payload = new SubmissionPayload(ids.next(), code, DEFINITION.fiscalYear(), domain.id(), 1, null,
                    DEFINITION.id(), DEFINITION.version(), answers.values().get(domain.id()), answers.justifications().get(domain.id()),
                    new Certifier("somchai.j", "นายสมชาย ใจดี", "ปลัด" + code), Instant.parse("2026-11-26T02:30:15.250Z"),
                    device.deviceId().toString());
            SubmissionEnvelope envelope = CODEC.sign(payload, keys.getPrivate(), keyId);
            envelopes.add(CODEC.write(envelope));
            submissionIds.add(payload.submissionId());
            digests.add(envelope.digest());
        }
        PushBatch batch = PushBatch.of(envelopes);
        return new Lao(code, device.token(), WireCodec.writeBatch(batch), WireCodec.write(batch).length,
                List.copyOf(submissionIds), List.copyOf(digests));
    }

    /** A series of batches pushed by all clients at once, each client taking the next LAO until none is left. */
    static final class Phase {
        final String name;
        final List<Lao> laos;
        final int seconds;
        /** Submissions per second offered, or 0 for as fast as the answers come. */
        final int rate;
        final Histogram histogram = new Histogram(Duration.ofMinutes(5).toNanos() / 1000, 3);
        final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
        final AtomicLong requestFailures = new AtomicLong();
        long nanos;

        Phase(String name, List<Lao> laos, int seconds, int rate) {
            this.name = name;
            this.laos = laos;
            this.seconds = seconds;
            this.rate = rate;
        }

        void run(List<HttpClient> clients, URI push) throws InterruptedException {
            AtomicInteger next = new AtomicInteger();
            List<Histogram> perClient = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = seconds > 0 ? start + Duration.ofSeconds(seconds).toNanos() : Long.MAX_VALUE;
            for (int c = 0; c < clients.size(); c++) {
                HttpClient client = clients.get(c);
                Histogram mine = new Histogram(histogram.getHighestTrackableValue(), 3);
                perClient.add(mine);
                Thread thread = new Thread(() -> {
                    int i;
                    while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < laos.size()) {
                        Lao lao = laos.get(i);
                        long due = rate > 0 ? start + (long) (i * 1e9 * lao.ids().size() / rate) : 0;
                        while (rate > 0 && System.nanoTime() < due) {
                            java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                        }
                        HttpRequest request = HttpRequest.newBuilder(push)
                                .header(Routes.PROTOCOL_HEADER, Routes.PROTOCOL_VERSION)
                                .header("Authorization", "Bearer " + lao.token())
                                .header("Content-Type", "application/json; charset=utf-8")
                                .header("Content-Encoding", "gzip")
                                .timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(lao.gzipBatch())).build();
                        // On a schedule, from when the batch was due: a batch that waited for a free client waited (no coordinated omission).
                        long sentAt = rate > 0 ? due : System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            mine.recordValue(Math.min((System.nanoTime() - sentAt) / 1000, mine.getHighestTrackableValue()));
                            sent.add(new Sent(lao, response.statusCode(), response.body(), null));
                        } catch (IOException e) {
                            requestFailures.incrementAndGet();
                            sent.add(new Sent(lao, 0, null, e.toString()));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }, "bench-client-" + c);
                threads.add(thread);
                thread.start();
            }
            for (Thread thread : threads) {
                thread.join();
            }
            nanos = System.nanoTime() - start;
            perClient.forEach(histogram::add);
        }

        long batches() {
            return sent.size();
        }

        long submissions() {
            return sent.stream().mapToLong(s -> s.lao().ids().size()).sum();
        }

        double seconds() {
            return nanos / 1e9;
        }

        double perSecond() {
            return submissions() / seconds();
        }

        void print() {
            System.out.printf(Locale.ROOT, "%s: %d batches (%d submissions) in %.2f s: %.0f submissions/s, %.1f batches/s;"
                            + " latency per request p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (mean %.1f ms);"
                            + " %d requests failed%n",
                    name, batches(), submissions(), seconds(), perSecond(), batches() / seconds(),
                    ms(histogram.getValueAtPercentile(50)), ms(histogram.getValueAtPercentile(90)),
                    ms(histogram.getValueAtPercentile(99)), ms(histogram.getMaxValue()), histogram.getMean() / 1000.0,
                    requestFailures.get());
        }

        private static double ms(long micros) {
            return micros / 1000.0;
        }

        /** The failures: requests without a 200 and outcomes that are not ACCEPTED with a receipt of the server key that confirms the envelope. */
        int check(InfoDeskServer server) {
            int failures = 0;
            Map<String, Integer> kinds = new TreeMap<>();
            for (Sent each : sent) {
                List<String> problems = problems(each, server);
                failures += problems.size();
                problems.forEach(problem -> kinds.merge(problem, 1, Integer::sum));
            }
            kinds.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())).limit(10)
                    .forEach(e -> System.out.println("  " + name + " failure x" + e.getValue() + ": " + e.getKey()));
            return failures;
        }

        private static List<String> problems(Sent each, InfoDeskServer server) {
            if (each.failure() != null) {
                return List.of(each.failure());
            }
            String body = new String(each.body(), java.nio.charset.StandardCharsets.UTF_8);
            if (each.status() != 200) {
                return List.of("HTTP " + each.status() + " " + body.substring(0, Math.min(200, body.length())));
            }
            List<ItemOutcome> outcomes;
            try {
                outcomes = WireCodec.read(each.body(), PushResult.class).outcomes();
            } catch (WireException e) {
                return List.of("not a PushResult: " + e.getMessage());
            }
            if (outcomes.size() != each.lao().ids().size()) {
                return List.of(outcomes.size() + " outcomes for " + each.lao().ids().size() + " envelopes");
            }
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < outcomes.size(); i++) {
                ItemOutcome outcome = outcomes.get(i);
                if (outcome.outcome() != Outcome.ACCEPTED) {
                    problems.add(outcome.outcome() + " " + outcome.problemCode() + " " + outcome.detail());
                } else if (!outcome.receipt().confirms(server.keys().publicKey(), each.lao().ids().get(i), each.lao().digests().get(i))) {
                    problems.add("a receipt that does not confirm its envelope");
                }
            }
            return problems;
        }
    }

    /**
     * CPU time used so far: by this JVM (as a whole and by thread: the clients', the server's), by
     * PostgreSQL's processes, and by the whole machine (Linux's {@code /proc/stat}), to see where a
     * run's time goes and how much of the machine the benchmark's own clients took. Threads are
     * kept by id, so that one that ends between two samples is not counted negative.
     */
    record CpuSample(long jvm, Map<Long, Long> threadCpu, Map<Long, String> threadNames, long postgres, long machineBusy,
                     long machineTotal) {

        static CpuSample now() {
            com.sun.management.OperatingSystemMXBean os =
                    (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpu = new HashMap<>();
            Map<Long, String> names = new HashMap<>();
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null) {
                    cpu.put(info.getThreadId(), Math.max(0, threads.getThreadCpuTime(info.getThreadId())));
                    names.put(info.getThreadId(), info.getThreadName());
                }
            }
            long postgres = ProcessHandle.allProcesses()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                    .mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum();
            long[] machine = machine();
            return new CpuSample(os.getProcessCpuTime(), cpu, names, postgres, machine[0], machine[1]);
        }

        /** Busy and total jiffies of all CPUs since boot; zeros where there is no /proc/stat. */
        private static long[] machine() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
                String[] cpu = lines.filter(l -> l.startsWith("cpu ")).findFirst().orElseThrow().trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < cpu.length; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
                return new long[] {total - idle, total};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }

        /** The CPU of the threads whose names start with one of the prefixes, from {@code earlier} to this sample. */
        private long threads(CpuSample earlier, String... prefixes) {
            long sum = 0;
            for (Map.Entry<Long, Long> thread : threadCpu.entrySet()) {
                String name = threadNames.get(thread.getKey());
                if (Stream.of(prefixes).anyMatch(name::startsWith)) {
                    sum += thread.getValue() - earlier.threadCpu.getOrDefault(thread.getKey(), 0L);
                }
            }
            return sum;
        }

        void print(CpuSample earlier, long submissions, double seconds) {
            double cores = Runtime.getRuntime().availableProcessors();
            long busy = machineBusy - earlier.machineBusy;
            long total = machineTotal - earlier.machineTotal;
            double machine = total > 0 ? (double) busy / total : Double.NaN;
            long jvmCpu = jvm - earlier.jvm;
            long clients = threads(earlier, "bench-client-", "HttpClient-");
            long requests = threads(earlier, "JettyServerThreadPool", "qtp");
            long database = threads(earlier, "infodesk", "HikariPool", "PostgreSQL");
            long pg = postgres - earlier.postgres;
            System.out.printf(Locale.ROOT, "cpu in the measured phase (%.1f s on %.0f cores = %.1f core-s): machine busy %.0f%%"
                            + " (%.1f core-s, other processes included);%n"
                            + "  this JVM %.1f core-s: server request threads %.1f, the benchmark's clients %.1f,"
                            + " pool and database threads %.1f, the rest (garbage collection, JIT, ...) %.1f;%n"
                            + "  PostgreSQL processes %.1f core-s; per submission: server JVM %.2f ms (requests %.2f ms),"
                            + " PostgreSQL %.2f ms of CPU%n",
                    seconds, cores, seconds * cores, machine * 100, machine * seconds * cores, jvmCpu / 1e9, requests / 1e9,
                    clients / 1e9, database / 1e9, (jvmCpu - clients - requests - database) / 1e9, pg / 1e9,
                    (jvmCpu - clients) / 1e6 / submissions, requests / 1e6 / submissions, pg / 1e6 / submissions);
        }
    }

    private static long count(DataSource data, String sql) throws Exception {
        try (Connection connection = data.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", load);
    }

    /** The server's bundled logging levels, as its command line sets them (Jetty, HikariCP and Flyway quiet). */
    private static void quietServerLogging() throws IOException {
        try (InputStream in = ServerConfig.class.getResourceAsStream("logging.properties")) {
            if (in != null) {
                java.util.logging.LogManager.getLogManager().readConfiguration(in);
            }
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
