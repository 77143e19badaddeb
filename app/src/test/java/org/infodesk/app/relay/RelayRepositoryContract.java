package org.infodesk.app.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.protocol.bundle.BundleManifest;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.fixtures.SubmissionVectors;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.junit.jupiter.api.Test;

/** What every {@link RelayRepository} does; run against the in-memory fake and SQLite. */
public abstract class RelayRepositoryContract {

    static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(Questionnaire.fy2564().definition()));

    protected abstract RelayRepository repository() throws Exception;

    /** The envelope vectors (LAO 5650801, signed with RFC 8032's test key) as a checked bundle. */
    static Bundles.Submissions vectors() throws Exception {
        List<Bundles.Carried> carried = new ArrayList<>();
        for (SubmissionVectors.EnvelopeCase c : SubmissionVectors.envelopeCases()) {
            SubmissionCodec.Read read = CODEC.readCanonical(c.envelope());
            carried.add(new Bundles.Carried(read.envelope(), read.canonicalPayload(), c.envelope()));
        }
        return bundle(carried);
    }

    static Bundles.Submissions bundle(List<Bundles.Carried> carried) {
        SubmissionVectors.TestKey key = SubmissionVectors.testKey();
        BundleManifest manifest = new BundleManifest(1, BundleManifest.Kind.SUBMISSIONS, "5650801",
                java.time.Instant.parse("2021-09-30T00:00:00Z"), key.publicKey(), List.of());
        return new Bundles.Submissions("lao-5650801.zip", manifest, key.jdkPublicKey(), carried);
    }

    /** The submission id of an envelope vector. */
    static java.util.UUID idOf(SubmissionVectors.EnvelopeCase c) throws Exception {
        return CODEC.read(c.envelope()).payload().submissionId();
    }

    static List<String> ids(Bundles.Submissions bundle) {
        return bundle.envelopes().stream().map(c -> c.envelope().payload().submissionId().toString()).toList();
    }

    @Test
    void aBundleIsHeldWholeQueuedInItsOrderWithTheLaoDevicesKeyIdAndOnceOnly() throws Exception {
        RelayRepository repo = repository();
        Bundles.Submissions bundle = vectors();

        assertThat(repo.hold(bundle)).isEqualTo(new RelayRepository.Held(3, 0, List.of()));
        assertThat(repo.hold(bundle)).isEqualTo(new RelayRepository.Held(0, 3, List.of()));

        List<Outgoing> queued = repo.queued(10);
        assertThat(queued).extracting(Outgoing::submissionId).containsExactlyElementsOf(ids(bundle));
        assertThat(queued).extracting(Outgoing::keyId).containsOnly(SubmissionVectors.testKey().keyId());
        SubmissionVectors.EnvelopeCase first = SubmissionVectors.envelopeCases().get(0);
        assertThat(queued.get(0).payload()).isEqualTo(first.canonicalPayload());
        assertThat(queued.get(0).digest()).isEqualTo(first.digest());
        assertThat(SubmissionCodec.envelopeBytes(queued.get(0).payload(), queued.get(0).digest(), queued.get(0).signature(),
                queued.get(0).keyId())).isEqualTo(first.envelope());
        assertThat(repo.queued(2)).hasSize(2);
        assertThat(repo.byLao()).containsExactly(new RelayRepository.LaoCount("5650801", 3, 0, 0));
        assertThat(repo.entries(10)).extracting(OutboxEntry::domain)
                .containsExactly("internal_governance", "innovation_education", "infrastructure");
    }

    @Test
    void aBundleReusingAHeldIdWithAnotherDigestIsNotKeptAtAll() throws Exception {
        RelayRepository repo = repository();
        Bundles.Submissions bundle = vectors();
        repo.hold(bundle(bundle.envelopes().subList(0, 1)));
        Bundles.Carried held = bundle.envelopes().get(0);
        SubmissionEnvelope e = held.envelope();
        Bundles.Carried other = new Bundles.Carried(new SubmissionEnvelope(e.payload(), "0".repeat(64), e.signature(), e.keyId()),
                held.canonicalPayload(), held.bytes());

        RelayRepository.Held result = repo.hold(bundle(List.of(bundle.envelopes().get(1), other)));

        assertThat(result.reused()).containsExactly(e.payload().submissionId().toString());
        assertThat(repo.queued(10)).extracting(Outgoing::submissionId).containsExactly(ids(bundle).get(0));
    }

    @Test
    void deliveriesRefusalsAndAttemptsAreKeptAndReceiptsListedByLao() throws Exception {
        RelayRepository repo = repository();
        Bundles.Submissions bundle = vectors();
        repo.hold(bundle);
        List<String> ids = ids(bundle);

        repo.recordAttempt(List.of(ids.get(0), ids.get(1)), "TIMED_OUT");
        repo.markDelivered(ids.get(0), "{\"receipt\":1}".getBytes());
        repo.markRefused(ids.get(1), "{\"outcome\":\"CONFLICT\"}");

        assertThat(repo.queued(10)).extracting(Outgoing::submissionId).containsExactly(ids.get(2));
        assertThat(repo.undelivered()).extracting(OutboxItem::submissionId).containsExactly(ids.get(1), ids.get(2));
        assertThat(repo.undelivered().get(0).state()).isEqualTo(OutboxItem.State.REFUSED);
        assertThat(repo.undelivered().get(0).attempts()).isEqualTo(1);
        assertThat(repo.byLao()).containsExactly(new RelayRepository.LaoCount("5650801", 3, 1, 1));
        assertThat(repo.receipts("5650801")).singleElement().satisfies(r -> {
            assertThat(r.submissionId()).isEqualTo(ids.get(0));
            assertThat(r.receipt()).isEqualTo("{\"receipt\":1}".getBytes());
        });
        assertThat(repo.receipts("6650801")).isEmpty();
        assertThat(repo.carried()).extracting(RelayRepository.Carried::laoCode).containsOnly("5650801");
        assertThat(repo.carried()).extracting(c -> c.entry().submissionId()).containsExactlyElementsOf(ids);
        assertThat(repo.carried()).extracting(c -> c.entry().state())
                .containsExactly(OutboxItem.State.DELIVERED, OutboxItem.State.REFUSED, OutboxItem.State.QUEUED);
        assertThat(repo.carried().get(0).entry().receipt()).isEqualTo("{\"receipt\":1}".getBytes());
        assertThat(repo.carried().get(1).entry().refusal()).isEqualTo("{\"outcome\":\"CONFLICT\"}");
        assertThatThrownBy(() -> repo.markDelivered("017c2516-abd2-7bb8-bd98-000000000000", new byte[1]))
                .isInstanceOf(StoreException.class);
    }
}
