package org.infodesk.app.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.SignInFailures;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserRepository;

/** {@link UserRepository} on the SQLite store (tables of schema 4). */
public final class SqliteUserRepository implements UserRepository {

    private static final String SELECT_USER = "SELECT id, username, display_name, position, active FROM app_user";

    private final Store store;

    public SqliteUserRepository(Store store) {
        this.store = store;
    }

    @Override
    public int count() throws StoreException {
        return store.read(SqliteUserRepository::count);
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM app_user WHERE active = 1")) {
            r.next();
            return r.getInt(1);
        }
    }

    @Override
    public boolean addFirst(User user, String passwordHash) throws StoreException {
        return store.write(c -> {
            if (count(c) > 0) {
                return false;
            }
            insert(c, user, new Credential(passwordHash, false), store.clock().instant());
            return true;
        });
    }

    @Override
    public void add(User user, Credential credential) throws StoreException {
        store.write(c -> {
            insert(c, user, credential, store.clock().instant());
            return null;
        });
    }

    private static void insert(Connection c, User user, Credential credential, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO app_user (id, username, display_name, position, active, password_hash, must_change_password,
                    created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, user.id().toString());
            s.setString(2, user.username());
            s.setString(3, user.displayName());
            s.setString(4, user.position());
            s.setInt(5, user.active() ? 1 : 0);
            s.setString(6, credential.passwordHash());
            s.setInt(7, credential.mustChangePassword() ? 1 : 0);
            s.setString(8, now.toString());
            s.setString(9, now.toString());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO user_role (user_id, role) VALUES (?, ?)")) {
            for (Role role : user.roles()) {
                s.setString(1, user.id().toString());
                s.setString(2, role.name());
                s.executeUpdate();
            }
        }
    }

    @Override
    public Optional<User> find(String username) throws StoreException {
        return store.read(c -> users(c, SELECT_USER + " WHERE username = ?", username).stream().findFirst());
    }

    @Override
    public Optional<User> find(UUID id) throws StoreException {
        return store.read(c -> users(c, SELECT_USER + " WHERE id = ?", id.toString()).stream().findFirst());
    }

    @Override
    public List<User> all() throws StoreException {
        return store.read(c -> users(c, SELECT_USER + " ORDER BY username", null));
    }

    /** A user row before its roles are read. */
    private record Row(String id, String username, String displayName, String position, boolean active) {}

    /** The users a query finds (with at most one text parameter), with their roles. */
    private static List<User> users(Connection c, String sql, String parameter) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getInt(5) == 1));
                }
            }
        }
        List<User> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT role FROM user_role WHERE user_id = ?")) {
            for (Row row : rows) {
                Set<Role> roles = EnumSet.noneOf(Role.class);
                s.setString(1, row.id());
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        roles.add(Role.valueOf(r.getString(1)));
                    }
                }
                out.add(new User(UUID.fromString(row.id()), row.username(), row.displayName(), row.position(), roles,
                        row.active()));
            }
        }
        return out;
    }

    @Override
    public Optional<Credential> credential(UUID id) throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT password_hash, must_change_password FROM app_user WHERE id = ?")) {
                s.setString(1, id.toString());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Credential(r.getString(1), r.getInt(2) == 1)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public boolean setCredential(UUID id, Credential credential) throws StoreException {
        return update(id, "password_hash = ?, must_change_password = ?", credential.passwordHash(),
                credential.mustChangePassword() ? 1 : 0);
    }

    @Override
    public boolean setActive(UUID id, boolean active) throws StoreException {
        return update(id, "active = ?", active ? 1 : 0);
    }

    private boolean update(UUID id, String assignments, Object... values) throws StoreException {
        String now = store.clock().instant().toString();
        return store.write(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE app_user SET " + assignments + ", updated_at = ? WHERE id = ?")) {
                int i = 1;
                for (Object v : values) {
                    s.setObject(i++, v);
                }
                s.setString(i++, now);
                s.setString(i, id.toString());
                return s.executeUpdate() == 1;
            }
        });
    }

    @Override
    public Optional<SignInFailures> failures(String username) throws StoreException {
        return store.read(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT failures, last_failed_at, locked_until FROM sign_in_failure WHERE username = ?")) {
                s.setString(1, username);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    String locked = r.getString(3);
                    return Optional.of(new SignInFailures(r.getInt(1), Instant.parse(r.getString(2)),
                            locked == null ? null : Instant.parse(locked)));
                }
            }
        });
    }

    @Override
    public void recordFailures(String username, SignInFailures failures) throws StoreException {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO sign_in_failure (username, failures, last_failed_at, locked_until) VALUES (?, ?, ?, ?)
                    ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
                        last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until""")) {
                s.setString(1, username);
                s.setInt(2, failures.failures());
                s.setString(3, failures.lastFailedAt().toString());
                s.setString(4, failures.lockedUntil() == null ? null : failures.lockedUntil().toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void clearFailures(String username) throws StoreException {
        store.write(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM sign_in_failure WHERE username = ?")) {
                s.setString(1, username);
                s.executeUpdate();
            }
            return null;
        });
    }
}
