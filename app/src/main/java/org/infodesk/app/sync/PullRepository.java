package org.infodesk.app.sync;

import java.util.List;
import java.util.Optional;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.wire.Change;

/** What the device pulled (SPEC §4.8): the cursor to send next, and the changes applied. */
public interface PullRepository {

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
}
