package org.infodesk.app.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.definitions.Questionnaires;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.relay.DistrictRelay;
import org.infodesk.app.relay.LaoRelay;
import org.infodesk.app.relay.ui.CarryView;
import org.infodesk.app.relay.ui.CarryViewModel;
import org.infodesk.app.relay.ui.DistrictRelayView;
import org.infodesk.app.relay.ui.DistrictRelayViewModel;
import org.infodesk.app.relay.status.BoardText;
import org.infodesk.app.relay.status.StatusBoard;
import org.infodesk.app.relay.status.ui.StatusBoardView;
import org.infodesk.app.relay.status.ui.StatusBoardViewModel;
import org.infodesk.app.relay.ui.StatusBoardOpener;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteStatusRepository;
import org.infodesk.app.storage.SqliteDefinitionRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqliteProxyRepository;
import org.infodesk.app.storage.SqliteRelayRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.sync.Backoff;
import org.infodesk.app.sync.OutboxWorker;
import org.infodesk.app.sync.ProxySettings;
import org.infodesk.app.sync.Scheduler;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.app.sync.SyncControl;
import org.infodesk.protocol.bundle.BundleLimits;
import org.infodesk.protocol.bundle.Bundles;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;

/**
 * The relay by USB bundles in the shell (issue 8). On an LAO's PC: the carry-by-USB screen
 * (Ctrl+Shift+U, and a button of the sync screen). On a district office's PC ({@code
 * --district=PPAA}): the district relay screen, the main screen, and its sending in the background
 * (an {@link OutboxWorker} over what is carried, with the district device's enrolment: batches,
 * waits and retries as the office's own outbox has them), started when the PC is enrolled as the
 * district's. Public for the end-to-end test that drives these screens; call on the JavaFX thread.
 */
public final class RelayShell {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RelayShell.class);

    /** A district code as {@code --district} gives it: province and district, 4 digits. */
    public static boolean isDistrictCode(String code) {
        return code != null && code.matches("[0-9]{4}");
    }

    private final Store store;
    private LaoProfile lao;
    private final String districtCode;
    private final Supplier<Messages> messages;
    private final SyncShell.Keys keys;
    private final Function<String, String> domainLabel;
    private final Consumer<Parent> show;
    private final Runnable home;
    private final Runnable openEnrolment;
    private final Runnable switchLanguage;
    private final Supplier<Window> window;
    private final Clock clock;
    private final Bundles bundles = new Bundles(BundleLimits.DEFAULT);
    private final ExecutorService work = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "infodesk-relay-screen");
        t.setDaemon(true);
        return t;
    });
    private final Executor ui = Platform::runLater;
    private StatusBoardOpener statusBoard;
    /** The file and folder dialogs; replaced by a test, which cannot drive the operating system's. */
    private DistrictRelayView.Choosers dialogs = new DistrictRelayView.Choosers() {
        @Override
        public Path folder(String title) {
            return chooseFolder(title);
        }

        @Override
        public List<Path> files(String title) {
            return chooseFile(title, true);
        }

        @Override
        public Path receiptsFolder(String title) {
            return chooseFolder(title);
        }
    };
    private DistrictRelayViewModel district;
    private OutboxWorker worker;
    /** What the district screen asks of {@link #worker}. */
    private SyncControl control;
    private boolean stopped;
    /** The folder chosen last, offered first next time. */
    private Path lastFolder;

    /**
     * @param districtCode this PC's district ({@code --district}), or null on an LAO's PC
     */
    public RelayShell(Store store, LaoProfile lao, String districtCode, Supplier<Messages> messages, SyncShell.Keys keys,
            Function<String, String> domainLabel, Consumer<Parent> show, Runnable home, Runnable openEnrolment,
            Runnable switchLanguage, Supplier<Window> window, Clock clock) {
        this.store = store;
        this.lao = lao;
        this.districtCode = districtCode;
        this.messages = messages;
        this.keys = keys;
        this.domainLabel = domainLabel;
        this.show = show;
        this.home = home;
        this.openEnrolment = openEnrolment;
        this.switchLanguage = switchLanguage;
        this.window = window;
        this.clock = clock;
    }

    /** The office this PC works for from now on (a PC in the demo enrolled for its own). */
    void office(LaoProfile office) {
        lao = java.util.Objects.requireNonNull(office);
    }

    /** Whether this PC is a district office's. */
    public boolean district() {
        return districtCode != null;
    }

    /** What the district screen's "status board" button opens (package {@code relay.status}); null: no button. */
    public void statusBoard(StatusBoardOpener opener) {
        statusBoard = opener;
    }

    /**
     * The district status board (package {@code relay.status}) in place of the relay screen: the
     * district's LAOs by the domains of the year, from the server's pulled statuses and from what
     * was carried; back returns to the relay screen.
     */
    public void openStatusBoard(StatusBoard.DomainsOfYear domains) {
        Messages m = messages.get();
        StatusBoardViewModel vm = new StatusBoardViewModel(new StatusBoard(new SqliteStatusRepository(store), domains,
                code -> code.equals(lao.code()) ? lao.name() : null, clock), new BoardText(m, java.time.ZoneId.systemDefault()),
                work, ui);
        StatusBoardView view = new StatusBoardView(vm, home);
        show.accept(view);
        vm.refresh();
        Platform.runLater(view::focusFirst);
    }

    /** Replaces the file and folder dialogs (an end-to-end test answers them itself). */
    public void dialogs(DistrictRelayView.Choosers replacement) {
        dialogs = replacement;
    }

    // ------------------------------------------------------------------ an LAO's PC

    /** The carry-by-USB screen (Ctrl+Shift+U, the sync screen's button). */
    public void openCarry() {
        Messages m = messages.get();
        SqliteOutboxRepository outbox = new SqliteOutboxRepository(store);
        LaoRelay relay = new LaoRelay(outbox, bundles, codec(), clock);
        CarryViewModel vm = new CarryViewModel(relay, outbox, lao.code(), keys::get, this::pinnedServerKey, m,
                ZoneId.systemDefault(), domainLabel, work, ui);
        CarryView view = new CarryView(vm, home, title -> dialogs.folder(title), title -> {
            List<Path> files = dialogs.files(title);
            return files == null || files.isEmpty() ? null : files.get(0);
        });
        vm.refresh();
        show.accept(view);
        Platform.runLater(view::focusFirst);
    }

    private Optional<java.security.PublicKey> pinnedServerKey() throws StoreException {
        return new SqliteAccountRepository(store).current().map(a -> a.enrolment().serverKey());
    }

    // ------------------------------------------------------------------ a district office's PC

    /** The district relay screen, the main screen of a district office's PC. */
    public Parent districtScreen() {
        DistrictRelayViewModel vm = districtModel();
        vm.refresh();
        DistrictRelayView view = new DistrictRelayView(vm, vm.messages().get("district.title", districtCode), dialogs, statusBoard,
                openEnrolment, switchLanguage);
        Platform.runLater(view::focusFirst);
        return view;
    }

    /** Starts the district's sending if this PC is enrolled as the district office's. */
    public void start() {
        if (!district()) {
            return;
        }
        districtModel();
        try {
            new SqliteAccountRepository(store).current().ifPresent(this::enrolled);
        } catch (StoreException e) {
            LOG.warn("cannot read the enrolment: {}", e.getMessage());
        }
    }

    /** After an enrolment: a district office's PC sends what it carries with this account. */
    public void enrolled(ServerAccount account) {
        if (!district() || stopped) {
            return;
        }
        if (!account.enrolment().relays()) {
            LOG.warn("enrolled, but not as a district office: nothing is relayed");
            districtModel().connect(null);
            return;
        }
        if (worker != null) {
            worker.pause();
        }
        ProxySettings proxy;
        String keyId;
        try {
            proxy = new SqliteProxyRepository(store).current();
            keyId = keys.get().keyId();
        } catch (StoreException | org.infodesk.app.device.DeviceKeyException e) {
            LOG.warn("cannot start relaying: {}", e.getMessage());
            return;
        }
        SqliteRelayRepository carried = new SqliteRelayRepository(store);
        ServerLink link = new ServerLink(proxy.client(), account.server(), Clock.systemUTC());
        DistrictRelay relay = districtRelay(carried);
        worker = new OutboxWorker(relay.sender(link, account, keyId, new Backoff(Backoff.FIRST, Backoff.MOST, new SplittableRandom())),
                link, carried, Scheduler.onThread("infodesk-relay"), status -> Platform.runLater(() -> {
                    if (!stopped && district != null) {
                        district.status(status);
                    }
                }));
        OutboxWorker sending = worker;
        control = new SyncControl() {
            @Override
            public void sendNow() {
                sending.sendNow();
            }

            @Override
            public void pause() {
                sending.pause();
            }
        };
        districtModel().connect(control);
    }

    private DistrictRelayViewModel districtModel() {
        Messages m = messages.get();
        if (district == null || !district.messages().locale().equals(m.locale())) {
            SqliteRelayRepository carried = new SqliteRelayRepository(store);
            district = new DistrictRelayViewModel(districtRelay(carried), carried, m, ZoneId.systemDefault(), domainLabel,
                    code -> code.equals(lao.code()) ? m.text(lao.name()) : null, work, ui);
            if (worker != null) {
                district.connect(control);
                district.status(worker.status());
            }
        }
        return district;
    }

    private DistrictRelay districtRelay(SqliteRelayRepository carried) {
        return new DistrictRelay(carried, bundles, codec(), districtCode, clock);
    }

    /** Stops sending (the app closes). */
    public void stop() {
        stopped = true;
        if (worker != null) {
            worker.pause();
        }
        work.shutdown();
    }

    // ------------------------------------------------------------------ shared

    /** Reads envelopes with every definition this installation holds (read once, when first needed). */
    private SubmissionCodec codec() {
        return new SubmissionCodec(new DefinitionLookup() {
            private Map<String, Definition> held;

            @Override
            public synchronized Optional<Definition> find(String id, int fiscalYear, int version) {
                if (held == null) {
                    try {
                        held = new Questionnaires(new SqliteDefinitionRepository(store)).byKey();
                    } catch (StoreException e) {
                        LOG.warn("cannot read the definitions held: {}", e.getMessage());
                        return Optional.empty();
                    }
                }
                return held.values().stream()
                        .filter(d -> d.id().equals(id) && d.fiscalYear() == fiscalYear && d.version() == version).findFirst();
            }
        });
    }

    private Path chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        if (lastFolder != null && java.nio.file.Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        java.io.File folder = chooser.showDialog(window.get());
        if (folder == null) {
            return null;
        }
        lastFolder = folder.toPath();
        return lastFolder;
    }

    private List<Path> chooseFile(String title, boolean many) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("zip", "*.zip", "*.ZIP"));
        if (lastFolder != null && java.nio.file.Files.isDirectory(lastFolder)) {
            chooser.setInitialDirectory(lastFolder.toFile());
        }
        List<Path> out = new ArrayList<>();
        if (many) {
            List<java.io.File> files = chooser.showOpenMultipleDialog(window.get());
            if (files != null) {
                files.forEach(f -> out.add(f.toPath()));
            }
        } else {
            java.io.File file = chooser.showOpenDialog(window.get());
            if (file != null) {
                out.add(file.toPath());
            }
        }
        if (!out.isEmpty()) {
            lastFolder = out.get(0).getParent();
        }
        return out;
    }
}
