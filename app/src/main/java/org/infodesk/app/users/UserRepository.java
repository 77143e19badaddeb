package org.infodesk.app.users;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.infodesk.app.data.StoreException;

/**
 * Where local users, their password hashes and failed sign-ins live. Users are never deleted.
 * Names given here are already normalised ({@link Usernames#normalise}).
 */
public interface UserRepository {

    /** A user's stored secret: the encoded hash, and whether an admin set it (the user should change it). */
    record Credential(String passwordHash, boolean mustChangePassword) {}

    /** How many active users exist: people who can sign in. */
    int count() throws StoreException;

    /**
     * Adds the first user, in one transaction with the check that no active one exists (none at
     * all on a first run; only the retired demo users after leaving the demo); false (and nothing
     * written) if an active user exists already.
     */
    boolean addFirst(User user, String passwordHash) throws StoreException;

    /** Adds a user; a taken name or id is refused ({@link StoreException.Problem#CONFLICT}). */
    void add(User user, Credential credential) throws StoreException;

    Optional<User> find(String username) throws StoreException;

    Optional<User> find(UUID id) throws StoreException;

    /** Every user, by name. */
    List<User> all() throws StoreException;

    Optional<Credential> credential(UUID id) throws StoreException;

    /** Replaces a user's credential; false if there is no such user. */
    boolean setCredential(UUID id, Credential credential) throws StoreException;

    /** Makes a user active or inactive; false if there is no such user. */
    boolean setActive(UUID id, boolean active) throws StoreException;

    /** The failed sign-ins in a row for a name, if any. */
    Optional<SignInFailures> failures(String username) throws StoreException;

    void recordFailures(String username, SignInFailures failures) throws StoreException;

    /** Forgets a name's failures (a successful sign-in, an admin's password reset). */
    void clearFailures(String username) throws StoreException;
}
