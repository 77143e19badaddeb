package org.infodesk.app.storage.crash;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.infodesk.app.certify.Certification;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.form.Edit;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteCertificationRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * The child process of {@link CrashTest}: opens the store in a data folder and edits and
 * certifies in a loop until it is killed. Arguments: the data folder, a random seed, and
 * optionally a warm-up folder. With a warm-up folder it first loads its classes by working
 * briefly on a scratch store there (deleted after), prints {@code WARM} and waits for a line
 * {@code GO} on stdin before it opens the data folder; so the test can start the next worker
 * while it checks the folder after the last kill. If stdin ends instead, it exits.
 *
 * <p>It reports on stdout, one line per event, each written straight to the file descriptor
 * (no buffer to lose when it is killed), so the test knows what had returned before the kill:
 * <pre>
 * WARM                                              warmed up, waiting for GO (with a warm-up folder)
 * READY                                             the store is open
 * SAVING     domain revision item value             before AnswerRepository.save
 * SAVED      domain revision item value             after it returned
 * CERTIFYING domain revision submissionId digest    before CertificationRepository.certify
 * CERTIFIED  domain revision submissionId digest    after it returned
 * AMENDING   domain revision                        before amend of that (certified) revision
 * AMENDED    domain newRevision                     after it returned
 * </pre>
 * A revision found certified at start (the previous child was killed between certify and amend)
 * is amended first. On any exception it prints the stack trace to stderr and exits with 2.
 */
public final class CrashWorker {

    /** The LAO and fiscal year every edit is for. */
    static final String LAO = "6650805";
    static final int FISCAL_YEAR = 2564;
    /** The domains edited: their integer items (all top-level) are the ones saved. */
    static final List<String> DOMAINS = List.of("infrastructure", "water_management", "public_health");
    /** One step in this many certifies (and amends) a domain instead of saving a value. */
    static final int CERTIFY_ONE_IN = 25;
    static final String USER = "crash-worker";
    /** The system property that names a file holding the definition as Jackson-written records. */
    static final String DEFINITION_CACHE = "crash.definition";

    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);
    static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Random random;
    private final boolean reports;
    private final SqliteAnswerRepository answers;
    private final SqliteCertificationRepository certifications;
    private final Map<String, List<Item>> items = new TreeMap<>();

    private CrashWorker(Random random, Definition definition, Store store, boolean reports) {
        this.random = random;
        this.reports = reports;
        this.answers = new SqliteAnswerRepository(store, definition.key());
        this.certifications = new SqliteCertificationRepository(store, answers);
        for (String domain : DOMAINS) {
            items.put(domain, integerItems(definition, domain));
        }
    }

    /** The integer items of a domain that the worker saves to. */
    static List<Item> integerItems(Definition definition, String domain) {
        return definition.domain(domain).orElseThrow().items().stream()
                .filter(i -> i.type() == ItemType.INTEGER)
                .toList();
    }

    public static void main(String[] args) {
        try {
            Path folder = Path.of(args[0]);
            long seed = Long.parseLong(args[1]);
            Definition definition = definition();
            if (args.length > 2) {
                warmUp(Path.of(args[2]), definition, seed);
                report("WARM");
                String word = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (!"GO".equals(word)) {
                    System.exit(0);
                }
            }
            Store store = Store.open(folder, Clock.systemUTC(), Map.of(definition.key(), definition));
            report("READY");
            new CrashWorker(new Random(seed), definition, store, true).run(Long.MAX_VALUE);
        } catch (Throwable t) {
            t.printStackTrace();
            System.err.flush();
            System.exit(2);
        }
    }

    /**
     * The FY 2564 definition: from the file named by {@value #DEFINITION_CACHE} when set (the
     * records as Jackson writes them, made by the test), else read and checked from the shipped
     * document, which costs a second of start-up.
     */
    static Definition definition() throws IOException {
        String cache = System.getProperty(DEFINITION_CACHE);
        if (cache == null) {
            return Questionnaire.fy2564().definition();
        }
        return JSON.readValue(Path.of(cache).toFile(), Definition.class);
    }

    /** Opens a scratch store, does a few of each step on it, and deletes it. */
    private static void warmUp(Path scratch, Definition definition, long seed) throws Exception {
        try (Store store = Store.open(scratch, Clock.systemUTC(), Map.of(definition.key(), definition))) {
            CrashWorker worker = new CrashWorker(new Random(~seed), definition, store, false);
            worker.run(40);
            for (String domain : DOMAINS) {
                worker.certifyAndAmend(domain);
            }
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private void run(long steps) throws Exception {
        for (String domain : DOMAINS) {
            DomainRecord current = answers.current(key(domain));
            if (!current.editable()) {
                amend(domain, current.revision());
            }
        }
        for (long step = 0; step < steps; step++) {
            String domain = DOMAINS.get(random.nextInt(DOMAINS.size()));
            if (random.nextInt(CERTIFY_ONE_IN) == 0) {
                certifyAndAmend(domain);
            } else {
                save(domain);
            }
        }
    }

    private void save(String domain) throws Exception {
        List<Item> candidates = items.get(domain);
        Item item = candidates.get(random.nextInt(candidates.size()));
        BigDecimal value = BigDecimal.valueOf(random.nextInt(1_000_000));
        int revision = answers.current(key(domain)).revision();
        String line = domain + " " + revision + " " + item.id() + " " + value.toPlainString();
        say("SAVING " + line);
        answers.save(new Edit(key(domain), item.id(), value, USER));
        say("SAVED " + line);
    }

    private void certifyAndAmend(String domain) throws Exception {
        DomainRecord current = answers.current(key(domain));
        if (current.state() == DomainState.NOT_STARTED) {
            save(domain);
            return;
        }
        byte[] payload = payload(domain, current);
        String digest = sha256(payload);
        byte[] signature = new byte[64];
        random.nextBytes(signature);
        String submissionId = new UUID(random.nextLong(), random.nextLong()).toString();
        String line = domain + " " + current.revision() + " " + submissionId + " " + digest;
        say("CERTIFYING " + line);
        certifications.certify(new Certification(key(domain), current.revision(), submissionId, payload, digest,
                signature, "Crash Test Certifier", "ปลัด อบต.", Clock.systemUTC().instant()));
        say("CERTIFIED " + line);
        amend(domain, current.revision());
    }

    private void amend(String domain, int revision) throws Exception {
        say("AMENDING " + domain + " " + revision);
        DomainRecord next = certifications.amend(key(domain), USER);
        say("AMENDED " + domain + " " + next.revision());
    }

    /**
     * The snapshot: the revision's values as JSON ({@code domain}, {@code revision},
     * {@code values}: item to plain decimal text), with random padding of up to 8 KB so that a
     * snapshot often spans several database pages and a torn write would show.
     */
    private byte[] payload(String domain, DomainRecord current) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("domain", domain);
        root.put("revision", current.revision());
        ObjectNode values = root.putObject("values");
        new TreeMap<>(current.values()).forEach((item, v) -> values.put(item, ((BigDecimal) v).toPlainString()));
        StringBuilder pad = new StringBuilder();
        for (int n = random.nextInt(8_000); pad.length() < n; ) {
            pad.append((char) ('a' + random.nextInt(26)));
        }
        root.put("pad", pad.toString());
        return JSON.writeValueAsBytes(root);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DomainKey key(String domain) {
        return new DomainKey(LAO, FISCAL_YEAR, domain);
    }

    private void say(String line) throws IOException {
        if (reports) {
            report(line);
        }
    }

    /** One line, written with one unbuffered write: it is in the pipe, whole, before this returns. */
    private static void report(String line) throws IOException {
        OUT.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
