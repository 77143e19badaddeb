package org.infodesk.app.form;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.answers.Answers;

/** Where a domain's answers live while they are being entered (the form's side of the store). */
public interface AnswerRepository {

    /** The current revision of a domain, or revision 1 NOT_STARTED with no values. */
    DomainRecord current(DomainKey key) throws StoreException;

    /**
     * Saves one value durably, in its own transaction, with one audit entry, and returns when it
     * is saved. The first edit of a domain opens revision 1 as a draft. A certified revision
     * refuses the edit ({@link StoreException.Problem#FROZEN}).
     */
    Instant save(Edit edit) throws StoreException;

    /**
     * Opens revision 1 of a domain as a draft holding the given values (the update workflow:
     * last year's certified values). Refused ({@link StoreException.Problem#CONFLICT}) if the
     * domain has any revision already.
     */
    DomainRecord startDraft(DomainKey key, Map<String, Object> values, String user) throws StoreException;

    /** The current values of every domain of an LAO and year, as rules see them. */
    Answers answers(String lao, int fiscalYear) throws StoreException;

    /**
     * Saves (or, with a blank text, removes) the justification of a subject of the current revision:
     * an item id for a year-over-year change, {@code rule:<id>} for a warning. Audited like a value.
     */
    void justify(DomainKey key, String subject, String text, String user) throws StoreException;

    /** The current revision's justifications by subject. */
    Map<String, String> justifications(DomainKey key) throws StoreException;

    /** Every change to a domain, oldest first. */
    List<AuditEntry> audit(DomainKey key) throws StoreException;
}
