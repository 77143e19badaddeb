package org.infodesk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.infodesk.app.sync.Exchange;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.submission.Certifier;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionIds;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.protocol.wire.Gzip;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.registry.Lao;
import org.infodesk.server.registry.Registry;
import org.infodesk.server.registry.RegistryCsv;
import org.infodesk.server.shell.InfoDeskServer;
import org.infodesk.server.shell.ServerConfig;

/**
 * Issue 7, acceptance 4: what one office's 8 certified domains cost on the wire and how long they
 * take over a rural link. The app's own transport ({@link ServerLink}, OkHttp) pushes the 8 signed
 * domains of one LAO as one gzip batch to the real server (embedded PostgreSQL) through a relay
 * that shapes the link: 64 kbit/s each way and 250 ms each way (500 ms round trips), a new
 * connection each run (its handshake included). It counts every byte the relay carries each way
 * (HTTP headers included) and compares them with gzip of each domain's canonical payload alone.
 *
 * <p>{@code ./bench wire [runs]} (default 5).
 */
public final class WireBench {

    static final int BYTES_PER_SECOND = 64_000 / 8;
    static final Duration ONE_WAY = Duration.ofMillis(250);

    private WireBench() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path folder = Files.createTempDirectory("infodesk-wire");
        ServerConfig config = ServerConfig.resolve(null, Map.of(), Map.of("host", "127.0.0.1", "port", "0",
                "data-dir", folder.resolve("server").toString()));
        try (InfoDeskServer server = InfoDeskServer.start(config)) {
            List<Lao> laos = RegistryCsv.read(RegistryCsv.sample());
            new Registry(server.database().dataSource()).importAll(laos);
            Enrolment enrolment = new Enrolment(server.database().dataSource(), Clock.systemUTC());
            IngestBench.Justified answers = IngestBench.Justified.of(3);
            SubmissionIds ids = new SubmissionIds();
            System.out.printf(Locale.ROOT, "link: %d bit/s each way, %d ms each way (%d ms round trips); a new connection each run%n",
                    BYTES_PER_SECOND * 8, ONE_WAY.toMillis(), ONE_WAY.toMillis() * 2);
            long[] times = new long[runs];
            double[] perDomain = new double[runs];
            for (int run = 0; run < runs; run++) {
                String lao = laos.get(run % laos.size()).code();
                KeyPair keys = Ed25519Keys.generate();
                Enrolment.IssuedCode issued = enrolment.issue(new Enrolment.Target.OfLao(lao), Duration.ofDays(1));
                Enrolment.Redemption.Enrolled device = (Enrolment.Redemption.Enrolled) enrolment.redeem(issued.code(), keys.getPublic());
                List<byte[]> envelopes = new ArrayList<>();
                long gzipPayloads = 0;
                for (Domain domain : IngestBench.DEFINITION.domains()) {
                    SubmissionPayload payload = new SubmissionPayload(ids.next(), lao, IngestBench.DEFINITION.fiscalYear(), domain.id(),
                            1, null, IngestBench.DEFINITION.id(), IngestBench.DEFINITION.version(), answers.values().get(domain.id()),
                            answers.justifications().get(domain.id()), new Certifier("somchai.j", "นายสมชาย ใจดี", "ปลัดเทศบาล"),
                            Instant.parse("2026-11-26T02:30:15.250Z"), Ed25519Keys.keyId(keys.getPublic()));
                    SubmissionEnvelope envelope = IngestBench.CODEC.sign(payload, keys.getPrivate(), Ed25519Keys.keyId(keys.getPublic()));
                    envelopes.add(IngestBench.CODEC.write(envelope));
                    gzipPayloads += Gzip.compress(IngestBench.CODEC.canonicalPayload(payload)).length;
                }
                try (ShapedLink link = new ShapedLink(server.port())) {
                    ServerLink client = new ServerLink(new OkHttpClient.Builder().readTimeout(Duration.ofMinutes(2))
                            .connectionPool(new ConnectionPool(0, 1, java.util.concurrent.TimeUnit.SECONDS)).build(),
                            HttpUrl.get("http://127.0.0.1:" + link.port() + "/"), Clock.systemUTC());
                    long start = System.nanoTime();
                    Exchange<PushResult> pushed = client.push(device.token(), envelopes);
                    long nanos = System.nanoTime() - start;
                    if (!(pushed instanceof Exchange.Answered<PushResult> answered)
                            || !answered.value().outcomes().stream().map(ItemOutcome::outcome).allMatch(o -> o == Outcome.ACCEPTED)) {
                        System.out.println("run " + run + ": not delivered: " + pushed);
                        System.exit(1);
                        return;
                    }
                    long up = link.upstream.get();
                    long down = link.downstream.get();
                    times[run] = nanos / 1_000_000;
                    perDomain[run] = (up + down) / 8.0;
                    System.out.printf(Locale.ROOT, "run %d: 8 domains delivered in %,d ms; on the wire %,d bytes up and %,d down"
                                    + " (%,.0f a domain, both ways); gzip of the 8 canonical payloads alone %,d bytes (%,.0f a domain):"
                                    + " %.2fx%n", run + 1, times[run], up, down, perDomain[run], gzipPayloads, gzipPayloads / 8.0,
                            perDomain[run] / (gzipPayloads / 8.0));
                }
            }
            Arrays.sort(times);
            Arrays.sort(perDomain);
            System.out.printf(Locale.ROOT, "median of %d runs: 8 domains in %,d ms over %d kbit/s with %d ms round trips;"
                    + " %,.0f bytes a domain on the wire, both ways%n", runs, times[runs / 2], BYTES_PER_SECOND * 8 / 1000,
                    ONE_WAY.toMillis() * 2, perDomain[runs / 2]);
        }
    }

    /**
     * A TCP relay on loopback that carries bytes as a slow, far link does: each chunk leaves no
     * sooner than {@link #ONE_WAY} after it arrived, and each direction carries at most
     * {@link #BYTES_PER_SECOND}. Counts the bytes each way.
     */
    static final class ShapedLink implements AutoCloseable {
        final AtomicLong upstream = new AtomicLong();
        final AtomicLong downstream = new AtomicLong();
        private final ServerSocket listener;
        private final int target;

        ShapedLink(int target) throws IOException {
            this.target = target;
            this.listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            Thread accept = new Thread(this::accept, "shaped-link");
            accept.setDaemon(true);
            accept.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Socket server = new Socket();
                    server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target));
                    start(client, server, upstream);
                    start(server, client, downstream);
                } catch (IOException e) {
                    return;
                }
            }
        }

        private static void start(Socket from, Socket to, AtomicLong counter) {
            Thread pump = new Thread(() -> pump(from, to, counter), "shaped-pump");
            pump.setDaemon(true);
            pump.start();
        }

        /** A chunk as it arrived; an empty one marks the end. */
        private record Chunk(long arrived, byte[] bytes) {}

        /**
         * Delivers each chunk one way-delay after it arrived, at most at the link's rate: one thread
         * reads as bytes come, another writes them when the link would have carried them.
         */
        private static void pump(Socket from, Socket to, AtomicLong counter) {
            java.util.concurrent.BlockingQueue<Chunk> queue = new java.util.concurrent.LinkedBlockingQueue<>();
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[512];
                try {
                    InputStream in = from.getInputStream();
                    int n;
                    while ((n = in.read(buffer)) >= 0) {
                        queue.add(new Chunk(System.nanoTime(), Arrays.copyOf(buffer, n)));
                    }
                } catch (IOException e) {
                    // the other side closed
                }
                queue.add(new Chunk(System.nanoTime(), new byte[0]));
            }, "shaped-reader");
            reader.setDaemon(true);
            reader.start();
            long freeAt = 0;
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    long sendAt = Math.max(chunk.arrived() + ONE_WAY.toNanos(), freeAt);
                    sleepUntil(sendAt);
                    if (chunk.bytes().length == 0) {
                        break;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                    freeAt = sendAt + chunk.bytes().length * 1_000_000_000L / BYTES_PER_SECOND;
                    counter.addAndGet(chunk.bytes().length);
                }
            } catch (IOException | InterruptedException e) {
                // the other side closed
            }
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // closed already
            }
        }

        private static void sleepUntil(long nanoTime) throws InterruptedException {
            long wait = nanoTime - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }
}
