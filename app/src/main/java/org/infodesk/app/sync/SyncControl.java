package org.infodesk.app.sync;

/** What the sync screen asks of the background sync. */
public interface SyncControl {

    /** Sends (and then pulls) at once, ending a wait, a pause or a stop. */
    void sendNow();

    /** Stops sending after the batch on its way, until {@link #sendNow()}. */
    void pause();
}
