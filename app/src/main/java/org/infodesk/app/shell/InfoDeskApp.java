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

    /** Until local users exist (issue 5), edits are recorded as the demo data-entry officer. */
    private static final String USER = "officer";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InfoDeskApp.class);

    private Questionnaire questionnaire;
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
    /** The dashboard computed while starting; used once, for the first frame. */
    private java.util.List<org.infodesk.app.dashboard.DomainProgress.Summary> firstDashboard;

    @Override
    public void init() {
        String lang = getParameters().getNamed().get("lang");
        if ("en".equals(lang)) {
            locale = Locale.ENGLISH;
        }
        // the launcher thread, while the toolkit waits for init: the font, then the loaded data, then
        // the dashboard's nodes (made off the JavaFX thread, as nodes not yet shown may be)
        fontLoaded = Fonts.load();
        Startup.Loaded loaded = Startup.await(getParameters().getRaw().toArray(String[]::new));
        questionnaire = loaded.questionnaire();
        lao = loaded.lao();
        dataFolder = loaded.dataFolder();
        store = loaded.store();
        storeProblem = loaded.storeProblem();
        firstDashboard = loaded.dashboard();
        LOG.info("InfoDesk started; data folder {}", dataFolder);
        if (storeProblem != null) {
            LOG.warn("cannot open the store: {}", storeProblem.getMessage());
        } else {
            firstView = root();
        }
    }

    private void openStore() {
        try {
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
        stage.show();
        if (getParameters().getUnnamed().contains("--probe")) {
            StartupProbe.run(stage.getScene(), new StartupProbe.Driver() {
                @Override
                public void openLargestDomain() {
                    openDomain(questionnaire.definition().domains().stream()
                            .max(java.util.Comparator.comparingInt(d -> d.items().size())).orElseThrow().id());
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
        String open = getParameters().getNamed().get("open");
        if (open != null && questionnaire.definition().domain(open).isPresent()) {
            openDomain(open);
        }
    }

    private javafx.scene.Node shown() {
        return shell.getChildren().isEmpty() ? null : shell.getChildren().get(0);
    }

    private void show(javafx.scene.Parent view) {
        shell.getChildren().setAll(view);
    }

    private javafx.scene.Parent root() {
        Messages messages = Messages.of(locale);
        DashboardViewModel model = new DashboardViewModel(questionnaire, lao, messages);
        if (firstDashboard != null) {
            model.show(firstDashboard);
            firstDashboard = null;
        } else {
            try {
                model.show(Startup.dashboard(store, questionnaire, lao));
            } catch (StoreException e) {
                model.show(Answers.empty());
            }
        }
        return new DashboardView(model, this::switchLanguage, this::openDomain);
    }

    private SqliteAnswerRepository answersRepository() {
        return new SqliteAnswerRepository(store, questionnaire.definition().key());
    }

    private void openDomain(String domainId) {
        Messages messages = Messages.of(locale);
        DomainKey key = new DomainKey(lao.code(), questionnaire.definition().fiscalYear(), domainId);
        try {
            SqliteAnswerRepository repo = answersRepository();
            Answers lastYear = new SqliteLastYearRepository(store, questionnaire.definition())
                    .values(lao.code(), key.fiscalYear() - 1);
            FormSession session = new FormSession(questionnaire, repo, key, USER);
            FormView view = new FormView(new FormViewModel(session, repo, lastYear, messages), () -> show(root()));
            show(view);
            Platform.runLater(view::focusFirst);
        } catch (StoreException e) {
            StartupProblemDialog.show(e, messages);
        }
    }

    @Override
    public void stop() {
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
