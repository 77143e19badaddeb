package org.infodesk.app.relay.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import org.infodesk.app.relay.DistrictRelay;
import org.infodesk.app.relay.RelayRepository;
import org.infodesk.app.sync.OutboxWorker;
import org.infodesk.app.sync.SyncControl;
import org.infodesk.app.sync.ui.Refusals;
import org.infodesk.protocol.bundle.BundleProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The district office's relay screen (issue 8): bundles imported from a folder, from chosen files
 * or from files dropped on the screen, each refused file listed with its reason while the import
 * goes on; what is carried, LAO by LAO and domain by domain (carried, sending, delivered with the
 * receipt's time, refused with the server's reason); sending in batches in the background with its
 * progress and, when the link is down, what is wrong and when it is tried again; a receipts bundle
 * per LAO written to a folder. Touches no node; called on the UI thread, slow work runs on
 * {@code background} (one thread: imports and exports in the order asked) and comes back through
 * {@code ui}.
 */
public final class DistrictRelayViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DistrictRelayViewModel.class);

    /** Where one carried submission stands. */
    public enum Kind { CARRIED, SENDING, DELIVERED, REFUSED }

    /** One carried submission: its domain and revision, where it stands, and the receipt's time or the server's reason. */
    public record Item(String submissionId, String domain, int revision, Kind kind, String state, String detail) {}

    /**
     * One LAO's line of the table.
     *
     * @param title  its code, and its name when known
     * @param counts how many are carried, delivered (with the last receipt's time) and refused
     */
    public record Lao(String laoCode, String title, String counts, boolean allDelivered, List<Item> items) {}

    /** A file that was not imported, and why, in the user's language with what to do. */
    public record RefusedFile(String file, String reason) {}

    private final DistrictRelay relay;
    private final RelayRepository carried;
    private final Messages m;
    private final ZoneId zone;
    private final Function<String, String> domainLabel;
    private final Function<String, String> laoName;
    private final Executor background;
    private final Executor ui;
    private SyncControl control;
    private OutboxWorker.Status status;

    private final ObservableList<Lao> laos = FXCollections.observableArrayList();
    private final ObservableList<Lao> laosView = FXCollections.unmodifiableObservableList(laos);
    private final ObservableList<RefusedFile> refusedFiles = FXCollections.observableArrayList();
    private final ObservableList<RefusedFile> refusedFilesView = FXCollections.unmodifiableObservableList(refusedFiles);
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper importProgress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper importText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper phase = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper trouble = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper exported = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper enrolled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper nothingToSend = new ReadOnlyBooleanWrapper(true);
    private int delivered;
    private int toDeliver;
    private int refusedItems;

    /**
     * @param domainLabel a domain's name for a domain id
     * @param laoName     an LAO's name for its code, or null when this PC does not know it
     */
    public DistrictRelayViewModel(DistrictRelay relay, RelayRepository carried, Messages messages, ZoneId zone,
            Function<String, String> domainLabel, Function<String, String> laoName, Executor background, Executor ui) {
        this.relay = Objects.requireNonNull(relay);
        this.carried = Objects.requireNonNull(carried);
        this.m = Objects.requireNonNull(messages);
        this.zone = Objects.requireNonNull(zone);
        this.domainLabel = Objects.requireNonNull(domainLabel);
        this.laoName = Objects.requireNonNull(laoName);
        this.background = Objects.requireNonNull(background);
        this.ui = Objects.requireNonNull(ui);
        describe();
    }

    // ------------------------------------------------------------------ told by the background push

    /** This PC is enrolled as the district office and pushes behind {@code control}; null: not enrolled. */
    public void connect(SyncControl control) {
        this.control = control;
        this.status = null;
        enrolled.set(control != null);
        describe();
        refresh();
    }

    /** The push's status changed (on the UI thread). */
    public void status(OutboxWorker.Status status) {
        this.status = status;
        describe();
        refresh();
    }

    /** Reads what is carried again (off the UI thread) and shows it. */
    public void refresh() {
        run(() -> {
            try {
                List<RelayRepository.Carried> all = carried.carried();
                ui.execute(() -> show(all));
            } catch (StoreException e) {
                LOG.warn("cannot read what is carried: {}", e.getMessage());
                ui.execute(() -> trouble.set(e.message(m)));
            }
        });
    }

    // ------------------------------------------------------------------ the user's commands

    /**
     * Imports bundles: each file given, and every {@code .zip} file of each folder given (a USB
     * stick's folder, files dropped on the screen, files chosen). A file refused is listed with
     * its reason at once and the next one imported.
     */
    public void importPaths(List<Path> paths) {
        if (importing.get()) {
            return;
        }
        importing.set(true);
        importProgress.set(0);
        importText.set(m.get("district.import.reading"));
        refusedFiles.clear();
        List<Path> given = List.copyOf(paths);
        run(() -> {
            List<Path> files = new ArrayList<>();
            List<RefusedFile> unreadable = new ArrayList<>();
            for (Path p : given) {
                if (Files.isDirectory(p)) {
                    try {
                        files.addAll(DistrictRelay.bundleFiles(p));
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("cannot list {}: {}", p, e.toString());
                        unreadable.add(new RefusedFile(name(p), m.get("district.import.folderUnreadable", p.toString())));
                    }
                } else {
                    files.add(p);
                }
            }
            ui.execute(() -> refusedFiles.addAll(unreadable));
            int[] counts = new int[4]; // files kept, envelopes added, already held, files refused
            int[] seen = {0};
            String end;
            try {
                relay.importFiles(files, outcome -> {
                    seen[0]++;
                    RefusedFile refused = null;
                    if (outcome instanceof DistrictRelay.FileOutcome.Imported imported) {
                        counts[0]++;
                        counts[1] += imported.added();
                        counts[2] += imported.alreadyHeld();
                    } else if (outcome instanceof DistrictRelay.FileOutcome.Refused r) {
                        counts[3]++;
                        LOG.warn("bundle refused: {}", r.problem());
                        // a receipts file left on the stick is the LAO's to import, not a damaged bundle
                        String todo = r.problem().code() == BundleProblem.Code.WRONG_KIND
                                ? m.get("district.import.refused.receipts") : m.get("district.import.refused.todo");
                        refused = new RefusedFile(name(r.file()), r.problem().message(m.locale()) + " " + todo);
                    }
                    RefusedFile shown = refused;
                    double done = (double) seen[0] / files.size();
                    String text = m.get("district.import.progress", seen[0], files.size(), name(outcome.file()));
                    ui.execute(() -> {
                        importProgress.set(done);
                        importText.set(text);
                        if (shown != null) {
                            refusedFiles.add(shown);
                        }
                    });
                });
                end = files.isEmpty() ? m.get("district.import.none")
                        : m.get("district.import.done", counts[0], counts[1], counts[2], counts[3]);
            } catch (StoreException e) {
                LOG.warn("import stopped: {}", e.getMessage());
                end = e.message(m) + " " + m.get("district.import.stopped", seen[0], files.size());
            }
            String summary = end;
            ui.execute(() -> {
                importing.set(false);
                importProgress.set(1);
                importText.set(summary);
            });
            refresh();
        });
    }

    /** Sends what is carried now (ends a wait: "try again"); says so when this PC is not enrolled. */
    public void send() {
        if (control == null) {
            trouble.set(m.get("district.notEnrolled"));
            return;
        }
        control.sendNow();
    }

    /** Writes a receipts bundle for each LAO with receipts, into {@code folder}. */
    public void exportReceipts(Path folder) {
        exported.set("");
        run(() -> {
            String said;
            try {
                List<Path> files = relay.exportReceipts(folder);
                LOG.info("{} receipts bundles written to {}", files.size(), folder);
                List<String> names = files.stream().map(DistrictRelayViewModel::name).toList();
                said = files.isEmpty() ? m.get("district.receipts.none")
                        : m.get("district.receipts.done", files.size(), folder.toAbsolutePath().toString(), String.join(", ", names));
            } catch (IOException | RuntimeException e) {
                LOG.warn("cannot write receipts bundles to {}: {}", folder, e.toString());
                said = m.get("district.receipts.failed", folder.toAbsolutePath().toString());
            } catch (StoreException e) {
                said = e.message(m);
            }
            String shown = said;
            ui.execute(() -> exported.set(shown));
        });
    }

    private void run(Runnable work) {
        try {
            background.execute(work);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.debug("not done: the app is closing");
        }
    }

    private static String name(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }

    // ------------------------------------------------------------------ what is shown

    private void show(List<RelayRepository.Carried> all) {
        boolean sending = status != null && status.phase() == OutboxWorker.Phase.SENDING;
        Map<String, List<RelayRepository.Carried>> byLao = new LinkedHashMap<>();
        for (RelayRepository.Carried c : all) {
            byLao.computeIfAbsent(c.laoCode(), k -> new ArrayList<>()).add(c);
        }
        List<Lao> rows = new ArrayList<>();
        int deliveredNow = 0;
        int refusedNow = 0;
        for (Map.Entry<String, List<RelayRepository.Carried>> e : byLao.entrySet()) {
            List<Item> items = new ArrayList<>();
            int laoDelivered = 0;
            int laoRefused = 0;
            Instant last = null;
            for (RelayRepository.Carried c : e.getValue()) {
                Item item = item(c.entry(), sending);
                items.add(item);
                if (item.kind() == Kind.DELIVERED) {
                    laoDelivered++;
                    Instant at = c.entry().receivedAt();
                    last = last == null || at.isAfter(last) ? at : last;
                } else if (item.kind() == Kind.REFUSED) {
                    laoRefused++;
                }
            }
            deliveredNow += laoDelivered;
            refusedNow += laoRefused;
            String name = laoName.apply(e.getKey());
            String title = name == null ? m.get("district.lao.code", e.getKey()) : m.get("district.lao.named", e.getKey(), name);
            String counts = m.get("district.lao.counts", items.size(), laoDelivered, laoRefused)
                    + (last == null ? "" : " · " + m.get("district.lao.lastReceipt", time(last)));
            rows.add(new Lao(e.getKey(), title, counts, laoDelivered == items.size(), List.copyOf(items)));
        }
        laos.setAll(rows);
        delivered = deliveredNow;
        refusedItems = refusedNow;
        toDeliver = all.size() - refusedNow;
        describe();
    }

    private Item item(OutboxEntry e, boolean sending) {
        String domain = domainLabel.apply(e.domain());
        switch (e.state()) {
            case DELIVERED:
                return new Item(e.submissionId(), domain, e.revision(), Kind.DELIVERED, m.get("district.item.delivered"),
                        m.get("sync.item.receipt", time(e.receivedAt())));
            case REFUSED:
                return new Item(e.submissionId(), domain, e.revision(), Kind.REFUSED, m.get("district.item.refused"), refusal(e));
            default:
                String detail = e.attempts() > 0 ? m.get("sync.item.attempts", e.attempts()) : "";
                return sending
                        ? new Item(e.submissionId(), domain, e.revision(), Kind.SENDING, m.get("district.item.sending"), detail)
                        : new Item(e.submissionId(), domain, e.revision(), Kind.CARRIED, m.get("district.item.carried"), detail);
        }
    }

    /** The server's reasons for refusing a carried submission, in the user's language. */
    private String refusal(OutboxEntry e) {
        Optional<Refusals.Said> said = Refusals.of(e.refusal(), m);
        if (said.isEmpty()) {
            return m.get("district.refused.rejected", "");
        }
        String key = switch (said.get().outcome()) {
            case CONFLICT -> "district.refused.conflict";
            case UNAUTHORIZED -> "district.refused.unauthorized";
            default -> "district.refused.rejected";
        };
        return m.get(key, said.get().why()) + " " + m.get("district.item.refused.todo");
    }

    private String time(Instant at) {
        return ThaiDates.format(LocalDateTime.ofInstant(at, zone), m.locale());
    }

    private void describe() {
        progress.set(toDeliver == 0 ? 0 : (double) delivered / toDeliver);
        progressText.set(m.get("district.progress", delivered, toDeliver));
        nothingToSend.set(delivered >= toDeliver);
        if (control == null) {
            phase.set(m.get("district.notEnrolled.phase"));
            trouble.set(m.get("district.notEnrolled"));
            return;
        }
        OutboxWorker.Phase p = status == null ? OutboxWorker.Phase.IDLE : status.phase();
        String now = "";
        String phaseText;
        switch (p) {
            case SENDING:
                phaseText = m.get("district.phase.sending");
                break;
            case WAITING:
                phaseText = status.nextAttempt() == null ? m.get("district.phase.waiting")
                        : m.get("district.phase.waiting.until", time(status.nextAttempt()));
                if (status.trouble() != null) {
                    now = m.get("sync.trouble." + status.trouble().name());
                }
                break;
            case PAUSED:
                phaseText = m.get("district.phase.paused");
                break;
            case STOPPED:
                phaseText = m.get("district.phase.stopped");
                if (status.stoppedFor() != null) {
                    now = m.get("sync.action." + status.stoppedFor().name());
                }
                break;
            default:
                phaseText = toDeliver == 0 ? m.get("district.phase.empty")
                        : delivered >= toDeliver ? m.get("district.phase.done") : m.get("district.phase.ready");
        }
        if (refusedItems > 0) {
            now = (now.isEmpty() ? "" : now + "\n") + m.get("district.refusedItems", refusedItems);
        }
        phase.set(phaseText);
        trouble.set(now);
    }

    // ------------------------------------------------------------------ properties

    /** What is carried, LAO by LAO (by code). */
    public ObservableList<Lao> laos() {
        return laosView;
    }

    /** The files of the last import that were not imported, each with its reason. */
    public ObservableList<RefusedFile> refusedFiles() {
        return refusedFilesView;
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty importProgressProperty() {
        return importProgress.getReadOnlyProperty();
    }

    /** The import's progress (file n of m) and, at its end, what it came to. */
    public ReadOnlyStringProperty importTextProperty() {
        return importText.getReadOnlyProperty();
    }

    /** Delivered of all carried that the server has not refused. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What sending is doing. */
    public ReadOnlyStringProperty phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** What is wrong now, in plain words, with what to do; empty when nothing is. */
    public ReadOnlyStringProperty troubleProperty() {
        return trouble.getReadOnlyProperty();
    }

    /** Which receipts bundles were written where, or why not; empty before an export. */
    public ReadOnlyStringProperty exportedProperty() {
        return exported.getReadOnlyProperty();
    }

    /** Enrolled as the district office: sending is possible. */
    public ReadOnlyBooleanProperty enrolledProperty() {
        return enrolled.getReadOnlyProperty();
    }

    /** Everything carried is delivered or refused. */
    public ReadOnlyBooleanProperty nothingToSendProperty() {
        return nothingToSend.getReadOnlyProperty();
    }

    public Messages messages() {
        return m;
    }
}
