package org.infodesk.app.shell;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.ui.Background;
import org.infodesk.app.users.DemoUsers;
import org.infodesk.app.users.InactivityLock;
import org.infodesk.app.users.Permissions;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.infodesk.app.users.ui.ChangePasswordView;
import org.infodesk.app.users.ui.ChangePasswordViewModel;
import org.infodesk.app.users.ui.FirstRunView;
import org.infodesk.app.users.ui.FirstRunViewModel;
import org.infodesk.app.users.ui.SignInView;
import org.infodesk.app.users.ui.SignInViewModel;

/**
 * Who is working (issue 5): the dashboard shows without signing in (it holds no values); opening a
 * domain asks for a sign-in first (or, on an installation without users, for its first admin),
 * and after ten minutes without input the screen locks until someone signs in again. In demo
 * mode the sign-in screen names the demo's users ({@link DemoUsers}).
 */
final class Session {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);
    private static final javafx.util.Duration CHECK_EVERY = javafx.util.Duration.seconds(15);

    private final Supplier<UserService> users;
    private final Background background;
    private final Supplier<Messages> messages;
    private final Consumer<Parent> show;
    private final Supplier<Node> shown;
    private boolean demo;
    private final InactivityLock lock = new InactivityLock(Clock.systemUTC());
    private User user;
    private boolean locked;

    Session(Supplier<UserService> users, Background background, Supplier<Messages> messages, Consumer<Parent> show,
            Supplier<Node> shown, boolean demo) {
        this.users = users;
        this.background = background;
        this.messages = messages;
        this.show = show;
        this.shown = shown;
        this.demo = demo;
    }

    /** The signed-in user, or null. */
    User user() {
        return user;
    }

    /**
     * The PC left the demo (enrolled for its own office): whoever is signed in (a demo user) is
     * signed out, and the next sign-in names no demo users.
     */
    void endDemo() {
        demo = false;
        user = null;
    }

    /** For the start-up probe only: works as a user without a sign-in. */
    void assume(User who) {
        user = who;
    }

    /**
     * Runs {@code then} once someone is signed in: at once if so, else after the sign-in (or the
     * first admin) screen; Esc there runs {@code cancel}.
     */
    void require(Runnable then, Runnable cancel) {
        if (user != null) {
            then.run();
            return;
        }
        signIn(then, cancel, false);
    }

    /**
     * Runs {@code then} once an LAO admin is signed in (the office's users screen): at once if the
     * user signed in is one, else after a sign-in that lets only an admin through (who is then the
     * one signed in); Esc there runs {@code cancel}.
     */
    void requireAdmin(Runnable then, Runnable cancel) {
        if (Permissions.canManageUsers(user)) {
            then.run();
            return;
        }
        signIn(then, cancel, true);
    }

    /**
     * The sign-in (or first admin) screen, then {@code then}; a password an admin chose is first
     * replaced by the user's own ({@link ChangePasswordView}).
     */
    private void signIn(Runnable then, Runnable cancel, boolean adminOnly) {
        Messages m = messages.get();
        Consumer<User> signedIn = u -> {
            user = u;
            lock.unlock();
            lock.activity();
            LOG.info("signed in: {}", u.username());
            then.run();
        };
        Parent view;
        boolean firstAdmin;
        try {
            if (demo) {
                DemoUsers.installIfAbsent(users.get()); // made after the first frame; at once if asked sooner
            }
            firstAdmin = users.get().needsFirstAdmin();
        } catch (StoreException e) {
            StartupProblemDialog.show(e, m);
            return;
        }
        if (firstAdmin) {
            FirstRunView first = new FirstRunView(new FirstRunViewModel(users.get(), m, background, signedIn));
            Platform.runLater(first::focusFirst);
            view = first;
        } else {
            String header = demo ? m.get("signIn.atStart") + "\n" + m.get("signIn.demo", DemoUsers.OFFICER, DemoUsers.CERTIFIER,
                    DemoUsers.PASSWORD) : m.get("signIn.atStart");
            if (adminOnly) {
                header = m.get("signIn.asAdmin") + (demo ? "\n" + m.get("signIn.demoAdmin", DemoUsers.ADMIN, DemoUsers.PASSWORD) : "");
            }
            SignInViewModel model = SignInViewModel.atStart(users.get(), m, ZoneId.systemDefault(), background, header, signedIn);
            // anyone on a password an admin set chooses their own (the demo's people have theirs: DemoUsers)
            model.onMustChangePassword((u, current) -> choosePassword(u, current, signedIn, cancel));
            if (adminOnly) {
                model.onlyAdmins();
            }
            SignInView signIn = new SignInView(model);
            Platform.runLater(signIn::focusFirst);
            view = signIn;
        }
        escapeRuns(view, cancel);
        show.accept(view);
    }

    /** After a sign-in with a password an admin chose: the user's own, then on as signed in; Esc cancels. */
    private void choosePassword(User who, String current, Consumer<User> signedIn, Runnable cancel) {
        ChangePasswordView view = new ChangePasswordView(new ChangePasswordViewModel(users.get(), messages.get(),
                ZoneId.systemDefault(), background, who, current, signedIn));
        escapeRuns(view, cancel);
        show.accept(view);
        Platform.runLater(view::focusFirst);
    }

    private static void escapeRuns(Parent view, Runnable cancel) {
        view.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                cancel.run();
            }
        });
    }

    /** Counts every key and mouse input in the scene as activity, and locks the screen when it is idle too long. */
    void watch(Scene scene) {
        scene.addEventFilter(InputEvent.ANY, e -> {
            if (!locked) {
                lock.activity();
            }
        });
        Timeline check = new Timeline(new KeyFrame(CHECK_EVERY, e -> lockIfIdle()));
        check.setCycleCount(Timeline.INDEFINITE);
        check.play();
    }

    private void lockIfIdle() {
        if (user == null || locked || !lock.locked()) {
            return;
        }
        locked = true;
        Node behind = shown.get();
        User before = user;
        LOG.info("screen locked after inactivity");
        SignInView view = new SignInView(SignInViewModel.afterInactivity(users.get(), messages.get(), ZoneId.systemDefault(),
                background, lock, before, u -> {
                    locked = false;
                    user = u;
                    // the same person goes on where they were; another starts from the dashboard
                    if (u.id().equals(before.id()) && behind instanceof Parent p) {
                        show.accept(p);
                    } else {
                        show.accept(null);
                    }
                }));
        show.accept(view);
        Platform.runLater(view::focusFirst);
    }
}
