package org.infodesk.server.storage;

/** The database could not be started, reached or migrated: the operator must act (the message says on what). */
public final class DatabaseException extends Exception {

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
