package org.infodesk.app.relay;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.OutboxSender;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.protocol.bundle.BundleException;
import org.infodesk.protocol.bundle.BundleProblem;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.submission.SubmissionCodec;

/**
 * The district office's side of the relay (SPEC §5, ADR 0010): imports many LAOs' bundles (each
 * file checked whole and kept whole or not at all; a refused file does not stop the others),
 * pushes what it carries through the outbox's {@link OutboxSender} with the district device's
 * token (the server verifies each envelope with the LAO device's pinned key), and writes a
 * receipts bundle per LAO from the receipts that came back.
 */
public final class DistrictRelay {

    private final RelayRepository relay;
    private final Bundles bundles;
    private final SubmissionCodec codec;
    private final String districtCode;
    private final Clock clock;

    /**
     * @param districtCode the district the device is enrolled for (SPEC §4.4): the 4 digits PP AA
     *                     that its LAOs' codes T PP AA NN carry
     */
    public DistrictRelay(RelayRepository relay, Bundles bundles, SubmissionCodec codec, String districtCode, Clock clock) {
        this.relay = Objects.requireNonNull(relay);
        this.bundles = Objects.requireNonNull(bundles);
        this.codec = Objects.requireNonNull(codec);
        if (districtCode == null || !districtCode.matches("[0-9]{4}")) {
            throw new IllegalArgumentException("district code " + districtCode);
        }
        this.districtCode = districtCode;
        this.clock = Objects.requireNonNull(clock);
    }

    /** What became of one file. */
    public sealed interface FileOutcome {
        Path file();

        /** Kept: {@code added} envelopes new here, {@code alreadyHeld} held before (the same file again). */
        record Imported(Path file, String laoCode, int added, int alreadyHeld) implements FileOutcome {}

        /** Refused whole, with its reason; nothing of it was kept. */
        record Refused(Path file, BundleProblem problem) implements FileOutcome {}
    }

    /** Imports each file in turn; a refused file is reported and the next one imported. */
    public List<FileOutcome> importFiles(List<Path> files) throws StoreException {
        return importFiles(files, outcome -> { });
    }

    /**
     * Imports each file in turn, telling {@code each} what became of a file as soon as it is
     * known (a screen lists refused files while the import goes on).
     */
    public List<FileOutcome> importFiles(List<Path> files, Consumer<FileOutcome> each) throws StoreException {
        List<FileOutcome> out = new ArrayList<>(files.size());
        for (Path file : files) {
            FileOutcome outcome = importFile(file);
            out.add(outcome);
            each.accept(outcome);
        }
        return out;
    }

    /** Imports every {@code .zip} file of a folder (not its sub-folders), in name order. */
    public List<FileOutcome> importFolder(Path folder) throws StoreException, IOException {
        return importFiles(bundleFiles(folder));
    }

    /** The bundle files of a folder: every {@code .zip} file (not its sub-folders), in name order. */
    public static List<Path> bundleFiles(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(folder, "*.{zip,ZIP}")) {
            for (Path p : listing) {
                if (Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        return files;
    }

    private FileOutcome importFile(Path file) throws StoreException {
        try {
            Bundles.Submissions bundle = bundles.readSubmissions(file, codec);
            String lao = bundle.manifest().laoCode();
            if (!inDistrict(lao)) {
                throw new BundleException(BundleProblem.Code.OUTSIDE_DISTRICT, bundle.file(),
                        "LAO " + lao + ", district " + districtCode);
            }
            RelayRepository.Held held = relay.hold(bundle);
            if (!held.reused().isEmpty()) {
                throw new BundleException(BundleProblem.Code.ID_REUSED, bundle.file(), String.join(", ", held.reused()));
            }
            return new FileOutcome.Imported(file, lao, held.added(), held.alreadyHeld());
        } catch (BundleException e) {
            return new FileOutcome.Refused(file, e.problem());
        }
    }

    /** Whether an LAO code (T PP AA NN) is of this district (PP AA); the server judges again by its registry. */
    boolean inDistrict(String laoCode) {
        return laoCode.length() == 7 && laoCode.substring(1, 5).equals(districtCode);
    }

    /** How a push goes, after each round: for a progress bar. */
    @FunctionalInterface
    public interface Progress {
        void pushed(int delivered, int refused, int waiting);
    }

    /** What a push came to: envelopes delivered and refused in it, and the round it ended with. */
    public record Pushed(int delivered, int refused, OutboxSender.Round last) {}

    /** A sender of what this office carries, with the district device's enrolment. */
    public OutboxSender sender(ServerLink link, ServerAccount account, String deviceKeyId, Backoff backoff) {
        if (!account.enrolment().relays()) {
            throw new IllegalArgumentException("not enrolled as a district office");
        }
        return new OutboxSender(relay, link, account, deviceKeyId, backoff);
    }

    /**
     * Pushes batch after batch until nothing waits, the server asks to wait (the round says how
     * long) or stops the device, or {@code maxRounds} have gone.
     */
    public Pushed push(OutboxSender sender, Progress progress, int maxRounds) throws StoreException {
        int delivered = 0;
        int refused = 0;
        OutboxSender.Round round = new OutboxSender.Round.Idle();
        for (int i = 0; i < maxRounds; i++) {
            round = sender.sendBatch();
            if (round instanceof OutboxSender.Round.Sent sent) {
                delivered += sent.delivered();
                refused += sent.refused();
                progress.pushed(delivered, refused, (int) relay.undelivered().stream()
                        .filter(item -> item.state() != OutboxItem.State.REFUSED).count());
            } else {
                break;
            }
        }
        return new Pushed(delivered, refused, round);
    }

    /**
     * Writes a receipts bundle for each LAO with delivered envelopes, {@code receipts-LAO.zip} in
     * the folder (replacing an older one: each holds all of that LAO's receipts); returns the files.
     */
    public List<Path> exportReceipts(Path folder) throws StoreException, IOException {
        List<Path> written = new ArrayList<>();
        for (RelayRepository.LaoCount lao : relay.byLao()) {
            List<RelayRepository.HeldReceipt> receipts = relay.receipts(lao.laoCode());
            if (receipts.isEmpty()) {
                continue;
            }
            int most = bundles.limits().maxEntries() - 1;
            for (int from = 0, part = 1; from < receipts.size(); from += most, part++) {
                List<Bundles.Item> items = new ArrayList<>();
                for (RelayRepository.HeldReceipt r : receipts.subList(from, Math.min(receipts.size(), from + most))) {
                    items.add(new Bundles.Item(UUID.fromString(r.submissionId()), r.receipt()));
                }
                Path file = folder.resolve("receipts-" + lao.laoCode() + (part == 1 ? "" : "-" + part) + ".zip");
                bundles.writeReceipts(file, lao.laoCode(), clock.instant(), items);
                written.add(file);
            }
        }
        return written;
    }
}
