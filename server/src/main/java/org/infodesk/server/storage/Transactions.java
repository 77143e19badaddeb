package org.infodesk.server.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Predicate;
import javax.sql.DataSource;

/** One unit of work in one transaction, committed only when its outcome says so. */
public final class Transactions {

    /** The work, on a connection whose transaction is open. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transactions() {}

    /**
     * Runs {@code work} in a transaction: committed if {@code commit} holds for its outcome,
     * rolled back otherwise and on any failure (a refusal stores nothing).
     */
    public static <T> T commitIf(DataSource dataSource, Work<T> work, Predicate<T> commit) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T outcome = work.run(connection);
                if (commit.test(outcome)) {
                    connection.commit();
                } else {
                    connection.rollback();
                }
                return outcome;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
