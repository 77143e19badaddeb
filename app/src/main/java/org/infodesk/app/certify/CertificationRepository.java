package org.infodesk.app.certify;

import java.util.List;
import java.util.Optional;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;

/** Where certified snapshots live: written whole or not at all, never changed. */
public interface CertificationRepository {

    /**
     * In one transaction: stores the snapshot, marks the revision CERTIFIED and queues it in the
     * outbox. Refused if the revision is not the domain's current, editable one.
     */
    CertifiedSnapshot certify(Certification certification) throws StoreException;

    /**
     * Opens revision n+1 of a certified (or returned, delivered, accepted) domain as a draft
     * holding the certified values; certifying it later supersedes revision n.
     */
    DomainRecord amend(DomainKey key, String user) throws StoreException;

    /** Every certified revision of a domain, oldest first. */
    List<CertifiedSnapshot> snapshots(DomainKey key) throws StoreException;

    Optional<CertifiedSnapshot> snapshot(String submissionId) throws StoreException;
}
