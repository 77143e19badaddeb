package org.infodesk.server.ingest;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.rules.Finding;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionException;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.protocol.wire.ConflictHead;
import org.infodesk.protocol.wire.ItemOutcome;
import org.infodesk.protocol.wire.ItemProblem;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.PushBatch;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireFinding;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.keys.ServerKeys;
import org.infodesk.server.registry.Lao;
import org.infodesk.server.registry.Registry;

/**
 * Judges a pushed batch envelope by envelope, in SPEC §4.6's order (read, who signed, verify,
 * exactly once, supersede, the rules, store), one {@link ItemOutcome} per envelope in the order
 * pushed. An envelope's outcome never depends on another's; nothing is stored for a refused one.
 * The batch as a whole (its gzip, its JSON, its limits) was read before, by the HTTP layer.
 */
public final class Ingest {

    private static final HexFormat HEX = HexFormat.of();
    private static final java.util.Base64.Encoder BASE64URL = java.util.Base64.getUrlEncoder().withoutPadding();

    private final Enrolment enrolment;
    private final Registry registry;
    private final SubmissionStore store;
    private final ServerKeys keys;
    private final Map<String, Questionnaire> questionnaires = new LinkedHashMap<>();
    private final SubmissionCodec codec;

    /**
     * @param questionnaires the definitions the server judges with (an envelope naming another is
     *                       {@code REJECTED} with {@code UNKNOWN_DEFINITION})
     */
    public Ingest(Enrolment enrolment, Registry registry, SubmissionStore store, ServerKeys keys,
            List<Questionnaire> questionnaires) {
        this.enrolment = enrolment;
        this.registry = registry;
        this.store = store;
        this.keys = keys;
        for (Questionnaire q : questionnaires) {
            this.questionnaires.put(key(q.definition().id(), q.definition().fiscalYear(), q.definition().version()), q);
        }
        this.codec = new SubmissionCodec(DefinitionLookup.of(
                questionnaires.stream().map(Questionnaire::definition).toArray(Definition[]::new)));
    }

    private static String key(String id, int fiscalYear, int version) {
        return id + "/" + fiscalYear + "/" + version;
    }

    /** How far one envelope got: an outcome already, or judged fit to store (step 7). */
    private sealed interface Judged {
        record Done(ItemOutcome outcome) implements Judged {}

        /** Read, signed by a device that may deliver it, verified (steps 1 to 3): to precheck and judge by the rules. */
        record Verified(SubmissionStore.Incoming incoming, SubmissionPayload payload) implements Judged {}
    }

    /**
     * The outcomes of a batch pushed by an authenticated, not revoked device: each envelope judged
     * on its own (steps 1 to 6), then those fit to store stored together, each as if alone, in one
     * transaction (step 7, {@link SubmissionStore#storeAll}).
     */
    public PushResult push(Enrolment.Device pusher, PushBatch batch) throws SQLException {
        int n = batch.envelopes().size();
        ItemOutcome[] outcomes = new ItemOutcome[n];
        List<Integer> positions = new ArrayList<>();
        List<SubmissionStore.Incoming> toStore = new ArrayList<>();
        // The signing device of each key, looked up once a batch (a batch is mostly one device's).
        Map<String, Optional<Enrolment.Device>> signers = new java.util.HashMap<>();
        List<Integer> verifiedAt = new ArrayList<>();
        List<Judged.Verified> verified = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Judged judged = verify(pusher, batch.envelope(i), signers);
            if (judged instanceof Judged.Done done) {
                outcomes[i] = done.outcome();
            } else {
                verifiedAt.add(i);
                verified.add((Judged.Verified) judged);
            }
        }
        // 4 and 5. Exactly once and supersede, as the stored rows tell now (the store decides again, atomically).
        List<Optional<SubmissionStore.Outcome>> already = store.precheckAll(verified.stream().map(Judged.Verified::incoming).toList());
        for (int k = 0; k < verified.size(); k++) {
            Judged.Verified item = verified.get(k);
            ItemOutcome decided = already.get(k).isPresent()
                    ? outcome(already.get(k).get(), item.incoming().submissionId(), HEX.formatHex(item.incoming().digest()))
                    : byTheRules(item);
            if (decided != null) {
                outcomes[verifiedAt.get(k)] = decided;
            } else {
                positions.add(verifiedAt.get(k));
                toStore.add(item.incoming());
            }
        }
        if (!toStore.isEmpty()) {
            List<SubmissionStore.Outcome> stored = store.storeAll(toStore, (in, receivedAt) -> {
                Receipt receipt = keys.receipt(in.submissionId(), HEX.formatHex(in.digest()), receivedAt, Outcome.ACCEPTED);
                return new SubmissionStore.Receipt(receivedAt, receipt.canonicalBytes(),
                        java.util.Base64.getUrlDecoder().decode(receipt.signature()), receipt.serverKeyId());
            });
            for (int k = 0; k < positions.size(); k++) {
                SubmissionStore.Incoming in = toStore.get(k);
                outcomes[positions.get(k)] = outcome(stored.get(k), in.submissionId(), HEX.formatHex(in.digest()));
            }
        }
        return new PushResult(List.of(outcomes));
    }

    /** One envelope, SPEC §4.6 steps 1 to 3: an outcome, or verified. */
    private Judged verify(Enrolment.Device pusher, byte[] bytes, Map<String, Optional<Enrolment.Device>> signers)
            throws SQLException {
        // 1. Read (§3.7) with the definitions the server knows.
        SubmissionCodec.Read read;
        try {
            read = codec.readCanonical(bytes);
        } catch (SubmissionException e) {
            return new Judged.Done(ItemOutcome.rejected(null, e));
        }
        SubmissionEnvelope envelope = read.envelope();
        SubmissionPayload payload = envelope.payload();
        UUID id = payload.submissionId();

        // 2. Who signed, and may the pushing device deliver it.
        Optional<Enrolment.Device> found = signers.get(envelope.keyId());
        if (found == null) {
            found = enrolment.deviceByKeyId(envelope.keyId());
            signers.put(envelope.keyId(), found);
        }
        if (found.isEmpty()) {
            return unauthorized(id, ItemProblem.UNKNOWN_KEY, "key " + envelope.keyId() + " is not pinned for any device");
        }
        Enrolment.Device signer = found.get();
        if (!payload.deviceId().equals(signer.id().toString()) && !payload.deviceId().equals(envelope.keyId())) {
            return unauthorized(id, ItemProblem.UNKNOWN_KEY, "key " + envelope.keyId() + " is pinned for device " + signer.id()
                    + ", not for device " + payload.deviceId());
        }
        if (signer.revoked()) {
            return unauthorized(id, ItemProblem.ORIGIN_REVOKED, "device " + signer.id() + " is revoked");
        }
        if (signer.kind() != Enrolment.Kind.LAO || !payload.laoCode().equals(signer.laoCode())) {
            return unauthorized(id, ItemProblem.WRONG_LAO, "LAO " + payload.laoCode() + " is not the signing device's");
        }
        if (pusher.kind() == Enrolment.Kind.LAO && !payload.laoCode().equals(pusher.laoCode())) {
            return unauthorized(id, ItemProblem.WRONG_LAO, "LAO " + payload.laoCode() + " is not the pushing device's");
        }
        if (pusher.kind() == Enrolment.Kind.DISTRICT && !inDistrict(payload.laoCode(), pusher)) {
            return unauthorized(id, ItemProblem.OUTSIDE_DISTRICT, "LAO " + payload.laoCode() + " is not in district "
                    + pusher.districtCode());
        }

        // 3. Verify (§3.4) with the pinned key, on the canonical bytes that are stored (made once, by the reading).
        byte[] canonical = read.canonicalPayload();
        try {
            SubmissionCodec.verifyCanonical(canonical, envelope.digest(), envelope.signature(), signer.publicKey());
        } catch (SubmissionException e) {
            return new Judged.Done(ItemOutcome.rejected(id, e));
        }

        SubmissionStore.Incoming incoming = new SubmissionStore.Incoming(id, payload.laoCode(), payload.fiscalYear(),
                payload.domainId(), payload.revision(), payload.supersedes(), payload.definitionKey(),
                HEX.parseHex(envelope.digest()), canonical, payload.certifiedAt(), envelope.signatureBytes(), envelope.keyId(),
                signer.id(), pusher.id().equals(signer.id()) ? null : pusher.id());

        return new Judged.Verified(incoming, payload);
    }

    /** Step 6, the rules with the definition the payload names: a refusal, or null when it may be stored. */
    private ItemOutcome byTheRules(Judged.Verified item) {
        SubmissionPayload payload = item.payload();
        UUID id = payload.submissionId();
        SubmissionJudge.Verdict verdict = SubmissionJudge.judge(questionnaires.get(payload.definitionKey()),
                payload.domainId(), payload.values(), payload.justifications());
        if (!verdict.errors().isEmpty()) {
            return ItemOutcome.refused(id, Outcome.REJECTED, ItemProblem.RULE_ERRORS.name(), wire(verdict.errors()),
                    verdict.errors().size() + " error finding(s)");
        }
        if (!verdict.unjustified().isEmpty()) {
            return ItemOutcome.refused(id, Outcome.REJECTED, ItemProblem.UNJUSTIFIED_WARNINGS.name(), wire(verdict.unjustified()),
                    verdict.unjustified().size() + " warning(s) without a justification");
        }
        return null;
    }

    private static List<WireFinding> wire(List<Finding> findings) {
        return findings.stream().map(WireFinding::of).toList();
    }

    private boolean inDistrict(String laoCode, Enrolment.Device district) throws SQLException {
        Optional<Lao> lao = registry.find(laoCode);
        return lao.isPresent() && lao.get().province().equals(district.province())
                && lao.get().district().equals(district.district());
    }

    private static Judged unauthorized(UUID id, ItemProblem code, String detail) {
        return new Judged.Done(ItemOutcome.refused(id, Outcome.UNAUTHORIZED, code.name(), List.of(), detail));
    }

    private ItemOutcome outcome(SubmissionStore.Outcome stored, UUID id, String digest) {
        if (stored instanceof SubmissionStore.Outcome.Accepted accepted) {
            // The receipt signed and stored in the transaction, not signed again: with the JDK's Ed25519 a
            // signature costs about as much as verifying the envelope (docs/PERFORMANCE.md, ingest).
            return ItemOutcome.delivered(new Receipt(accepted.submissionId(), digest, accepted.receivedAt(), Outcome.ACCEPTED,
                    accepted.receipt().keyId(), BASE64URL.encodeToString(accepted.receipt().signature())));
        }
        if (stored instanceof SubmissionStore.Outcome.Duplicate duplicate) {
            // The same received_at as the first receipt (SPEC §4.7); signed again as a DUPLICATE.
            return ItemOutcome.delivered(keys.receipt(duplicate.submissionId(), digest, duplicate.receivedAt(), Outcome.DUPLICATE));
        }
        if (stored instanceof SubmissionStore.Outcome.IdReused reused) {
            return ItemOutcome.refused(reused.submissionId(), Outcome.CONFLICT, ItemProblem.ID_REUSED.name(), List.of(),
                    "the submission id is stored with another digest");
        }
        SubmissionStore.Outcome.Conflict conflict = (SubmissionStore.Outcome.Conflict) stored;
        return ItemOutcome.conflict(id, new ConflictHead(conflict.headSubmissionId(), conflict.headRevision()));
    }
}
