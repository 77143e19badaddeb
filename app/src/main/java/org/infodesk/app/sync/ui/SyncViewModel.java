package org.infodesk.app.sync.ui;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.i18n.ThaiDates;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.outbox.OutboxItem;
import org.infodesk.app.outbox.OutboxRepository;
import org.infodesk.app.sync.Exchange;
import org.infodesk.app.sync.LogExport;
import org.infodesk.app.sync.OutboxWorker;
import org.infodesk.app.sync.Puller;
import org.infodesk.app.sync.SyncControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync screen's state (and the main window's status line): the outbox item by item, how much
 * is delivered, when the last delivery was, what is wrong now in plain words with what to do, and
 * the commands send now, pause / resume and export the log. Touches no node. Called on the UI
 * thread; slow reads run on {@code background} and come back through {@code ui}.
 */
public final class SyncViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(SyncViewModel.class);

    /** How many items the screen lists (newest first). */
    static final int MOST_SHOWN = 500;

    /** What an item's line shows. */
    public enum Kind { QUEUED, SENDING, DELIVERED, REFUSED, ACCEPTED, RETURNED }

    /**
     * One item of the list.
     *
     * @param detail the receipt's time, the server's reasons, the reviewer's comment, or the attempts so far
     */
    public record Line(String submissionId, String domain, int revision, Kind kind, String state, String detail) {}

    private final OutboxRepository outbox;
    private final Messages m;
    private final ZoneId zone;
    private final Function<String, String> domainLabel;
    private final Executor background;
    private final Executor ui;
    private final Path logFolder;
    private SyncControl control;
    private OutboxWorker.Status status;

    private final ObservableList<Line> lines = FXCollections.observableArrayList();
    /** One wrapper for the model's life: a wrapper listens to the list weakly, and a dropped one stops telling. */
    private final ObservableList<Line> linesView = FXCollections.unmodifiableObservableList(lines);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastSuccess = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trouble = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exported = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper enrolled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper needsEnrolment = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper(false);
    private String pullTrouble = "";
    private int delivered;
    private int total;
    private Instant lastDelivered;

    /**
     * @param domainLabel a domain's name for a domain id
     * @param logFolder   the folder of the app's log files
     */
    public SyncViewModel(OutboxRepository outbox, Messages messages, ZoneId zone, Function<String, String> domainLabel,
            Path logFolder, Executor background, Executor ui) {
        this.outbox = Objects.requireNonNull(outbox);
        this.m = Objects.requireNonNull(messages);
        this.zone = Objects.requireNonNull(zone);
        this.domainLabel = Objects.requireNonNull(domainLabel);
        this.logFolder = Objects.requireNonNull(logFolder);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        describe();
    }

    // ------------------------------------------------------------------ told by the background sync

    /** The installation is enrolled and its sync runs behind {@code control}; null: not enrolled. */
    public void connect(SyncControl control) {
        this.control = control;
        this.status = null;
        this.pullTrouble = "";
        enrolled.set(control != null);
        needsEnrolment.set(control == null);
        describe();
        refresh();
    }

    /** The outbox's status changed (on the UI thread). */
    public void status(OutboxWorker.Status status) {
        this.status = status;
        needsEnrolment.set(control == null || status.stoppedFor() == Exchange.Action.ENROL_AGAIN);
        paused.set(status.phase() == OutboxWorker.Phase.PAUSED);
        describe();
        refresh();
    }

    /** A pull ended (on the UI thread): decisions may have come. */
    public void pulled(Puller.Result result) {
        if (result instanceof Puller.Result.Refused refused) {
            pullTrouble = m.get("sync.action." + refused.action().name());
            if (refused.action() == Exchange.Action.ENROL_AGAIN) {
                needsEnrolment.set(true);
            }
        } else {
            pullTrouble = "";
        }
        describe();
        refresh();
    }

    /** Reads the outbox again (off the UI thread) and shows it. */
    public void refresh() {
        run(() -> {
            try {
                List<OutboxEntry> entries = outbox.entries(MOST_SHOWN);
                ui.execute(() -> show(entries));
            } catch (StoreException e) {
                LOG.warn("cannot read the outbox: {}", e.getMessage());
                ui.execute(() -> trouble.set(e.message(m)));
            }
        });
    }

    // ------------------------------------------------------------------ the user's commands

    /** Sends at once (ends a wait, a pause or a stop). */
    public void sendNow() {
        if (control != null) {
            control.sendNow();
        }
    }

    /** Pauses sending, or resumes it when paused. */
    public void pauseOrResume() {
        if (control == null) {
            return;
        }
        if (paused.get()) {
            control.sendNow();
        } else {
            control.pause();
        }
    }

    /** Writes the app's log files as one zip file to {@code target}, for IT staff. */
    public void exportLog(Path target) {
        exported.set("");
        run(() -> {
            String said;
            try {
                int files = LogExport.write(logFolder, target);
                LOG.info("log exported to {} ({} files)", target, files);
                said = m.get("sync.exported", target.toAbsolutePath().toString(), files);
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("cannot export the log to {}: {}", target, e.toString());
                said = m.get("sync.exportFailed", target.toAbsolutePath().toString());
            }
            String shown = said;
            ui.execute(() -> exported.set(shown));
        });
    }

    /** Runs slow work off the UI thread; nothing once the app is closing (the worker is shut down). */
    private void run(Runnable work) {
        try {
            background.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("not refreshed: the app is closing");
        }
    }

    // ------------------------------------------------------------------ what is shown

    private void show(List<OutboxEntry> entries) {
        List<Line> out = new ArrayList<>(entries.size());
        int deliveredNow = 0;
        int counted = 0;
        Instant last = null;
        boolean sending = status != null && status.phase() == OutboxWorker.Phase.SENDING;
        for (OutboxEntry e : entries) {
            out.add(line(e, sending));
            if (e.state() != OutboxItem.State.REFUSED) {
                counted++;
            }
            if (e.state() == OutboxItem.State.DELIVERED) {
                deliveredNow++;
                if (last == null || e.updatedAt().isAfter(last)) {
                    last = e.updatedAt();
                }
            }
        }
        lines.setAll(out);
        delivered = deliveredNow;
        total = counted;
        lastDelivered = last;
        describe();
    }

    private Line line(OutboxEntry e, boolean sending) {
        String domain = domainLabel.apply(e.domain());
        if ("RETURNED".equals(e.verdict())) {
            return new Line(e.submissionId(), domain, e.revision(), Kind.RETURNED, m.get("sync.item.RETURNED"),
                    m.get("sync.item.comment", e.comment() == null ? "" : e.comment()));
        }
        if ("ACCEPTED".equals(e.verdict())) {
            return new Line(e.submissionId(), domain, e.revision(), Kind.ACCEPTED, m.get("sync.item.ACCEPTED"), receiptDetail(e));
        }
        switch (e.state()) {
            case DELIVERED:
                return new Line(e.submissionId(), domain, e.revision(), Kind.DELIVERED, m.get("sync.item.DELIVERED"), receiptDetail(e));
            case REFUSED:
                return new Line(e.submissionId(), domain, e.revision(), Kind.REFUSED, m.get("sync.item.REFUSED"), refusal(e));
            default:
                String detail = e.attempts() > 0 ? m.get("sync.item.attempts", e.attempts()) : "";
                return sending
                        ? new Line(e.submissionId(), domain, e.revision(), Kind.SENDING, m.get("sync.item.SENDING"), detail)
                        : new Line(e.submissionId(), domain, e.revision(), Kind.QUEUED, m.get("sync.item.QUEUED"), detail);
        }
    }

    private String receiptDetail(OutboxEntry e) {
        return m.get("sync.item.receipt", time(e.receivedAt()));
    }

    /** The server's reasons for refusing an item, in the user's language, and what to do. */
    private String refusal(OutboxEntry e) {
        return Refusals.of(e.refusal(), m).map(said -> m.get("sync.refused." + said.outcome().name(), said.why()))
                .orElseGet(() -> m.get("sync.refused.REJECTED", ""));
    }

    private String time(Instant at) {
        return ThaiDates.format(LocalDateTime.ofInstant(at, zone), m.locale());
    }

    private void describe() {
        double fraction = total == 0 ? (enrolled.get() ? 1 : 0) : (double) delivered / total;
        progress.set(fraction);
        progressText.set(m.get("sync.progress", delivered, total));
        lastSuccess.set(lastDelivered == null ? m.get("sync.lastSuccess.never") : m.get("sync.lastSuccess", time(lastDelivered)));
        if (control == null) {
            phase.set(m.get("sync.notEnrolled"));
            trouble.set(m.get("sync.notEnrolled.todo"));
            statusLine.set(m.get("status.noServer"));
            return;
        }
        OutboxWorker.Phase p = status == null ? OutboxWorker.Phase.IDLE : status.phase();
        String phaseText = m.get("sync.phase." + p.name());
        if (p == OutboxWorker.Phase.WAITING && status.nextAttempt() != null) {
            phaseText = m.get("sync.phase.WAITING.until", time(status.nextAttempt()));
        }
        phase.set(phaseText);
        String now = "";
        if (p == OutboxWorker.Phase.WAITING && status.trouble() != null) {
            now = m.get("sync.trouble." + status.trouble().name());
        } else if (p == OutboxWorker.Phase.STOPPED && status.stoppedFor() != null) {
            now = m.get("sync.action." + status.stoppedFor().name());
        }
        if (now.isEmpty()) {
            now = pullTrouble;
        }
        if (status != null && status.refused() > 0) {
            now = (now.isEmpty() ? "" : now + "\n") + m.get("sync.refusedItems", status.refused());
        }
        trouble.set(now);
        String when = lastDelivered == null ? "" : " · " + m.get("sync.status.last", time(lastDelivered));
        statusLine.set(m.get("sync.status." + p.name()) + " · " + m.get("sync.progress", delivered, total) + when);
    }

    // ------------------------------------------------------------------ properties

    public ObservableList<Line> lines() {
        return linesView;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastSuccessProperty() {
        return lastSuccess.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What is wrong now, in plain words, with what to do; empty when nothing is. */
    public ReadOnlyStringProperty troubleProperty() {
        return trouble.getReadOnlyProperty();
    }

    /** One line for the main window's status bar. */
    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }

    /** Where the log was exported, or why it was not; empty before an export. */
    public ReadOnlyStringProperty exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty enrolledProperty() {
        return enrolled.getReadOnlyProperty();
    }

    /** Not enrolled, or the server no longer takes this device: the screen offers enrolling. */
    public ReadOnlyBooleanProperty needsEnrolmentProperty() {
        return needsEnrolment.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public Messages messages() {
        return m;
    }
}
