package org.infodesk.app.sync;

import java.util.List;
import java.util.Optional;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.definitions.ReceivedDefinition;
import org.infodesk.protocol.wire.Change;

/**
 * What the device pulled (SPEC §4.8): the cursor to send next, and the changes applied.
 *
 * <p>What each kind of change does: a {@code decision} on a submission certified here moves its
 * domain; {@code last_year_values} are written as the LAO's certified values of that fiscal year
 * (read with the definition they name), a newer revision replacing an older one; a
 * {@code definition} this installation does not hold is to be fetched ({@link #definitionsToFetch}).
 * A change that cannot be applied never stops the others: it is kept with its problem
 * ({@link #problems}), or waits for what it needs (values whose definition is still to fetch).
 */
public interface PullRepository {

    /** A change that could not be applied (yet), and why. */
    record Problem(String kind, String identity, boolean waiting, String problem) {}

    /** The cursor of the last answer applied, or null to pull from the beginning. */
    String cursor() throws StoreException;

    /**
     * Applies the changes of one answer and keeps its cursor, in one transaction: a change that
     * comes again (after a lost answer) changes nothing the second time.
     */
    void apply(List<Change> changes, String cursor) throws StoreException;

    /** Forgets the cursor: the next pull starts from the beginning (after {@code BAD_CURSOR}). */
    void forgetCursor() throws StoreException;

    /** The reviewer's decision on a submission certified here, if one was pulled. */
    Optional<Change.Decision> decision(String submissionId) throws StoreException;

    /** The definitions pulled that this installation does not hold yet, oldest pull first. */
    List<Change.NewDefinition> definitionsToFetch() throws StoreException;

    /**
     * Stores a fetched definition (its digest checked, its document read by the shared reader),
     * marks its change done and applies the last year's values that waited for it, in one transaction.
     */
    void definitionFetched(ReceivedDefinition definition) throws StoreException;

    /**
     * Sets a definition change aside with why it could not be taken: it is not fetched again
     * until a change of the same identity (another digest) comes.
     */
    void definitionRefused(Change.NewDefinition change, String problem) throws StoreException;

    /** The changes that wait for something or were refused, with why, oldest pull first. */
    List<Problem> problems() throws StoreException;
}
