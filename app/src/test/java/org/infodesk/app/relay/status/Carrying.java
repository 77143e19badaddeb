package org.infodesk.app.relay.status;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.infodesk.app.definitions.DefinitionDocuments;
import org.infodesk.protocol.bundle.BundleManifest;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.DefinitionException;
import org.infodesk.protocol.definition.DefinitionReader;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.Certifier;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionIds;
import org.infodesk.protocol.submission.SubmissionPayload;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.Outcome;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;

/** What a district carries for the board's tests: an LAO's signed envelopes as a checked bundle, receipts, statuses. */
public final class Carrying {

    public static final Definition FY2564 = Questionnaire.fy2564().definition();
    public static final Definition FY2565 = read(DefinitionDocuments.named(2565, 1));
    public static final SubmissionCodec CODEC = new SubmissionCodec(DefinitionLookup.of(FY2564, FY2565));
    public static final KeyPair SERVER = Ed25519Keys.generate();
    private static final SubmissionIds IDS = new SubmissionIds();

    private final String laoCode;
    private final KeyPair device = Ed25519Keys.generate();
    private final List<Bundles.Carried> envelopes = new ArrayList<>();

    public Carrying(String laoCode) {
        this.laoCode = laoCode;
    }

    /** One domain's revision certified by the LAO (no values: the board reads no values); its id. */
    public String certified(int fiscalYear, String domainId, int revision) {
        Definition definition = fiscalYear == 2565 ? FY2565 : FY2564;
        SubmissionPayload payload = new SubmissionPayload(IDS.next(), laoCode, fiscalYear, domainId, revision,
                revision > 1 ? revision - 1 : null, definition.id(), definition.version(), Map.of(), Map.of(),
                new Certifier("malee", "มาลี ใจดี", "ปลัด อบต."), Instant.parse("2021-05-31T03:00:00Z"), "device-" + laoCode);
        SubmissionEnvelope envelope = CODEC.sign(payload, device.getPrivate(), Ed25519Keys.keyId(device.getPublic()));
        envelopes.add(new Bundles.Carried(envelope, CODEC.canonicalPayload(payload), CODEC.write(envelope)));
        return payload.submissionId().toString();
    }

    /** What was certified so far, as the district's import would have checked it. */
    public Bundles.Submissions bundle() {
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, BundleManifest.Kind.SUBMISSIONS, laoCode,
                Instant.parse("2021-06-01T00:00:00Z"), Ed25519Keys.encode(device.getPublic()), List.of());
        return new Bundles.Submissions("infodesk-" + laoCode + ".zip", manifest, device.getPublic(), List.copyOf(envelopes));
    }

    /** The digest of a carried submission. */
    public String digest(String submissionId) {
        return envelopes.stream().filter(c -> c.envelope().payload().submissionId().toString().equals(submissionId))
                .findFirst().orElseThrow().envelope().digest();
    }

    /** The server's receipt of a carried submission, received at a time, as its JSON. */
    public byte[] receipt(String submissionId, Instant receivedAt) {
        return WireCodec.write(Receipt.sign(UUID.fromString(submissionId), digest(submissionId), receivedAt, Outcome.ACCEPTED,
                SERVER.getPrivate(), Ed25519Keys.keyId(SERVER.getPublic())));
    }

    /** A {@code lao_status} change as the server sends it. */
    public static Change.LaoStatus status(String lao, int fiscalYear, String domain, int revision, Change.State state,
            Instant receivedAt) {
        return new Change.LaoStatus(lao, fiscalYear, domain, revision, IDS.next(), state, receivedAt);
    }

    private static Definition read(byte[] bytes) {
        try {
            return DefinitionReader.read(bytes);
        } catch (DefinitionException e) {
            throw new IllegalStateException(e);
        }
    }
}
