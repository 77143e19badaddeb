package org.infodesk.server.shell;

/** A setting that cannot be used: the message names it and where it came from. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}
