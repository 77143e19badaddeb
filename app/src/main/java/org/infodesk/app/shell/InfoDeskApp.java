package org.infodesk.app.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.infodesk.app.dashboard.ui.DashboardView;
import org.infodesk.app.dashboard.ui.DashboardViewModel;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteLastYearRepository;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.FormSession;
import org.infodesk.app.form.ui.FormView;
import org.infodesk.app.form.ui.FormViewModel;
import org.infodesk.app.storage.Store;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * The JavaFX application: loads the font, the questionnaire and the local store, and shows the
 * dashboard. Named parameters: {@code --lang=en}, {@code --data-dir=PATH}, {@code --open=DOMAIN} (open a
 * domain's form at once); {@code --probe} measures start-up and exits ({@link StartupProbe}).
 */
public final class InfoDeskApp extends Application {

    /** Who builds the form warmed up behind the dashboard: it never saves. */
    private static final String WARM_UP = "warm-up";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InfoDeskApp.class);

    private QuestionnaireLoad questionnaireReady;
    private LaoProfile lao;
    private Locale locale = Messages.THAI;
    private Stage stage;
    private final javafx.scene.layout.StackPane shell = new javafx.scene.layout.StackPane();
    private boolean fontLoaded;
    /** The dashboard built in {@link #init()}, shown by {@link #start}. */
    private javafx.scene.Parent firstView;
    private Path dataFolder;
    private Store store;
    private StoreException storeProblem;
    /** Whether the first dashboard was the saved copy, recomputed once the questionnaire is ready. */
    private boolean dashboardSaved;
    /** Enrolled with a server: the office is the one the server named; not, the app runs as the demo. */
    private boolean enrolled;
    /** Whether the work after the first frame (recomputing, warming up) is done: for the start-up probe. */
    private volatile boolean settled;
    /** The dashboard shown now, if it is the dashboard. */
    private DashboardViewModel dashboard;
    private final org.infodesk.app.ui.Background background = org.infodesk.app.ui.Background.worker("infodesk-background");
    private org.infodesk.app.users.UserService users;
    private Session session;
    private org.infodesk.app.device.DeviceKeys deviceKeys;
    /** Sync in the background and its screens (issue 7); made in {@link #start}. */
    private SyncShell sync;
    /** The relay by USB bundles (issue 8): the LAO's carry screen, or a district office's main screen. */
    private RelayShell relay;
    /** {@code --district=PPAA}: this PC is a district office's (issue 8); null on an LAO's PC. */
    private String districtCode;
    /** A {@code --district} value that is not a district code, to say so at start. */
    private String badDistrict;

    @Override
    public void init() {
        String lang = getParameters().getNamed().get("lang");
        if ("en".equals(lang)) {
            locale = Locale.ENGLISH;
        }
        String district = getParameters().getNamed().get("district");
        if (RelayShell.isDistrictCode(district)) {
            districtCode = district;
        } else if (district != null) {
            badDistrict = district;
        }
        // the launcher thread, while the toolkit waits for init: the font, then the loaded data, then
        // the dashboard's nodes (made off the JavaFX thread, as nodes not yet shown may be)
        fontLoaded = Fonts.load();
        Startup.Loaded loaded = Startup.await(getParameters().getRaw().toArray(String[]::new));
        questionnaireReady = loaded.questionnaire();
        lao = loaded.lao();
        dataFolder = loaded.dataFolder();
        store = loaded.store();
        storeProblem = loaded.storeProblem();
        dashboardSaved = loaded.dashboardSaved();
        enrolled = loaded.enrolled();
        LOG.info("InfoDesk started; data folder {}", dataFolder);
        if (storeProblem != null) {
            LOG.warn("cannot open the store: {}", storeProblem.getMessage());
        } else if (districtCode == null) {
            firstView = dashboardView(loaded.dashboardYear(), loaded.dashboard());
        }
    }

    /** The questionnaire; read while the first frame is made, so ready by the time anyone opens a domain. */
    private Questionnaire questionnaire() {
        return questionnaireReady.join();
    }

    /**
     * After the first frame, off the JavaFX thread: replaces the saved dashboard by a fresh one
     * once the questionnaire is ready (the same figures, unless the definition changed); then
     * warms the form up ({@link #warmUp}).
     */
    private void afterFirstFrame() {
        if (!dashboardSaved || store == null) {
            Platform.runLater(this::warmUp);
            return;
        }
        dashboardSaved = false;
        Store current = store;
        questionnaireReady.start().thenAcceptAsync(q -> {
            try {
                var fresh = Startup.refresh(current, q, lao, demo());
                if (demo()) {
                    org.infodesk.app.users.DemoUsers.installIfAbsent(users());
                }
                Platform.runLater(() -> {
                    if (dashboard != null && shown() instanceof DashboardView) {
                        dashboard.show(fresh);
                    }
                });
            } catch (StoreException e) {
                LOG.warn("cannot recompute the dashboard: {}", e.getMessage());
            }
            Platform.runLater(this::warmUp);
        }, task -> {
            Thread t = new Thread(task, "infodesk-dashboard");
            t.setDaemon(true);
            t.start();
        });
    }

    private void openStore() {
        try {
            Questionnaire questionnaire = questionnaire();
            store = Store.open(dataFolder, Clock.systemUTC(), Map.of(questionnaire.definition().key(), questionnaire.definition()));
            storeProblem = null;
        } catch (StoreException e) {
            LOG.warn("cannot open the store: {}", e.getMessage());
            store = null;
            storeProblem = e;
        }
    }

    @Override
    public void start(Stage primaryStage) {
        ErrorHandler.install(() -> Messages.of(locale));
        if (!fontLoaded) {
            LOG.warn("the bundled Thai font did not load; Thai may render with a system font");
        }
        if (storeProblem != null && SmokeTest.requested(getParameters())) {
            SmokeTest.storeFailed(storeProblem.getMessage());
            return;
        }
        while (storeProblem != null) {
            Optional<Path> restore = StartupProblemDialog.show(storeProblem, Messages.of(locale));
            if (restore.isEmpty()) {
                Platform.exit();
                return;
            }
            try {
                Store.restore(dataFolder, restore.get(), Clock.systemUTC());
            } catch (StoreException e) {
                storeProblem = e;
                continue;
            }
            openStore();
        }
        stage = primaryStage;
        relay = new RelayShell(store, lao, districtCode, () -> Messages.of(locale), this::deviceKeys, this::domainLabel, this::show,
                () -> show(root()), this::openEnrolment, this::switchLanguage, () -> stage, Clock.systemUTC());
        // the board shows the domains of the questionnaire in use (the 8 domains of each fiscal year alike)
        relay.statusBoard(() -> relay.openStatusBoard(year -> questionnaire().definition().domains()));
        // one root for the app's life, whose child changes: a new scene root would restyle every node
        // (and ControlsFX places its decoration layer above the root once, not at every form)
        shell.getChildren().setAll(firstView != null ? firstView : root());
        firstView = null;
        stage.setTitle(Messages.of(locale).get("app.title"));
        stage.setScene(new Scene(shell, 1100, 680));
        // ControlsFX puts its decoration layer above the scene's root at the first decoration, restyling
        // every node then: have it do so now, before the first frame, instead of at a field's first error
        org.controlsfx.control.decoration.Decorator.removeAllDecorations(shell);
        stage.getScene().getStylesheets().add(InfoDeskApp.class.getResource("app.css").toExternalForm());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        session = new Session(this::users, background, () -> Messages.of(locale), v -> show(v == null ? root() : v), this::shown,
                demo());
        session.watch(stage.getScene());
        sync = new SyncShell(store, dataFolder, lao, () -> Messages.of(locale), this::deviceKeys, this::domainLabel, this::show,
                () -> show(root()), () -> {
                    if (shown() instanceof DashboardView) {
                        show(root());
                    }
                }, () -> stage);
        sync.prefill(getParameters().getNamed().get("server"), getParameters().getNamed().get("enrolment-code"));
        if (districtCode != null) {
            sync.district(districtCode);
        } else {
            sync.carry(relay::openCarry);
        }
        sync.onEnrolled(this::enrolledAs);
        sync.onEnrolled(relay::enrolled);
        sync.prefillProxy(PresetConfig.proxySettings(getParameters().getNamed().get("proxy")));
        sync.start();
        relay.start();
        if (dashboard != null) {
            dashboard.followStatus(sync.statusLine());
            dashboard.showReturned(sync.returnedComments());
        }
        stage.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.A,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN), this::openUsers);
        stage.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.S,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN), this::openSync);
        stage.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.E,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN), this::openEnrolment);
        stage.getScene().getAccelerators().put(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.U,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN, javafx.scene.input.KeyCombination.SHIFT_DOWN), this::openRelay);
        stage.show();
        if (badDistrict != null) {
            Messages m = Messages.of(locale);
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.WARNING);
            alert.setTitle(m.get("app.title"));
            alert.setHeaderText(null);
            alert.getDialogPane().setContent(new org.infodesk.app.ui.WrappingLabel(m.get("district.badParameter", badDistrict)));
            alert.show();
        }
        afterFirstFrame();
        if (SmokeTest.requested(getParameters())) { // the installed app's self-check (issue 9)
            SmokeTest.run(stage, getParameters(), fontLoaded, dataFolder, store, this::questionnaire, lao, () -> settled);
            return;
        }
        if (getParameters().getUnnamed().contains("--probe")) {
            session.assume(new org.infodesk.app.users.User(java.util.UUID.randomUUID(), "probe", "probe", "probe",
                    java.util.Set.of(org.infodesk.app.users.Role.DATA_ENTRY_OFFICER), true));
            StartupProbe.run(stage.getScene(), new StartupProbe.Driver() {
                @Override
                public void openLargestDomain() {
                    openDomain(largestDomain());
                }

                @Override
                public boolean settled() {
                    return settled;
                }

                @Override
                public void backToDashboard() {
                    show(root());
                }

                @Override
                public void editAField() {
                    if (shown() instanceof FormView form) {
                        form.probeEdit();
                    }
                }

                @Override
                public boolean formComplete() {
                    return !(shown() instanceof FormView form) || form.fullyBuilt();
                }
            });
            return;
        }
        if (sync.enrolAtStart()) {
            openEnrolment();
            return;
        }
        String open = getParameters().getNamed().get("open");
        if (open != null && questionnaire().definition().domain(open).isPresent()) {
            openDomain(open);
        }
    }

    /** The view on top (a form being warmed up may lie hidden below it). */
    private javafx.scene.Node shown() {
        return shell.getChildren().isEmpty() ? null : shell.getChildren().get(shell.getChildren().size() - 1);
    }

    private void show(javafx.scene.Parent view) {
        if (!(view instanceof DashboardView)) {
            dashboard = null;
        }
        shell.getChildren().setAll(view);
    }

    /** The dashboard, computed now (and saved for the next start). */
    private javafx.scene.Parent root() {
        if (relay != null && relay.district()) {
            return relay.districtScreen(); // a district office's PC: the relay is its main screen
        }
        Questionnaire questionnaire = questionnaire();
        java.util.List<org.infodesk.app.dashboard.DomainProgress.Summary> summaries;
        try {
            summaries = Startup.dashboardSaved(store, questionnaire, lao);
        } catch (StoreException e) {
            LOG.warn("cannot read the dashboard: {}", e.getMessage());
            summaries = org.infodesk.app.dashboard.DomainProgress.of(questionnaire, Answers.empty());
        }
        javafx.scene.Parent view = dashboardView(questionnaire.definition().fiscalYear(), summaries);
        if (sync != null) {
            sync.nudge(); // back from certifying, perhaps: send what was certified
        }
        return view;
    }

    private javafx.scene.Parent dashboardView(int fiscalYear, java.util.List<org.infodesk.app.dashboard.DomainProgress.Summary> summaries) {
        DashboardViewModel model = new DashboardViewModel(fiscalYear, lao, Messages.of(locale));
        model.show(summaries);
        dashboard = model;
        if (sync != null) {
            model.followStatus(sync.statusLine());
            model.showReturned(sync.returnedComments());
        }
        return new DashboardView(model, this::switchLanguage, this::openDomain, this::openSync, this::openEnrolment, this::openUsers);
    }

    /** The sync screen (Ctrl+Shift+S, the header's button, a click on the status bar). */
    private void openSync() {
        if (sync != null) {
            sync.openSync();
        }
    }

    /** The relay screen (Ctrl+Shift+U): carry by USB on an LAO's PC, the district's main screen on a district office's. */
    private void openRelay() {
        if (relay == null) {
            return;
        }
        if (relay.district()) {
            show(root());
        } else {
            relay.openCarry();
        }
    }

    /** The enrolment screen (Ctrl+Shift+E, the header's button, the sync screen's button). */
    private void openEnrolment() {
        if (sync != null) {
            sync.openEnrolment();
        }
    }

    /** A domain's name in the language shown. */
    private String domainLabel(String domainId) {
        return questionnaire().definition().domain(domainId).map(d -> Messages.of(locale).text(d.label())).orElse(domainId);
    }

    /** The installation's device key, loaded (or made) once. */
    private synchronized org.infodesk.app.device.DeviceKeys deviceKeys() throws org.infodesk.app.device.DeviceKeyException {
        if (deviceKeys == null) {
            try {
                deviceKeys = org.infodesk.app.device.DeviceKeys.loadOrCreate(dataFolder,
                        new org.infodesk.app.storage.SqliteDeviceRepository(store));
            } catch (StoreException e) {
                throw new IllegalStateException(e);
            }
        }
        return deviceKeys;
    }

    private SqliteAnswerRepository answersRepository() {
        return new SqliteAnswerRepository(store, questionnaire().definition().key());
    }

    /** Opens a domain's form, once someone is signed in. */
    private void openDomain(String domainId) {
        session.require(() -> openForm(domainId), () -> show(root()));
    }

    private void openForm(String domainId) {
        try {
            FormView view = formView(domainId, session.user().username(), () -> openReview(domainId));
            show(view);
            Platform.runLater(view::focusFirst);
        } catch (StoreException e) {
            StartupProblemDialog.show(e, Messages.of(locale));
        }
    }

    private FormView formView(String domainId, String user, Runnable review) throws StoreException {
        Messages messages = Messages.of(locale);
        Questionnaire questionnaire = questionnaire();
        DomainKey key = new DomainKey(lao.code(), questionnaire.definition().fiscalYear(), domainId);
        SqliteAnswerRepository repo = answersRepository();
        FormSession session = new FormSession(questionnaire, repo, key, user);
        return new FormView(new FormViewModel(session, repo, lastYear(key), messages), () -> show(root()), review);
    }

    private Answers lastYear(DomainKey key) throws StoreException {
        return new SqliteLastYearRepository(store, questionnaire().definition()).values(lao.code(), key.fiscalYear() - 1);
    }

    /** The domain's review and certification screen (issue 5). */
    private void openReview(String domainId) {
        Messages messages = Messages.of(locale);
        Questionnaire questionnaire = questionnaire();
        DomainKey key = new DomainKey(lao.code(), questionnaire.definition().fiscalYear(), domainId);
        try {
            if (deviceKeys == null) {
                deviceKeys = org.infodesk.app.device.DeviceKeys.loadOrCreate(dataFolder,
                        new org.infodesk.app.storage.SqliteDeviceRepository(store));
            }
            SqliteAnswerRepository repo = answersRepository();
            var certifications = new org.infodesk.app.storage.SqliteCertificationRepository(store, repo);
            // the device is named by its key's id, before and after enrolment (SPEC §3.2, §4.6)
            var service = new org.infodesk.app.certify.CertificationService(questionnaire, repo, certifications, users(),
                    deviceKeys, deviceKeys.keyId(), Clock.systemUTC());
            var context = new org.infodesk.app.certify.ui.CertifyViewModel.Context(service, repo, certifications, lao, messages,
                    dataFolder, java.time.ZoneId.systemDefault(), background);
            var view = new org.infodesk.app.certify.ui.CertifyView(new org.infodesk.app.certify.ui.CertifyViewModel(context, key,
                    lastYear(key), session.user().username(), () -> show(root()), k -> openForm(k.domain())),
                    sheet -> getHostServices().showDocument(sheet.toUri().toString()));
            show(view);
            Platform.runLater(view::focusFirst);
        } catch (StoreException e) {
            StartupProblemDialog.show(e, messages);
        } catch (org.infodesk.app.device.DeviceKeyException e) {
            LOG.warn("the device key: {}", e.getMessage());
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR);
            alert.setTitle(messages.get("app.title"));
            alert.setHeaderText(null);
            alert.getDialogPane().setContent(new org.infodesk.app.ui.WrappingLabel(e.message(messages)));
            alert.showAndWait();
        }
    }

    /** Not enrolled (issue 7): the demo LAO, with the demo's users. */
    private boolean demo() {
        return !enrolled;
    }

    /**
     * An enrolment made on the screen. A PC in the demo leaves it: it works for the office the
     * server named from now on (the dashboard shows it when the officer goes back to it), the
     * demo's people can no longer sign in (their password is on the demo's screen), and whoever
     * was signed in is signed out; the next sign-in makes the office's first admin. A PC enrolled
     * before keeps its office (the enrolment service refused a code for another).
     */
    private void enrolledAs(org.infodesk.app.sync.ServerAccount account) {
        if (!demo()) {
            return;
        }
        enrolled = true;
        LaoProfile office = LaoProfile.of(account.enrolment()).orElse(lao);
        LOG.info("left the demo: this PC works for {} from now on", office.code());
        lao = office;
        sync.office(office);
        relay.office(office);
        try {
            org.infodesk.app.users.DemoUsers.retire(users());
        } catch (org.infodesk.app.data.StoreException e) {
            LOG.warn("cannot retire the demo's users: {}", e.getMessage());
        }
        session.endDemo();
    }

    private synchronized org.infodesk.app.users.UserService users() {
        if (users == null) {
            users = new org.infodesk.app.users.UserService(new org.infodesk.app.storage.SqliteUserRepository(store),
                    org.infodesk.app.users.PasswordHasher.standard(), Clock.systemUTC());
        }
        return users;
    }

    /** The office's users (Ctrl+Shift+A, the dashboard's button): for an LAO admin, asked to sign in if need be. */
    private void openUsers() {
        session.requireAdmin(this::showUsers, () -> show(root()));
    }

    private void showUsers() {
        var model = new org.infodesk.app.users.ui.OfficeUsersViewModel(users(), session.user(), Messages.of(locale), background,
                () -> show(root()));
        var view = new org.infodesk.app.users.ui.OfficeUsersView(model);
        show(view);
        model.load();
        Platform.runLater(view::focusFirst);
    }

    private String largestDomain() {
        return questionnaire().definition().domains().stream()
                .max(java.util.Comparator.comparingInt(d -> d.items().size())).orElseThrow().id();
    }

    /**
     * Once the start-up work is done: builds the largest domain's form out of sight, behind the
     * dashboard, a section a frame, and drops it. The first form an officer opens then finds the
     * code loaded and compiled and the styles matched, instead of paying for it (docs/adr/0007).
     * Opening a domain meanwhile replaces it at once. Reads only; never saves.
     */
    private void warmUp() {
        if (store == null || !(shown() instanceof DashboardView)) {
            settled = true;
            return;
        }
        FormView hidden;
        try {
            hidden = formView(largestDomain(), WARM_UP, null);
        } catch (StoreException e) {
            settled = true;
            return;
        }
        hidden.setVisible(false);
        shell.getChildren().add(0, hidden);
        new javafx.animation.AnimationTimer() {
            @Override
            public void handle(long now) {
                if (hidden.getParent() == null || hidden.fullyBuilt()) {
                    stop();
                    shell.getChildren().remove(hidden);
                    collectOnce();
                }
            }
        }.start();
    }

    /**
     * Collects the heap once, now that start-up is done and nobody waits (docs/adr/0007, 8). The
     * first collection after start copies everything the start left alive (the questionnaire, the
     * styles, the toolkit's buffers: about 35 MB); left to itself it falls in whatever the officer
     * does next, such as opening a domain (a 0.2 s pause there). Afterwards the young collections
     * copy only what the last screens made. Then {@link #settled}.
     */
    private void collectOnce() {
        Thread t = new Thread(() -> {
            System.gc();
            settled = true;
        }, "infodesk-settle");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        if (sync != null) {
            sync.stop();
        }
        if (relay != null) {
            relay.stop();
        }
        if (store != null && questionnaireReady.ready()) {
            // the next start shows this dashboard at once: save it as it is now
            try {
                Startup.dashboardSaved(store, questionnaire(), lao);
            } catch (StoreException | RuntimeException e) {
                LOG.warn("cannot save the dashboard for the next start: {}", e.toString());
            }
        }
        if (store != null) {
            store.close();
        }
    }

    private void switchLanguage() {
        locale = Messages.of(locale).english() ? Messages.THAI : Locale.ENGLISH;
        stage.setTitle(Messages.of(locale).get("app.title"));
        show(root());
    }
}
