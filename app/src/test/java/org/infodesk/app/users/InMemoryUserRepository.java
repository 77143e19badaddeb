package org.infodesk.app.users;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.infodesk.app.data.StoreException;

/** The in-memory double of {@link UserRepository}. */
public final class InMemoryUserRepository implements UserRepository {

    private final Map<UUID, User> users = new LinkedHashMap<>();
    private final Map<UUID, Credential> credentials = new HashMap<>();
    private final Map<String, SignInFailures> failures = new HashMap<>();

    @Override
    public synchronized int count() {
        return (int) users.values().stream().filter(User::active).count();
    }

    @Override
    public synchronized boolean addFirst(User user, String passwordHash) throws StoreException {
        if (count() > 0) {
            return false;
        }
        add(user, new Credential(passwordHash, false));
        return true;
    }

    @Override
    public synchronized void add(User user, Credential credential) throws StoreException {
        if (users.containsKey(user.id()) || find(user.username()).isPresent()) {
            throw new StoreException(StoreException.Problem.CONFLICT, null, "user exists: " + user.username());
        }
        users.put(user.id(), user);
        credentials.put(user.id(), credential);
    }

    @Override
    public synchronized Optional<User> find(String username) {
        return users.values().stream().filter(u -> u.username().equals(username)).findFirst();
    }

    @Override
    public synchronized Optional<User> find(UUID id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized List<User> all() {
        List<User> out = new ArrayList<>(users.values());
        out.sort(Comparator.comparing(User::username));
        return out;
    }

    @Override
    public synchronized Optional<Credential> credential(UUID id) {
        return Optional.ofNullable(credentials.get(id));
    }

    @Override
    public synchronized boolean setCredential(UUID id, Credential credential) {
        if (!users.containsKey(id)) {
            return false;
        }
        credentials.put(id, credential);
        return true;
    }

    @Override
    public synchronized boolean setActive(UUID id, boolean active) {
        return users.computeIfPresent(id, (k, user) -> user.withActive(active)) != null;
    }

    @Override
    public synchronized Optional<SignInFailures> failures(String username) {
        return Optional.ofNullable(failures.get(username));
    }

    @Override
    public synchronized void recordFailures(String username, SignInFailures f) {
        failures.put(username, f);
    }

    @Override
    public synchronized void clearFailures(String username) {
        failures.remove(username);
    }
}
