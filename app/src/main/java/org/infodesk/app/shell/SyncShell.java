package org.infodesk.app.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import okhttp3.HttpUrl;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.outbox.OutboxEntry;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteOutboxRepository;
import org.infodesk.app.storage.SqliteProxyRepository;
import org.infodesk.app.storage.SqlitePullRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.sync.EnrolmentService;
import org.infodesk.app.sync.OutboxWorker;
import org.infodesk.app.sync.ProxySettings;
import org.infodesk.app.sync.Puller;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.sync.ServerLink;
import org.infodesk.app.sync.SyncEngine;
import org.infodesk.app.sync.ui.EnrolmentView;
import org.infodesk.app.sync.ui.EnrolmentViewModel;
import org.infodesk.app.sync.ui.SyncView;
import org.infodesk.app.sync.ui.SyncViewModel;

/**
 * Sync in the shell (issue 7): starts the background sync when the installation is enrolled (and
 * again after each enrolment), stops it when the app closes, keeps the status bar's line, and
 * opens the sync and enrolment screens. {@code --server=URL} and {@code --enrolment-code=CODE}
 * prefill the enrolment screen, which opens at start when the PC is not enrolled yet. Public for
 * the end-to-end test that drives these screens against the real server; call on the JavaFX thread.
 */
public final class SyncShell {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SyncShell.class);

    /** The device key, loaded or made when first needed. */
    public interface Keys {
        DeviceKeys get() throws org.infodesk.app.device.DeviceKeyException;
    }

    private final Store store;
    private final Path dataFolder;
    private LaoProfile lao;
    private final Supplier<Messages> messages;
    private final Keys keys;
    private final Function<String, String> domainLabel;
    private final Consumer<Parent> show;
    private final Runnable home;
    private final Runnable decisionsPulled;
    private final Supplier<Window> window;
    /** Whether an enrolment was found at start (its engine may still be being made). */
    private boolean enrolledAtStart;
    private final ExecutorService reads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "infodesk-sync-screen");
        t.setDaemon(true);
        return t;
    });
    private final Executor ui = Platform::runLater;
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("");
    private String prefillServer;
    private String prefillCode;
    /** A district office's PC ({@code --district}): enrols for the district, not the LAO (issue 8). */
    private String districtCode;
    /**
     * Told after each enrolment made on the screen, on the JavaFX thread: the shell (a PC in the
     * demo takes the office the server named), the district's relay (starts its sending).
     */
    private final List<Consumer<ServerAccount>> onEnrolled = new ArrayList<>();
    /** Opens the LAO's carry-by-USB screen from the sync screen; null: no such button. */
    private Runnable carry;
    private ProxySettings prefillProxy;
    private SyncEngine engine;
    private SyncViewModel model;
    /** The app is closing: what the background still tells is dropped. */
    private boolean stopped;

    public SyncShell(Store store, Path dataFolder, LaoProfile lao, Supplier<Messages> messages, Keys keys,
            Function<String, String> domainLabel, Consumer<Parent> show, Runnable home, Runnable decisionsPulled,
            Supplier<Window> window) {
        this.store = store;
        this.dataFolder = dataFolder;
        this.lao = lao;
        this.messages = messages;
        this.keys = keys;
        this.domainLabel = domainLabel;
        this.show = show;
        this.home = home;
        this.decisionsPulled = decisionsPulled;
        this.window = window;
    }

    /** The address and code given on the command line, for the enrolment screen. */
    public void prefill(String server, String code) {
        prefillServer = server;
        prefillCode = code;
    }

    /** This PC is a district office's: it enrols for {@code code} (PP AA), not for an LAO. */
    public void district(String code) {
        districtCode = code;
    }

    /** Adds who is told of each enrolment made on the screen, after sync has started. */
    public void onEnrolled(Consumer<ServerAccount> listener) {
        onEnrolled.add(Objects.requireNonNull(listener));
    }

    /** What the sync screen's "carry on a USB stick" button opens. */
    public void carry(Runnable open) {
        carry = open;
    }

    /** The proxy preset by IT staff ({@code --proxy=}, issue 9), or null: the enrolment screen's choice until enrolled. */
    public void prefillProxy(ProxySettings proxy) {
        prefillProxy = proxy;
    }

    /**
     * Starts sync if the PC is enrolled; true if it is. The engine is made off the JavaFX thread
     * (its HTTP client and the device key cost a few hundred milliseconds in a fresh JVM, which the
     * first frame must not wait for: ADR 0007) and attached when ready.
     */
    public boolean start() {
        model();
        try {
            Optional<ServerAccount> account = new SqliteAccountRepository(store).current();
            if (account.isPresent()) {
                enrolledAtStart = true;
                reads.execute(() -> {
                    SyncEngine made = makeEngine(account.get());
                    if (made != null) {
                        Platform.runLater(() -> attach(made));
                    }
                });
                return true;
            }
        } catch (StoreException e) {
            LOG.warn("cannot read the enrolment: {}", e.getMessage());
        }
        return false;
    }

    /** Whether the enrolment screen should open at start: not enrolled, and an address or a code was given. */
    public boolean enrolAtStart() {
        return !enrolledAtStart && engine == null && (prefillServer != null || prefillCode != null);
    }

    /** The status bar's line (the sync's state, or "not enrolled"). */
    public ObservableValue<String> statusLine() {
        model(); // in the language shown now
        return statusLine.getReadOnlyProperty();
    }

    /** Something may have been certified: sends it, unless paused or stopped. */
    public void nudge() {
        if (engine != null) {
            engine.nudge();
        }
    }

    /** Stops the background sync (the app closes). */
    public void stop() {
        stopped = true;
        if (engine != null) {
            engine.stop();
            engine = null;
        }
        reads.shutdown();
    }

    /** Each returned domain's reviewer's comment, by domain id (the newest return of each). */
    public Map<String, String> returnedComments() {
        Map<String, String> comments = new HashMap<>();
        try {
            List<OutboxEntry> entries = new SqliteOutboxRepository(store).entries(1000);
            for (OutboxEntry e : entries) { // newest first: the first return of a domain is its latest
                if ("RETURNED".equals(e.verdict()) && e.comment() != null) {
                    comments.putIfAbsent(e.domain(), e.comment());
                }
            }
        } catch (StoreException e) {
            LOG.warn("cannot read the reviewers' decisions: {}", e.getMessage());
        }
        return comments;
    }

    private SyncViewModel model() {
        Messages m = messages.get();
        if (model == null || !model.messages().locale().equals(m.locale())) {
            model = new SyncViewModel(new SqliteOutboxRepository(store), m, ZoneId.systemDefault(), domainLabel,
                    dataFolder.resolve("logs"), reads, ui);
            statusLine.bind(model.statusLineProperty());
            model.connect(engine);
            if (engine != null) {
                model.status(engine.status());
            }
        }
        return model;
    }

    public void openSync() {
        SyncViewModel vm = model();
        vm.refresh();
        SyncView view = new SyncView(vm, home, this::openEnrolment, this::chooseLogFile, carry);
        show.accept(view);
        Platform.runLater(view::focusFirst);
    }

    /** The office this PC works for from now on (after leaving the demo). */
    public void office(LaoProfile office) {
        lao = Objects.requireNonNull(office);
    }

    public void openEnrolment() {
        Messages m = messages.get();
        ProxySettings proxy;
        ServerAccount account;
        try {
            proxy = new SqliteProxyRepository(store).current();
            account = new SqliteAccountRepository(store).current().orElse(null);
            proxy = account == null && prefillProxy != null ? prefillProxy : proxy;
        } catch (StoreException e) {
            StartupProblemDialog.show(e, m);
            return;
        }
        EnrolmentViewModel vm = new EnrolmentViewModel(this::enrol, m, lao, proxy, account, reads, ui, this::enrolled);
        vm.prefill(prefillServer, prefillCode);
        EnrolmentView view = new EnrolmentView(vm, home, this::openSync);
        show.accept(view);
        Platform.runLater(view::focusFirst);
    }

    /** Off the UI thread: enrols with the proxy chosen, and keeps the proxy when it worked. */
    private EnrolmentService.Result enrol(String address, String code, ProxySettings proxy) throws Exception {
        DeviceKeys deviceKeys = keys.get();
        EnrolmentService service = new EnrolmentService(new SqliteAccountRepository(store), deviceKeys,
                (HttpUrl url) -> new ServerLink(proxy.client(), url, Clock.systemUTC()), Clock.systemUTC());
        // A district office's PC enrols for its district. An LAO's PC enrolled before keeps its office (a
        // code for another is refused); one that never was (the demo) takes the office the server names.
        boolean hasOffice = new SqliteAccountRepository(store).current().isPresent();
        EnrolmentService.Result result = districtCode != null ? service.enrol(address, code, null, districtCode, deviceLabel())
                : service.enrol(address, code, hasOffice ? lao.code() : null, null, deviceLabel());
        if (result instanceof EnrolmentService.Result.Enrolled) {
            new SqliteProxyRepository(store).save(proxy);
        }
        return result;
    }

    private void enrolled(ServerAccount account) {
        LOG.info("enrolled with {} as device {}", account.server(), account.enrolment().deviceId());
        prefillCode = null;
        startEngine(account);
        onEnrolled.forEach(listener -> listener.accept(account));
    }

    private void startEngine(ServerAccount account) {
        SyncEngine made = makeEngine(account);
        if (made != null) {
            attach(made);
        }
    }

    /** On the JavaFX thread: the engine in use from now on, started (or stopped, if the app is closing). */
    private void attach(SyncEngine made) {
        if (stopped) {
            made.stop();
            return;
        }
        if (engine != null) {
            engine.stop();
        }
        engine = made;
        model().connect(engine);
        engine.start();
    }

    /** Makes the engine of an account (any thread); null, with a log line, when it cannot be made. */
    private SyncEngine makeEngine(ServerAccount account) {
        ProxySettings proxy;
        String keyId;
        try {
            proxy = new SqliteProxyRepository(store).current();
            keyId = keys.get().keyId();
        } catch (StoreException | org.infodesk.app.device.DeviceKeyException e) {
            LOG.warn("cannot start sending: {}", e.getMessage());
            return null;
        }
        return SyncEngine.onThread(account, proxy, new SqliteOutboxRepository(store), new SqlitePullRepository(store), keyId,
                new SyncEngine.Listener() {
                    @Override
                    public void status(OutboxWorker.Status status) {
                        Platform.runLater(() -> {
                            if (!stopped) {
                                model().status(status);
                            }
                        });
                    }

                    @Override
                    public void pulled(Puller.Result result) {
                        Platform.runLater(() -> {
                            if (stopped) {
                                return;
                            }
                            model().pulled(result);
                            if (result instanceof Puller.Result.Pulled pulled && pulled.changes() > 0) {
                                decisionsPulled.run();
                            }
                        });
                    }
                });
    }

    private Path chooseLogFile(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName("infodesk-log-" + java.time.LocalDate.now() + ".zip");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("zip", "*.zip"));
        java.io.File file = chooser.showSaveDialog(window.get());
        return file == null ? null : file.toPath();
    }

    private static String deviceLabel() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | RuntimeException e) {
            host = "PC";
        }
        String label = "InfoDesk " + host;
        return label.length() > 100 ? label.substring(0, 100) : label;
    }
}
