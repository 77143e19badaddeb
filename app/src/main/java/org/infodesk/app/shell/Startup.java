package org.infodesk.app.shell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.Optional;
import org.infodesk.app.dashboard.DashboardCache;
import org.infodesk.app.dashboard.DomainProgress;
import org.infodesk.app.definitions.Bundled;
import org.infodesk.app.definitions.Questionnaires;
import org.infodesk.app.definitions.ReceivedDefinition;
import org.infodesk.app.storage.SqliteAccountRepository;
import org.infodesk.app.storage.SqliteDashboardCache;
import org.infodesk.app.storage.SqliteDefinitionRepository;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.lastyear.DemoSample;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.storage.DataFolder;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteLastYearRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.sync.ServerAccount;
import org.infodesk.app.certify.Readiness;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.rules.Evaluation;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * The slow part of starting: reading and compiling the questionnaire, opening (and backing up)
 * the store, reading the dashboard's data. {@link Launcher} begins it on a thread of its own
 * before JavaFX starts, so that it runs while the toolkit comes up, not after it.
 *
 * <p>The first frame needs only the store: it shows the dashboard as last computed (the store's
 * {@link DashboardCache}), and the questionnaire is read meanwhile; the shell recomputes the
 * dashboard once it is ready (docs/adr/0007). Only the very first start, with nothing saved yet,
 * waits for the questionnaire.
 */
final class Startup {

    /**
     * What the window needs to show the dashboard.
     *
     * @param questionnaire  read already, being read, or to begin after the first frame
     * @param dashboard      the dashboard to show first: saved from the last run, or computed now; null
     *                       when the store could not open
     * @param dashboardYear  the fiscal year of {@code dashboard}
     * @param dashboardSaved whether {@code dashboard} is the saved copy, to recompute when the questionnaire is ready
     */
    /**
     * @param enrolled whether the PC has enrolled with a server (its office is then the one the
     *                 server named: {@code lao}); not enrolled, it runs as the demo
     */
    record Loaded(QuestionnaireLoad questionnaire, LaoProfile lao, Path dataFolder, Store store,
            StoreException storeProblem, List<DomainProgress.Summary> dashboard, int dashboardYear, boolean dashboardSaved,
            boolean enrolled) {}

    private static CompletableFuture<Loaded> pending;

    private Startup() {}

    /** Begins loading; {@code args} as given to main ({@code --data-dir=PATH} is read here). */
    static synchronized void begin(String[] args) {
        if (pending == null) {
            String dir = null;
            for (String a : args) {
                if (a.startsWith("--data-dir=")) {
                    dir = a.substring("--data-dir=".length());
                }
            }
            Path folder = DataFolder.forThisMachine(dir);
            pending = CompletableFuture.supplyAsync(() -> load(folder), onThread("infodesk-start"));
        }
    }

    /** Waits for the load begun by {@link #begin} (beginning it if nobody did) and hands it over once. */
    static synchronized Loaded await(String[] args) {
        begin(args);
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pending = null;
        }
    }

    private static Loaded load(Path folder) {
        QuestionnaireLoad questionnaire = new QuestionnaireLoad();
        if (!Files.exists(folder.resolve(Store.FILE))) {
            // the first start has no saved dashboard and needs the questionnaire: read it beside the store
            questionnaire.start();
        }
        Logging.toFolder(folder);
        LaoProfile lao = LaoProfile.demo();
        Store store;
        java.util.concurrent.atomic.AtomicReference<Questionnaires> held = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            store = Store.open(folder, Clock.systemUTC(), () -> {
                Questionnaires received = held.get();
                if (received == null) {
                    Definition d = questionnaire.join().definition();
                    return Map.of(d.key(), d);
                }
                try {
                    return received.byKey(); // the bundled one and each received one: values entered with any read back
                } catch (StoreException e) {
                    throw new IllegalStateException(e); // not reached: it reads no database
                }
            });
        } catch (StoreException e) {
            return new Loaded(questionnaire, lao, folder, null, e, null, 0, false, false);
        }
        boolean enrolled;
        try {
            // An enrolled PC works for the office the server named at enrolment (SPEC §4.4); else the demo's.
            Optional<ServerAccount> account = new SqliteAccountRepository(store).current();
            enrolled = account.isPresent();
            lao = account.flatMap(a -> LaoProfile.of(a.enrolment())).orElse(lao);
            // A newer version of the year's questionnaire received from the server (issue 7) is entered
            // with from this start on; none held (the usual case) leaves the bundled one.
            List<ReceivedDefinition> received = new SqliteDefinitionRepository(store).all();
            if (!received.isEmpty()) {
                Questionnaires questionnaires = Questionnaires.of(received);
                held.set(questionnaires);
                if (!questionnaire.started()) {
                    questionnaire.from(() -> questionnaires.forFiscalYear(Bundled.FISCAL_YEAR));
                }
            }
            Optional<DashboardCache.Saved> saved = new SqliteDashboardCache(store).latest(lao.code());
            if (saved.isPresent()) {
                return new Loaded(questionnaire, lao, folder, store, null, saved.get().summaries(), saved.get().fiscalYear(), true,
                        enrolled);
            }
            // the first start: nothing saved to show yet
            Questionnaire q = questionnaire.join();
            List<DomainProgress.Summary> dashboard = refresh(store, q, lao, !enrolled);
            return new Loaded(questionnaire, lao, folder, store, null, dashboard, q.definition().fiscalYear(), false, enrolled);
        } catch (StoreException e) {
            store.close();
            return new Loaded(questionnaire, lao, folder, null, e, null, 0, false, false);
        }
    }

    /**
     * Computes every domain's progress and saves it for the next start; in demo mode (not
     * enrolled) first installs the sample LAO's last-year values, to show the update workflow.
     */
    static List<DomainProgress.Summary> refresh(Store store, Questionnaire q, LaoProfile lao, boolean demo) throws StoreException {
        if (demo) {
            DemoSample.installIfAbsent(new SqliteLastYearRepository(store, q.definition()), q.definition(), lao.code());
        }
        return dashboardSaved(store, q, lao);
    }

    /** Every domain's progress ({@link #dashboard}), saved for the next start. */
    static List<DomainProgress.Summary> dashboardSaved(Store store, Questionnaire q, LaoProfile lao) throws StoreException {
        List<DomainProgress.Summary> dashboard = dashboard(store, q, lao);
        new SqliteDashboardCache(store).save(lao.code(), q.definition().fiscalYear(), q.definition().key(), dashboard);
        return dashboard;
    }

    /** A thread of its own for one task (the common pool has one thread on two cores, and is shared). */
    static java.util.concurrent.Executor onThread(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /**
     * Every domain's progress, from the stored answers and each domain's current revision; its
     * warnings count, as the form does, each large change from last year still without a reason.
     */
    static List<DomainProgress.Summary> dashboard(Store store, Questionnaire q, LaoProfile lao) throws StoreException {
        SqliteAnswerRepository repo = new SqliteAnswerRepository(store, q.definition().key());
        int year = q.definition().fiscalYear();
        Map<String, DomainRecord> records = new HashMap<>();
        for (var d : q.definition().domains()) {
            records.put(d.id(), repo.current(new DomainKey(lao.code(), year, d.id())));
        }
        Answers answers = repo.answers(lao.code(), year);
        Answers lastYear = new SqliteLastYearRepository(store, q.definition()).values(lao.code(), year - 1);
        Evaluation evaluation = q.evaluate(answers);
        List<DomainProgress.Summary> out = new java.util.ArrayList<>();
        for (DomainProgress.Summary s : DomainProgress.of(q, answers, evaluation, records)) {
            Domain domain = q.definition().domain(s.id()).orElseThrow();
            long unexplained = Readiness.of(evaluation, domain, answers, lastYear,
                    repo.justifications(new DomainKey(lao.code(), year, s.id()))).warnings().stream()
                    .filter(w -> w.item() != null && !w.justified()).count();
            out.add(unexplained == 0 ? s : new DomainProgress.Summary(s.id(), s.order(), s.label(), s.required(), s.answered(),
                    s.errors(), s.warnings() + unexplained, s.state(), s.lastSaved()));
        }
        return out;
    }
}
