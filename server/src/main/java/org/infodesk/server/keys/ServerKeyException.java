package org.infodesk.server.keys;

/** The server key could not be made or loaded: the server must not start (the message says what to restore). */
public final class ServerKeyException extends Exception {

    public ServerKeyException(String message) {
        super(message);
    }

    public ServerKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
