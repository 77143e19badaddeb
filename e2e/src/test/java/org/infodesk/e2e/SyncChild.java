package org.infodesk.e2e;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteDeviceRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.ProtocolLimits;

/**
 * The app's sync core in a process of its own, for {@link SyncKillTest}: opens an office's data
 * folder, sends its outbox to a server round after round (one item a batch, so that a run has
 * many rounds to be killed in) and reports each round on stdout; exits 0 when nothing is left.
 * With {@code --once} it stops after the first round whatever it was (the class-sharing training).
 * With {@code --warm FOLDER} it first opens and closes the store of a scratch copy (so that its
 * start-up is done while another child still has the office's folder), prints {@code WARM} and
 * waits for a line on stdin before it opens the office's folder.
 *
 * <p>Arguments: the data folder, the server's address, then {@code --once} or {@code --warm FOLDER}.
 */
public final class SyncChild {

    private SyncChild() {}

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        HttpUrl server = HttpUrl.get(args[1]);
        boolean once = args.length > 2 && args[2].equals("--once");
        if (args.length > 3 && args[2].equals("--warm")) {
            try (Store scratch = StoreFixture.open(Path.of(args[3]), Clock.systemUTC())) {
                new SqliteAccountRepository(scratch).current();
                new SqliteOutboxRepository(scratch).queued(1);
            }
            new OkHttpClient().newBuilder().build();
            System.out.println("WARM");
            if (new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                    .readLine() == null) {
                return;
            }
        }
        try (Store store = StoreFixture.open(folder, Clock.systemUTC())) {
            DeviceKeys keys = DeviceKeys.loadOrCreate(folder, new SqliteDeviceRepository(store));
            ServerAccount account = new SqliteAccountRepository(store).current().orElseThrow();
            EnrolmentResponse e = account.enrolment();
            ServerAccount twoABatch = new ServerAccount(server, new EnrolmentResponse(e.deviceId(), e.token(), e.serverPublicKey(),
                    e.serverKeyId(), e.laoCode(), e.districtCode(), new ProtocolLimits(2L << 20, 16L << 20, 1, 1 << 20, 120, 1000)),
                    account.enrolledAt());
            ServerLink link = new ServerLink(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(20)).build(), server,
                    Clock.systemUTC());
            OutboxSender sender = new OutboxSender(new SqliteOutboxRepository(store), link, twoABatch, keys.keyId(),
                    new Backoff(Backoff.FIRST, Backoff.MOST, new Random()));
            System.out.println("READY");
            while (true) {
                OutboxSender.Round round = sender.sendBatch();
                System.out.println("ROUND " + round.getClass().getSimpleName());
                if (round instanceof OutboxSender.Round.Idle || once) {
                    break;
                }
                if (round instanceof OutboxSender.Round.Stopped stopped) {
                    System.out.println("STOPPED " + stopped);
                    System.exit(3);
                }
            }
        }
        System.out.println("DONE");
    }
}
