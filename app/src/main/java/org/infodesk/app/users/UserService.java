package org.infodesk.app.users;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.infodesk.app.data.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local users: first-run set-up, adding users and resetting passwords (admins only), sign-in
 * with lock-out, and changing one's own password. No JavaFX: the screens (issue 5's UI half)
 * call these methods and show {@link UserException#message} and {@link SignIn#message}.
 *
 * <p>Lock-out: {@value #MAX_FAILURES} failed sign-ins in a row lock a user name for
 * {@link #LOCK_DURATION}, by the injected clock; the count and the lock are stored, so that
 * restarting the app does not reset them. While locked no password is checked, so a locked name
 * cannot be guessed at. Once the lock has passed, counting starts again; a successful sign-in,
 * or an admin's password reset, clears the count. A name that no user has is counted and locked
 * in the same way (no user enumeration), and its sign-in costs the same hash.
 */
public final class UserService {

    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(5);
    static final int MAX_NAME_LENGTH = 100;
    /** Failures are kept per name typed, cut to this length (no user has a longer name). */
    static final int MAX_TYPED_NAME = 64;

    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Whether this installation has no active user (none yet, or only the demo's, retired when the
     * PC enrolled for its own office), so the first-run screen must create the first admin.
     */
    public boolean needsFirstAdmin() throws StoreException {
        return users.count() == 0;
    }

    /**
     * Creates the first LAO admin. Works only while no user exists (first run); afterwards it is
     * refused with {@link UserException.Problem#ALREADY_SET_UP}, so it cannot be used to slip in
     * another admin.
     */
    public User createFirstAdmin(String username, String displayName, String position, String password)
            throws UserException, StoreException {
        if (!needsFirstAdmin()) {
            throw new UserException(UserException.Problem.ALREADY_SET_UP);
        }
        User admin = checked(new NewUser(username, displayName, position, Set.of(Role.LAO_ADMIN)), password);
        if (users.find(admin.username()).isPresent()) {
            throw new UserException(UserException.Problem.USERNAME_TAKEN); // a retired demo user's name
        }
        if (!users.addFirst(admin, hasher.hash(password))) {
            throw new UserException(UserException.Problem.ALREADY_SET_UP);
        }
        LOG.info("first admin created: {}", admin.username());
        return admin;
    }

    /**
     * An admin adds a user. The password is the admin's choice, so the user is asked to choose
     * their own at first sign-in ({@link SignIn.Ok#mustChangePassword()}).
     */
    public User addUser(User actor, NewUser details, String password) throws UserException, StoreException {
        return add(actor, details, password, true);
    }

    /**
     * The demo's people ({@link DemoUsers}): added by the demo's admin, but the password the demo's
     * screen shows is theirs, so they are not asked to change it and its certifier can certify.
     */
    User addWithOwnPassword(User actor, NewUser details, String password) throws UserException, StoreException {
        return add(actor, details, password, false);
    }

    private User add(User actor, NewUser details, String password, boolean mustChangePassword)
            throws UserException, StoreException {
        requireAdmin(actor);
        User user = checked(details, password);
        if (users.find(user.username()).isPresent()) {
            throw new UserException(UserException.Problem.USERNAME_TAKEN);
        }
        users.add(user, new UserRepository.Credential(hasher.hash(password), mustChangePassword));
        LOG.info("{} added user {} with roles {}", actor.username(), user.username(), user.roles());
        return user;
    }

    /** An admin sets a new password for a user (who forgot theirs), which also lifts a lock-out. */
    public void resetPassword(User actor, UUID userId, String newPassword) throws UserException, StoreException {
        requireAdmin(actor);
        User user = users.find(userId).orElseThrow(() -> new UserException(UserException.Problem.NO_SUCH_USER));
        PasswordRules.check(user.username(), newPassword);
        users.setCredential(userId, new UserRepository.Credential(hasher.hash(newPassword), true));
        users.clearFailures(user.username());
        LOG.info("{} reset the password of {}", actor.username(), user.username());
    }

    /**
     * Leaving the demo (the PC enrolled for its own office, issue 7): makes the named users
     * inactive without an admin's say, as their password is shown on the demo's screen. Only
     * {@link DemoUsers#retire} calls it. Whether any was active.
     */
    boolean retire(java.util.Collection<String> usernames) throws StoreException {
        boolean any = false;
        for (String name : usernames) {
            Optional<User> user = users.find(name);
            if (user.isPresent() && user.get().active()) {
                users.setActive(user.get().id(), false);
                users.clearFailures(name);
                LOG.info("demo user {} retired on leaving the demo", name);
                any = true;
            }
        }
        return any;
    }

    /** An admin makes a user inactive (left the office) or active again; the last active admin stays. */
    public User setActive(User actor, UUID userId, boolean active) throws UserException, StoreException {
        requireAdmin(actor);
        User user = users.find(userId).orElseThrow(() -> new UserException(UserException.Problem.NO_SUCH_USER));
        if (!active && user.has(Role.LAO_ADMIN) && user.active()
                && users.all().stream().filter(u -> u.active() && u.has(Role.LAO_ADMIN)).count() == 1) {
            throw new UserException(UserException.Problem.LAST_ADMIN);
        }
        users.setActive(userId, active);
        LOG.info("{} made {} {}", actor.username(), user.username(), active ? "active" : "inactive");
        return user.withActive(active);
    }

    /** Every user, by name (for the admin's list). */
    public List<User> users() throws StoreException {
        return users.all();
    }

    /** Checks a user name and password, counting failures and locking as described above. */
    public synchronized SignIn signIn(String typedUsername, String password) throws StoreException {
        String username = Usernames.normalise(typedUsername);
        if (username.length() > MAX_TYPED_NAME) {
            username = username.substring(0, MAX_TYPED_NAME);
        }
        Instant now = clock.instant();
        Optional<SignInFailures> before = users.failures(username);
        if (before.isPresent() && before.get().lockedUntil() != null && now.isBefore(before.get().lockedUntil())) {
            return stillLocked(username, before.get(), now);
        }
        // a lock that has passed starts the count again
        int failures = before.isPresent() && before.get().lockedUntil() == null ? before.get().failures() : 0;

        Optional<User> user = users.find(username);
        Optional<UserRepository.Credential> credential = user.isPresent() ? users.credential(user.get().id()) : Optional.empty();
        if (credential.isEmpty()) {
            hasher.hash(password); // the same cost as a verification: the time taken does not tell who exists
            return failed(username, false, failures + 1, now);
        }
        String stored = credential.get().passwordHash();
        if (!hasher.verify(password, stored)) {
            if (PasswordHasher.parse(stored).isEmpty()) {
                LOG.warn("the stored password hash of {} cannot be read: an admin must reset the password", username);
            }
            return failed(username, true, failures + 1, now);
        }

        if (before.isPresent()) {
            users.clearFailures(username);
        }
        if (!user.get().active()) {
            LOG.info("sign-in refused: {} is inactive", username);
            return new SignIn.Inactive();
        }
        if (hasher.needsRehash(stored)) {
            users.setCredential(user.get().id(),
                    new UserRepository.Credential(hasher.hash(password), credential.get().mustChangePassword()));
            LOG.info("password hash of {} upgraded to {}", username, hasher.params());
        }
        LOG.info("signed in: {}", username);
        return new SignIn.Ok(user.get(), credential.get().mustChangePassword());
    }

    private SignIn stillLocked(String username, SignInFailures f, Instant now) throws StoreException {
        Instant until = f.lockedUntil();
        if (until.isAfter(now.plus(LOCK_DURATION))) {
            // the clock was set back (a flat CMOS battery): the lock lasts its duration from now, not for years
            until = now.plus(LOCK_DURATION);
            users.recordFailures(username, new SignInFailures(f.failures(), f.lastFailedAt(), until));
        }
        LOG.info("sign-in refused: {} is locked until {}", logged(username), until);
        return new SignIn.LockedUntil(until);
    }

    /** Records a failure; the answer is the same whether or not a user has the name. */
    private SignIn failed(String username, boolean known, int failures, Instant now) throws StoreException {
        Instant lockedUntil = failures >= MAX_FAILURES ? now.plus(LOCK_DURATION) : null;
        users.recordFailures(username, new SignInFailures(failures, now, lockedUntil));
        if (known) {
            LOG.info("sign-in failed: wrong password for {}, failure {}", username, failures);
        } else {
            LOG.info("sign-in failed: no such user ({}), failure {}", logged(username), failures);
        }
        if (lockedUntil != null) {
            LOG.warn("sign-in locked for {} until {} after {} failures", logged(username), lockedUntil, failures);
            return new SignIn.LockedUntil(lockedUntil);
        }
        return new SignIn.WrongPassword(MAX_FAILURES - failures);
    }

    /**
     * A user changes their own password: the new one is checked against the rules first, then the
     * current one as a sign-in (same counting and lock-out). Returns {@link SignIn.Ok} (with
     * {@code mustChangePassword} false) when the new password is saved; any other outcome
     * changed nothing.
     */
    public synchronized SignIn changePassword(String username, String currentPassword, String newPassword)
            throws UserException, StoreException {
        PasswordRules.check(username, newPassword);
        SignIn check = signIn(username, currentPassword);
        if (!(check instanceof SignIn.Ok ok)) {
            return check;
        }
        users.setCredential(ok.user().id(), new UserRepository.Credential(hasher.hash(newPassword), false));
        LOG.info("{} changed their password", ok.user().username());
        return new SignIn.Ok(ok.user(), false);
    }

    /**
     * A name for the log: a user's name, but not a name no user has, which is sometimes the
     * password typed into the wrong field.
     */
    private String logged(String username) throws StoreException {
        return users.find(username).isPresent() ? username : "a name of " + username.length() + " characters that no user has";
    }

    /** The acting user, as stored now, must be an active LAO admin. */
    private void requireAdmin(User actor) throws UserException, StoreException {
        Optional<User> current = actor == null ? Optional.empty() : users.find(actor.id());
        if (current.isEmpty() || !Permissions.canManageUsers(current.get())) {
            LOG.warn("refused: {} is not an active admin", actor == null ? "nobody" : actor.username());
            throw new UserException(UserException.Problem.NOT_ADMIN);
        }
    }

    /** A new user from typed details, or the first thing to fix. */
    private static User checked(NewUser details, String password) throws UserException {
        String username = Usernames.normalise(details.username());
        if (!Usernames.valid(username)) {
            throw new UserException(UserException.Problem.USERNAME_INVALID, Usernames.MIN_LENGTH, Usernames.MAX_LENGTH);
        }
        String name = tidy(details.displayName());
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new UserException(UserException.Problem.NAME_REQUIRED, MAX_NAME_LENGTH);
        }
        String position = tidy(details.position());
        if (position.isEmpty() || position.length() > MAX_NAME_LENGTH) {
            throw new UserException(UserException.Problem.POSITION_REQUIRED, MAX_NAME_LENGTH);
        }
        Set<Role> roles = details.roles();
        if (roles.isEmpty() || roles.contains(Role.DISTRICT_OFFICER) && roles.size() > 1) {
            throw new UserException(UserException.Problem.ROLES_INVALID);
        }
        PasswordRules.check(username, password);
        return new User(UUID.randomUUID(), username, name, position, EnumSet.copyOf(roles), true);
    }

    /** Spaces collapsed and trimmed, NFC: names are printed on the certification sheet. */
    private static String tidy(String text) {
        return text == null ? "" : java.text.Normalizer.normalize(text.strip().replaceAll("\\s+", " "),
                java.text.Normalizer.Form.NFC);
    }
}
