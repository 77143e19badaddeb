package org.infodesk.app.sync;

import java.util.Optional;
import org.infodesk.app.data.StoreException;

/** Where the enrolment is kept: one per installation. */
public interface AccountRepository {

    /** The enrolment, or empty before the device is enrolled. */
    Optional<ServerAccount> current() throws StoreException;

    /** Keeps an enrolment, replacing any earlier one (a device enrolled again after a revocation). */
    void save(ServerAccount account) throws StoreException;
}
