package org.infodesk.app.data;

import java.nio.file.Path;
import java.util.Optional;
import org.infodesk.app.i18n.Messages;

/**
 * The local store could not do what was asked. {@link #problem()} says what the caller must do;
 * nothing already saved has been changed. Messages are under {@code store.<PROBLEM>} in the
 * app's bundles.
 */
public final class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Each problem, by what the user must do about it. */
    public enum Problem {
        /** Another InfoDesk has the data folder open: use that window. */
        LOCKED,
        /** The data folder cannot be written: choose another folder or fix its permissions. */
        READ_ONLY,
        /** The disk is full: free space; the last change was not saved. */
        DISK_FULL,
        /** The database file is damaged: restore the latest backup; the file is left as it is. */
        CORRUPT,
        /** The data was written by a newer InfoDesk: install that version. */
        NEWER_SCHEMA,
        /** The revision is certified: amend it to change a value. */
        FROZEN,
        /** The change does not fit what is stored (for example, a revision that exists already). */
        CONFLICT,
        /** A file to import is not what it claims (not an InfoDesk export, damaged, too large). */
        BAD_FILE,
        /** Any other input/output failure. */
        IO
    }

    private final Problem problem;
    private final transient Path folder;
    private final transient Path latestBackup;

    public StoreException(Problem problem, Path folder, Path latestBackup, String detail, Throwable cause) {
        super(problem + (detail == null ? "" : ": " + detail), cause);
        this.problem = problem;
        this.folder = folder;
        this.latestBackup = latestBackup;
    }

    public StoreException(Problem problem, Path folder, String detail) {
        this(problem, folder, null, detail, null);
    }

    public Problem problem() {
        return problem;
    }

    public Optional<Path> folder() {
        return Optional.ofNullable(folder);
    }

    /** The newest backup that could be restored, when there is one. */
    public Optional<Path> latestBackup() {
        return Optional.ofNullable(latestBackup);
    }

    /** The bundle key of the user's message. */
    public String messageKey() {
        return "store." + problem.name();
    }

    /** The user's message in a language: what happened and what to do, with the folder and the latest backup. */
    public String message(Messages messages) {
        return messages.get(messageKey(), folder().map(Object::toString).orElse(""),
                latestBackup().map(Object::toString).orElse(""));
    }
}
