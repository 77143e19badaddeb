package org.infodesk.app.storage;

import java.nio.file.Path;
import java.sql.SQLException;
import org.infodesk.app.data.StoreException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Maps SQLite's failures to what the user must do about them. */
final class SqliteErrors {

    private SqliteErrors() {}

    /** Whether SQLite said the file is damaged or not a database at all. */
    static boolean isDamage(SQLException e) {
        if (e instanceof SQLiteException s && s.getResultCode() != null) {
            String name = s.getResultCode().name();
            return name.startsWith("SQLITE_CORRUPT") || name.startsWith("SQLITE_NOTADB");
        }
        return false;
    }

    static StoreException map(SQLException e, Path folder, Path latestBackup) {
        StoreException.Problem problem = StoreException.Problem.IO;
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            String name = code == null ? "" : code.name();
            if (name.startsWith("SQLITE_FULL")) {
                problem = StoreException.Problem.DISK_FULL;
            } else if (name.startsWith("SQLITE_READONLY") || name.startsWith("SQLITE_CANTOPEN")
                    || name.startsWith("SQLITE_PERM")) {
                problem = StoreException.Problem.READ_ONLY;
            } else if (isDamage(e)) {
                problem = StoreException.Problem.CORRUPT;
            } else if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
                problem = StoreException.Problem.LOCKED;
            } else if (name.startsWith("SQLITE_CONSTRAINT")) {
                String message = String.valueOf(e.getMessage());
                problem = message.contains("certified") || message.contains("immutable")
                        ? StoreException.Problem.FROZEN : StoreException.Problem.CONFLICT;
            } else if (name.startsWith("SQLITE_IOERR") && String.valueOf(e.getMessage()).contains("No space")) {
                problem = StoreException.Problem.DISK_FULL;
            }
        }
        return new StoreException(problem, folder, problem == StoreException.Problem.CORRUPT ? latestBackup : null,
                e.getMessage(), e);
    }
}
