package org.infodesk.app.relay;

import java.util.List;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.outbox.OutboxRepository;
import org.infodesk.protocol.bundle.Bundles;

/**
 * What a district office carries for its LAOs: the envelopes of the bundles it imported, grouped
 * by LAO, as a queue the outbox's sender pushes ({@link OutboxRepository}: each item names the
 * LAO device's key id), and the receipts that came back.
 */
public interface RelayRepository extends OutboxRepository {

    /**
     * What keeping a bundle came to: envelopes new to the store, and those already held with the
     * same digest. When {@code reused} is not empty (ids held with another digest), nothing was kept.
     */
    record Held(int added, int alreadyHeld, List<String> reused) {}

    /** Keeps every envelope of a checked bundle in one transaction, or none of them. */
    Held hold(Bundles.Submissions bundle) throws StoreException;

    /** One LAO's envelopes: how many are held, delivered and refused. */
    record LaoCount(String laoCode, int held, int delivered, int refused) {}

    /** Every LAO carried, by code. */
    List<LaoCount> byLao() throws StoreException;

    /** A delivered envelope's receipt, as the server's JSON. */
    record HeldReceipt(String submissionId, byte[] receipt) {}

    /** One carried envelope as the district screen lists it: its LAO and where it stands. */
    record Carried(String laoCode, org.infodesk.app.outbox.OutboxEntry entry) {}

    /** Every carried envelope, by LAO code, then in import order within an LAO. */
    List<Carried> carried() throws StoreException;

    /** The receipts of one LAO's delivered envelopes, in import order. */
    List<HeldReceipt> receipts(String laoCode) throws StoreException;
}
