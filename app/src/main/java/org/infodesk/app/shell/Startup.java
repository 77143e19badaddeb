package org.infodesk.app.shell;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.infodesk.app.dashboard.DomainProgress;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.lastyear.DemoSample;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.storage.DataFolder;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.SqliteLastYearRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * The slow part of starting: reading and compiling the questionnaire, opening (and backing up)
 * the store, reading the dashboard's data. {@link Launcher} begins it on a thread of its own
 * before JavaFX starts, so that it runs while the toolkit comes up, not after it.
 */
final class Startup {

    /** What the window needs to show the dashboard. */
    record Loaded(Questionnaire questionnaire, LaoProfile lao, Path dataFolder, Store store, StoreException storeProblem,
            List<DomainProgress.Summary> dashboard) {}

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
        // three things that do not need each other, at once: the questionnaire, the log, the store
        CompletableFuture<Questionnaire> questionnaire = CompletableFuture.supplyAsync(Questionnaire::fy2564, onThread("infodesk-questionnaire"));
        Logging.toFolder(folder);
        LaoProfile lao = LaoProfile.demo();
        Store store = null;
        StoreException problem = null;
        try {
            store = Store.open(folder, Clock.systemUTC(), () -> {
                Definition d = questionnaire.join().definition();
                return Map.of(d.key(), d);
            });
        } catch (StoreException e) {
            problem = e;
        }
        Questionnaire q = questionnaire.join();
        List<DomainProgress.Summary> dashboard = null;
        if (store != null) {
            try {
                // demo mode (not enrolled): last year's values of the sample LAO, to show the update workflow
                DemoSample.installIfAbsent(new SqliteLastYearRepository(store, q.definition()), q.definition(), lao.code());
                dashboard = dashboard(store, q, lao);
            } catch (StoreException e) {
                problem = e;
            }
        }
        return new Loaded(q, lao, folder, store, problem, dashboard);
    }

    /** A thread of its own for one task (the common pool has one thread on two cores, and is shared). */
    private static java.util.concurrent.Executor onThread(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            t.start();
        };
    }

    /** Every domain's progress, from the stored answers and each domain's current revision. */
    static List<DomainProgress.Summary> dashboard(Store store, Questionnaire q, LaoProfile lao) throws StoreException {
        SqliteAnswerRepository repo = new SqliteAnswerRepository(store, q.definition().key());
        int year = q.definition().fiscalYear();
        Map<String, DomainRecord> records = new HashMap<>();
        for (var d : q.definition().domains()) {
            records.put(d.id(), repo.current(new DomainKey(lao.code(), year, d.id())));
        }
        return DomainProgress.of(q, repo.answers(lao.code(), year), records);
    }
}
