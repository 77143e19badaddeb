package org.infodesk.app.relay.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.infodesk.app.data.StoreException;

/** What the status board reads from the district's store: the server's word and what was carried. */
public interface StatusRepository {

    /** Where the server said an LAO's domain stands ({@code lao_status}, SPEC §4.8). */
    enum ServerState { DELIVERED, ACCEPTED, RETURNED }

    /** One pulled {@code lao_status}: the newest of its LAO, year and domain (by revision, then by pull order). */
    record ServerStatus(String laoCode, int fiscalYear, String domainId, int revision, ServerState state, Instant receivedAt) {}

    /** Where a carried envelope's delivery stands. */
    enum Delivery { WAITING, DELIVERED, REFUSED }

    /**
     * One carried envelope.
     *
     * @param at when it was delivered (the receipt's time), refused, or imported (still waiting)
     */
    record Carried(String laoCode, int fiscalYear, String domainId, int revision, Delivery delivery, Instant at) {}

    /** Every {@code lao_status} the device pulled, one per LAO, fiscal year and domain. */
    List<ServerStatus> serverStatus() throws StoreException;

    /** Every envelope the district carried, in import order. */
    List<Carried> carried() throws StoreException;

    /** When a pull last reached the server; empty when it never did. */
    Optional<Instant> lastPulled() throws StoreException;
}
