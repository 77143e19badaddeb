package org.infodesk.app.device;

import java.nio.file.Path;
import org.infodesk.app.i18n.Messages;

/**
 * The device key could not be loaded or made. InfoDesk never makes a new key in place of one
 * it cannot read: a new key would no longer match the enrolment (ADR 0006). Messages are under
 * {@code device.<PROBLEM>}, with the key folder as {0}.
 */
public final class DeviceKeyException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Each problem, by what the user must do about it. */
    public enum Problem {
        /** A key file is there but cannot be read as a key, half of the pair is missing, or the halves do not match. The files are left as they are. */
        DAMAGED,
        /** This installation had a key (the store says so) but the key folder is gone. */
        MISSING,
        /** The key files are readable but are not the key this installation recorded (copied from another PC?). */
        MISMATCH,
        /** The key could not be written or read (the data folder is read-only, the disk is full, no permission). */
        IO
    }

    private final Problem problem;
    private final transient Path folder;

    public DeviceKeyException(Problem problem, Path folder, String detail, Throwable cause) {
        super(problem + ": " + folder + (detail == null ? "" : ": " + detail), cause);
        this.problem = problem;
        this.folder = folder;
    }

    public Problem problem() {
        return problem;
    }

    /** The key folder concerned. */
    public Path folder() {
        return folder;
    }

    /** The bundle key of the user's message. */
    public String messageKey() {
        return "device." + problem.name();
    }

    /** The user's message in a language. */
    public String message(Messages messages) {
        return messages.get(messageKey(), String.valueOf(folder));
    }
}
