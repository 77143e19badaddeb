package org.infodesk.app.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.OutboxRepository;
import org.infodesk.app.outbox.Outgoing;
import org.infodesk.protocol.bundle.BundleException;
import org.infodesk.protocol.bundle.BundleProblem;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;

/**
 * The LAO's side of the relay (SPEC §5): its undelivered certified submissions, or chosen ones,
 * to a bundle file for the district office; a receipts bundle from it back, each receipt checked
 * like a pushed one's ({@code OutboxSender}: it verifies with the pinned server key and names an
 * item of this outbox with its digest) before any item is marked delivered.
 */
public final class LaoRelay {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final OutboxRepository outbox;
    private final Bundles bundles;
    private final SubmissionCodec codec;
    private final Clock clock;

    public LaoRelay(OutboxRepository outbox, Bundles bundles, SubmissionCodec codec, Clock clock) {
        this.outbox = Objects.requireNonNull(outbox);
        this.bundles = Objects.requireNonNull(bundles);
        this.codec = Objects.requireNonNull(codec);
        this.clock = Objects.requireNonNull(clock);
    }

    /** A file name for an LAO's bundle made now: {@code infodesk-LAO-YYYYMMDD-HHMMSS.zip}. */
    public String suggestedName(String laoCode) {
        return "infodesk-" + laoCode + "-" + STAMP.format(clock.instant()) + ".zip";
    }

    /** What an export wrote: the file (none when there was nothing to carry) and how many submissions. */
    public record Exported(Path file, int submissions) {}

    /**
     * Writes the submissions waiting for delivery (queued, not refused), in certification order, to
     * a bundle; {@code chosen} limits them to those ids (null: all). The file is read back with the
     * district's own checks before it counts as written; nothing is written when nothing waits.
     *
     * @param keyId the key id of this device's key, which signed the submissions
     */
    public Exported export(Path file, String laoCode, PublicKey deviceKey, String keyId, Set<String> chosen)
            throws StoreException, BundleException, IOException {
        List<Bundles.Item> items = new ArrayList<>();
        for (Outgoing item : outbox.queued(Integer.MAX_VALUE)) {
            if (chosen == null || chosen.contains(item.submissionId())) {
                byte[] envelope = SubmissionCodec.envelopeBytes(item.payload(), item.digest(), item.signature(), keyId);
                items.add(new Bundles.Item(UUID.fromString(item.submissionId()), envelope));
            }
        }
        if (items.isEmpty()) {
            return new Exported(null, 0);
        }
        bundles.writeSubmissions(file, laoCode, deviceKey, clock.instant(), items);
        try {
            bundles.readSubmissions(file, codec);
        } catch (BundleException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new Exported(file, items.size());
    }

    /** What importing receipts did: items marked delivered now, and items that already were. */
    public record ReceiptsImported(int delivered, int alreadyDelivered) {}

    /**
     * Imports a receipts bundle: every receipt must be for this LAO's bundle, verify with the
     * pinned server key and name an item of this outbox (with its digest, for an item still
     * waiting); otherwise the whole file is refused and nothing is marked. The items are marked
     * in one transaction; importing the same file again changes nothing.
     */
    public ReceiptsImported importReceipts(Path file, String laoCode, PublicKey serverKey)
            throws StoreException, BundleException {
        Bundles.Receipts bundle = bundles.readReceipts(file);
        String name = bundle.file();
        if (!bundle.manifest().laoCode().equals(laoCode)) {
            throw new BundleException(BundleProblem.Code.WRONG_LAO, name,
                    "receipts of LAO " + bundle.manifest().laoCode() + ", this is " + laoCode);
        }
        Map<String, Outgoing> waiting = new HashMap<>();
        for (Outgoing item : outbox.queued(Integer.MAX_VALUE)) {
            waiting.put(item.submissionId(), item);
        }
        Set<String> delivered = new HashSet<>();
        for (OutboxEntry entry : outbox.entries(Integer.MAX_VALUE)) {
            if (entry.state() == OutboxItem.State.DELIVERED) {
                delivered.add(entry.submissionId());
            }
        }
        Map<String, byte[]> toMark = new java.util.LinkedHashMap<>();
        int already = 0;
        for (Receipt receipt : bundle.receipts()) {
            String id = receipt.submissionId().toString();
            if (!receipt.verifies(serverKey)) {
                throw new BundleException(BundleProblem.Code.BAD_RECEIPT, name,
                        id + ": does not verify with the server key pinned at enrolment");
            }
            Outgoing item = waiting.get(id);
            if (item != null) {
                if (!receipt.confirms(serverKey, receipt.submissionId(), item.digest())) {
                    throw new BundleException(BundleProblem.Code.BAD_RECEIPT, name, id + ": for another digest than this PC's");
                }
                toMark.put(id, WireCodec.write(receipt));
            } else if (delivered.contains(id)) {
                already++;
            } else {
                throw new BundleException(BundleProblem.Code.BAD_RECEIPT, name, id + ": no submission of this PC waits for it");
            }
        }
        outbox.markAllDelivered(toMark);
        return new ReceiptsImported(toMark.size(), already);
    }
}
