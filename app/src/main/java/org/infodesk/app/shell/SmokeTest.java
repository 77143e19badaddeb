package org.infodesk.app.shell;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.text.Font;
import javafx.stage.Stage;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.FormSession;
import org.infodesk.app.profile.LaoProfile;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * The installed app's self-check (issue 9): {@code --smoke-test} opens the main window on the data
 * folder it would use, checks after the first frame that the window shows and that the bundled Thai
 * font is loaded, that the app's work after its first frame finished, that the preset file (if any) has no bad line, prints one line
 * {@code SMOKE OK ...} and exits 0; otherwise prints {@code SMOKE FAILED: why} and exits 1.
 * IT staff run it after an install; CI runs it on the installed {@code .deb}.
 *
 * <p>For the upgrade test: {@code --smoke-save=TEXT} also saves TEXT as the answer of the first
 * text item of the first domain, through the form's own code path ({@link FormSession});
 * {@code --smoke-expect=TEXT} checks that the answer stored there is TEXT.
 */
final class SmokeTest {

    static final String FLAG = "--smoke-test";
    /** Who the saved answer is recorded as. */
    static final String USER = "smoke-test";

    /** What the check found: null while it has not run. */
    record Result(boolean ok, String line) {}

    private static volatile Result result;
    /** How the app ends once the check is done; tests keep the toolkit running instead. */
    static volatile Runnable exit = Platform::exit;

    private SmokeTest() {}

    static boolean requested(Application.Parameters parameters) {
        return parameters.getUnnamed().contains(FLAG) || parameters.getRaw().contains(FLAG);
    }

    /** The outcome so far, or null. */
    static Result result() {
        return result;
    }

    /** Forgets the last outcome (tests run it more than once in a JVM). */
    static void reset() {
        result = null;
    }

    /** The process's exit code once the smoke test ran: 0 if it passed. */
    static int exitCode() {
        Result r = result;
        return r != null && r.ok() ? 0 : 1;
    }

    /** The store could not open: the smoke test fails at once, with the store's message. */
    static void storeFailed(String why) {
        finish(false, "the data folder cannot be opened: " + why);
    }

    /** Runs the check after the window's first frame (call on the JavaFX thread, after {@code stage.show()}). */
    static void run(Stage stage, Application.Parameters parameters, boolean fontLoaded, Path dataFolder, Store store,
            Supplier<Questionnaire> questionnaire, LaoProfile lao, java.util.function.BooleanSupplier settled) {
        // once the work after the first frame is done (the dashboard recomputed, a form warmed up): it is
        // checked too, and the app does not close its store under it
        whenSettled(stage, settled, () -> {
            try {
                finish(true, check(stage, parameters, fontLoaded, dataFolder, store, questionnaire, lao));
            } catch (Failure | org.infodesk.app.data.StoreException | RuntimeException e) {
                finish(false, e instanceof Failure ? e.getMessage() : e.toString());
            }
        });
    }

    private static void whenSettled(Stage stage, java.util.function.BooleanSupplier settled, Runnable then) {
        StartupProbe.afterNextFrame(stage.getScene(), () -> {
            if (settled.getAsBoolean()) {
                then.run();
            } else {
                whenSettled(stage, settled, then);
            }
        });
    }

    private static String check(Stage stage, Application.Parameters parameters, boolean fontLoaded, Path dataFolder,
            Store store, Supplier<Questionnaire> questionnaire, LaoProfile lao) throws Failure, org.infodesk.app.data.StoreException {
        if (!stage.isShowing() || stage.getScene() == null || stage.getScene().getRoot().getChildrenUnmodifiable().isEmpty()) {
            throw new Failure("the main window did not show");
        }
        if (!fontLoaded || !Font.getFamilies().contains(Fonts.FAMILY) || !Fonts.FAMILY.equals(Font.font(Fonts.FAMILY, 15).getFamily())) {
            throw new Failure("the bundled Thai font " + Fonts.FAMILY + " is not loaded");
        }
        List<PresetConfig.Problem> problems = PresetConfig.current().problems();
        if (!problems.isEmpty()) {
            throw new Failure("the preset file " + PresetConfig.current().file().map(Path::toString).orElse("") + " has "
                    + problems.size() + " bad line(s): " + problems.get(0).message(org.infodesk.app.i18n.Messages.of(java.util.Locale.ENGLISH)));
        }
        StringBuilder line = new StringBuilder("window=shown font=" + Fonts.FAMILY + " data=" + dataFolder + " preset="
                + PresetConfig.current().file().map(Path::toString).orElse("none"));
        for (String name : List.of("server", "proxy", "district")) {
            String value = parameters.getNamed().get(name);
            if (value != null) {
                line.append(' ').append(name).append('=').append(value);
            }
        }
        String save = parameters.getNamed().get("smoke-save");
        String expect = parameters.getNamed().get("smoke-expect");
        if (save != null || expect != null) {
            Questionnaire q = questionnaire.get();
            Domain domain = q.definition().domains().stream().min(Comparator.comparingInt(Domain::order)).orElseThrow();
            Item item = domain.items().stream().filter(i -> i.type() == ItemType.TEXT).findFirst()
                    .orElseThrow(() -> new Failure("the first domain has no text item"));
            DomainKey key = new DomainKey(lao.code(), q.definition().fiscalYear(), domain.id());
            SqliteAnswerRepository repo = new SqliteAnswerRepository(store, q.definition().key());
            if (save != null) {
                new FormSession(q, repo, key, USER).edit(item.id(), save);
                line.append(" saved=").append(domain.id()).append('.').append(item.id());
            }
            if (expect != null) {
                Object found = repo.answers(key.lao(), key.fiscalYear()).get(domain.id(), item.id());
                if (!Objects.equals(expect, found)) {
                    throw new Failure("expected " + domain.id() + "." + item.id() + " = \"" + expect + "\", found " + found);
                }
                line.append(" found=").append(domain.id()).append('.').append(item.id());
            }
        }
        return line.toString();
    }

    private static void finish(boolean ok, String what) {
        result = new Result(ok, ok ? "SMOKE OK " + what : "SMOKE FAILED: " + what);
        (ok ? System.out : System.err).println(result.line());
        (ok ? System.out : System.err).flush();
        exit.run();
    }

    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }
}
