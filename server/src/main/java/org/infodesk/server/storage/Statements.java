package org.infodesk.server.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/** One SQL statement on a connection of its own (auto-commit): for the one-line updates of the feature packages. */
public final class Statements {

    private Statements() {}

    /** Runs an update with its parameters (by {@code setObject}, in order); gives the rows it changed. */
    public static int update(DataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }
}
