package org.infodesk.app.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.bundle.BundleLimits;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.protocol.wire.PushBatch;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The district's push against a scripted server: the envelopes go out byte for byte as the LAO's
 * device signed them, naming its key (not the district's), and only receipts that verify with the
 * district's pinned server key deliver them; progress is told after each round.
 */
class DistrictPushTest {

    static final KeyPair SERVER = Ed25519Keys.generate();

    MockWebServer server;
    InMemoryRelayRepository carried;
    DistrictRelay relay;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        carried = new InMemoryRelayRepository();
        relay = new DistrictRelay(carried, new Bundles(BundleLimits.DEFAULT), RelayRepositoryContract.CODEC, "6508",
                Clock.systemUTC());
        carried.hold(RelayRepositoryContract.vectors());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    OutboxSender sender() {
        EnrolmentResponse district = new EnrolmentResponse("district-1", "B".repeat(43), Ed25519Keys.encode(SERVER.getPublic()),
                Ed25519Keys.keyId(SERVER.getPublic()), null, "6508", ProtocolLimits.DEFAULT);
        ServerAccount account = new ServerAccount(server.url("/"), district, Instant.now());
        return relay.sender(new ServerLink(new OkHttpClient(), server.url("/"), Clock.systemUTC()), account, "district-key",
                new Backoff(Backoff.FIRST, Backoff.MOST, new Random(3)));
    }

    static MockResponse answer(List<ItemOutcome> outcomes) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader(Routes.PROTOCOL_HEADER, Routes.PROTOCOL_VERSION)
                .body(new String(WireCodec.write(new PushResult(outcomes)), StandardCharsets.UTF_8)).build();
    }

    static List<ItemOutcome> receipts(KeyPair key) throws Exception {
        List<ItemOutcome> out = new ArrayList<>();
        for (SubmissionVectors.EnvelopeCase c : SubmissionVectors.envelopeCases()) {
            out.add(ItemOutcome.delivered(Receipt.sign(RelayRepositoryContract.idOf(c), c.digest(),
                    Instant.parse("2021-10-01T01:00:00Z"), Outcome.ACCEPTED, key.getPrivate(), Ed25519Keys.keyId(SERVER.getPublic()))));
        }
        return out;
    }

    @Test
    void theLaosEnvelopesArePushedAsSignedAndDeliveredByReceiptsThatVerify() throws Exception {
        server.enqueue(answer(receipts(SERVER)));
        List<int[]> progress = new ArrayList<>();

        DistrictRelay.Pushed pushed = relay.push(sender(), (d, r, w) -> progress.add(new int[] {d, r, w}), 10);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + "B".repeat(43));
        PushBatch batch = WireCodec.readBatch(request.getBody().toByteArray(), ProtocolLimits.DEFAULT);
        List<SubmissionVectors.EnvelopeCase> cases = SubmissionVectors.envelopeCases();
        assertThat(batch.envelopes()).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            assertThat(batch.envelope(i)).isEqualTo(cases.get(i).envelope());
        }
        assertThat(pushed.delivered()).isEqualTo(3);
        assertThat(pushed.last()).isInstanceOf(OutboxSender.Round.Idle.class);
        assertThat(progress).hasSize(1);
        assertThat(progress.get(0)).containsExactly(3, 0, 0);
        assertThat(carried.receipts("5650801")).hasSize(3);
    }

    @Test
    void receiptsSignedWithAnotherKeyDeliverNothingAndThePushStopsToWait() throws Exception {
        server.enqueue(answer(receipts(Ed25519Keys.generate())));

        DistrictRelay.Pushed pushed = relay.push(sender(), (d, r, w) -> { }, 10);

        assertThat(pushed.delivered()).isZero();
        assertThat(pushed.last()).isInstanceOf(OutboxSender.Round.Wait.class);
        assertThat(carried.queued(10)).hasSize(3);
        assertThat(carried.receipts("5650801")).isEmpty();
    }
}
