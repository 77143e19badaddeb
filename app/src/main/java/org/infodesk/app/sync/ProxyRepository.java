package org.infodesk.app.sync;

import org.infodesk.app.data.StoreException;

/** Where this installation keeps how it reaches the server (chosen on the enrolment screen). */
public interface ProxyRepository {

    /** The settings kept, or {@link ProxySettings#SYSTEM} when none were chosen yet. */
    ProxySettings current() throws StoreException;

    void save(ProxySettings settings) throws StoreException;
}
