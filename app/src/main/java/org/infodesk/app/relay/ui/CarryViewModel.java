package org.infodesk.app.relay.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.device.DeviceKeyException;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.i18n.ThaiDates;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.OutboxRepository;
import org.infodesk.app.relay.LaoRelay;
import org.infodesk.protocol.bundle.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LAO's "carry by USB" screen (issue 8): the certified submissions not yet delivered, each
 * chosen or not; an export of the chosen ones to a bundle file in a folder (the USB stick), and
 * an import of the receipts bundle the district office sends back. Every refusal is shown in the
 * user's language with what to do. Touches no node; called on the UI thread, slow work runs on
 * {@code background} and comes back through {@code ui}.
 */
public final class CarryViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CarryViewModel.class);

    /** The most items listed (an office has at most a few dozen waiting). */
    static final int MOST_READ = 10_000;

    /** This installation's device key, loaded when first needed. */
    @FunctionalInterface
    public interface Keys {
        DeviceKeys get() throws DeviceKeyException;
    }

    /** The server key pinned at enrolment; empty when the PC was never enrolled. */
    @FunctionalInterface
    public interface PinnedKey {
        Optional<PublicKey> get() throws StoreException;
    }

    /** One waiting submission, with whether it goes into the next bundle. */
    public static final class Line {
        private final String submissionId;
        private final String domain;
        private final int revision;
        private final String certified;
        private final BooleanProperty chosen = new SimpleBooleanProperty(true);

        Line(String submissionId, String domain, int revision, String certified) {
            this.submissionId = submissionId;
            this.domain = domain;
            this.revision = revision;
            this.certified = certified;
        }

        public String submissionId() {
            return submissionId;
        }

        public String domain() {
            return domain;
        }

        public int revision() {
            return revision;
        }

        /** When it was certified, in B.E. */
        public String certified() {
            return certified;
        }

        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }

    private final LaoRelay relay;
    private final OutboxRepository outbox;
    private final String laoCode;
    private final Keys keys;
    private final PinnedKey pinned;
    private final Messages m;
    private final ZoneId zone;
    private final Function<String, String> domainLabel;
    private final Executor background;
    private final Executor ui;

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    private final ObservableList<Line> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyStringWrapper chosenText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper noneChosen = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper suggestedName = new ReadOnlyStringWrapper("");

    /**
     * @param laoCode     this office's LAO, whose bundles it writes and whose receipts it takes
     * @param domainLabel a domain's name for a domain id
     */
    public CarryViewModel(LaoRelay relay, OutboxRepository outbox, String laoCode, Keys keys, PinnedKey pinned,
            Messages messages, ZoneId zone, Function<String, String> domainLabel, Executor background, Executor ui) {
        this.relay = Objects.requireNonNull(relay);
        this.outbox = Objects.requireNonNull(outbox);
        this.laoCode = Objects.requireNonNull(laoCode);
        this.keys = Objects.requireNonNull(keys);
        this.pinned = Objects.requireNonNull(pinned);
        this.m = Objects.requireNonNull(messages);
        this.zone = Objects.requireNonNull(zone);
        this.domainLabel = Objects.requireNonNull(domainLabel);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        suggestedName.set(relay.suggestedName(laoCode));
        count();
    }

    // ------------------------------------------------------------------ the user's commands

    /** Reads the waiting submissions again (off the UI thread); each is chosen unless the user left it out. */
    public void refresh() {
        background.execute(() -> {
            try {
                List<OutboxEntry> entries = outbox.entries(MOST_READ);
                ui.execute(() -> show(entries));
            } catch (StoreException e) {
                LOG.warn("cannot read the outbox: {}", e.getMessage());
                ui.execute(() -> problem.set(e.message(m)));
            }
        });
    }

    /** Chooses every waiting submission, or none. */
    public void chooseAll(boolean chosen) {
        for (Line line : lines) {
            line.chosen.set(chosen);
        }
    }

    /** The name the bundle file gets in the folder chosen, were it written now (renewed at each reading of the list). */
    public ReadOnlyStringProperty suggestedNameProperty() {
        return suggestedName.getReadOnlyProperty();
    }

    /**
     * Writes the chosen submissions to a bundle file in {@code folder} (a USB stick). They stay
     * waiting here until their receipts come back (or they are sent directly).
     */
    public void exportTo(Path folder) {
        Set<String> chosen = new LinkedHashSet<>();
        for (Line line : lines) {
            if (line.chosen.get()) {
                chosen.add(line.submissionId);
            }
        }
        result.set("");
        problem.set("");
        if (chosen.isEmpty()) {
            problem.set(m.get("carry.chooseFirst"));
            return;
        }
        busy.set(true);
        background.execute(() -> {
            String done = "";
            String wrong = "";
            try {
                DeviceKeys device = keys.get();
                Path file = folder.resolve(relay.suggestedName(laoCode));
                LaoRelay.Exported exported = relay.export(file, laoCode, device.publicKey(), device.keyId(), chosen);
                if (exported.file() == null) {
                    wrong = m.get("carry.nothingWaits");
                } else {
                    LOG.info("bundle of {} submissions written to {}", exported.submissions(), file);
                    done = m.get("carry.exported", exported.submissions(), file.getFileName().toString(),
                            folder.toAbsolutePath().toString());
                }
            } catch (BundleException e) {
                LOG.warn("the bundle written does not read back: {}", e.problem());
                wrong = e.problem().message(m.locale()) + "\n" + m.get("carry.export.todo");
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot write a bundle to {}: {}", folder, e.toString());
                wrong = m.get("carry.export.failed", folder.toAbsolutePath().toString());
            } catch (StoreException e) {
                wrong = e.message(m);
            } catch (DeviceKeyException e) {
                wrong = e.message(m);
            }
            finish(done, wrong, true);
        });
    }

    /** Imports a receipts bundle the district office sent back: the submissions it names are delivered. */
    public void importReceipts(Path file) {
        result.set("");
        problem.set("");
        busy.set(true);
        background.execute(() -> {
            String done = "";
            String wrong = "";
            try {
                Optional<PublicKey> serverKey = pinned.get();
                if (serverKey.isEmpty()) {
                    wrong = m.get("carry.receipts.notEnrolled");
                } else {
                    LaoRelay.ReceiptsImported imported = relay.importReceipts(file, laoCode, serverKey.get());
                    LOG.info("receipts imported from {}: {}", file, imported);
                    done = m.get("carry.receipts.done", imported.delivered(), imported.alreadyDelivered(),
                            String.valueOf(file.getFileName()));
                }
            } catch (BundleException e) {
                LOG.warn("receipts bundle refused: {}", e.problem());
                wrong = e.problem().message(m.locale()) + "\n" + m.get("carry.receipts.todo");
            } catch (StoreException e) {
                wrong = e.message(m);
            } catch (RuntimeException e) {
                LOG.warn("cannot import receipts from {}: {}", file, e.toString());
                wrong = m.get("carry.receipts.failed", String.valueOf(file.getFileName()));
            }
            finish(done, wrong, true);
        });
    }

    private void finish(String done, String wrong, boolean reread) {
        ui.execute(() -> {
            busy.set(false);
            result.set(done);
            problem.set(wrong);
            if (reread) {
                refresh();
            }
        });
    }

    // ------------------------------------------------------------------ what is shown

    private void show(List<OutboxEntry> entries) {
        Set<String> leftOut = new java.util.HashSet<>();
        for (Line line : lines) {
            if (!line.chosen.get()) {
                leftOut.add(line.submissionId);
            }
        }
        List<Line> out = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) { // newest first: certification order is the reverse
            OutboxEntry e = entries.get(i);
            if (e.state() == OutboxItem.State.QUEUED || e.state() == OutboxItem.State.SENDING) {
                Line line = new Line(e.submissionId(), domainLabel.apply(e.domain()), e.revision(),
                        ThaiDates.format(LocalDateTime.ofInstant(e.createdAt(), zone), m.locale()));
                line.chosen.set(!leftOut.contains(line.submissionId)); // a choice made stays as read again
                line.chosen.addListener((o, was, is) -> count());
                out.add(line);
            }
        }
        lines.setAll(out);
        suggestedName.set(relay.suggestedName(laoCode));
        count();
    }

    private void count() {
        int chosen = 0;
        for (Line line : lines) {
            chosen += line.chosen.get() ? 1 : 0;
        }
        noneChosen.set(chosen == 0);
        chosenText.set(lines.isEmpty() ? m.get("carry.empty") : m.get("carry.chosen", chosen, lines.size()));
    }

    // ------------------------------------------------------------------ properties

    /** The certified submissions not yet delivered, in certification order. */
    public ObservableList<Line> lines() {
        return linesView;
    }

    /** How many are chosen of how many, or that nothing waits. */
    public ReadOnlyStringProperty chosenTextProperty() {
        return chosenText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noneChosenProperty() {
        return noneChosen.getReadOnlyProperty();
    }

    /** An export or an import is on its way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What the last export or import did, in plain words; empty when it failed or before any. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Why the last export or import was refused, with what to do; empty when nothing was. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Messages messages() {
        return m;
    }
}
