package org.infodesk.app.dashboard;

import java.util.List;
import org.infodesk.app.data.StoreException;

/**
 * The dashboard as last computed, kept so that the next start can show it before the
 * questionnaire is read (docs/adr/0007). A derived copy: the app recomputes and replaces it as soon
 * as the questionnaire is ready, and an empty or unreadable copy only costs that start its speed.
 */
public interface DashboardCache {

    /** What was saved for one LAO and fiscal year. */
    record Saved(int fiscalYear, List<DomainProgress.Summary> summaries) {
        public Saved {
            summaries = List.copyOf(summaries);
        }
    }

    /** The summaries last saved for an LAO (its latest fiscal year), in domain order; empty if none or unreadable. */
    java.util.Optional<Saved> latest(String lao) throws StoreException;

    /** Replaces the saved summaries of an LAO and year. */
    void save(String lao, int fiscalYear, String definitionKey, List<DomainProgress.Summary> summaries) throws StoreException;
}
