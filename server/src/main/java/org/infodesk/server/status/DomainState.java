package org.infodesk.server.status;

/**
 * Where one domain of one LAO stands, as the server sees it (DESIGN §6, server side). The server
 * cannot see a domain certified on a PC but not delivered: that is {@link #NOTHING} too.
 */
public enum DomainState {
    /** No revision delivered (whether one was certified on the LAO's PC, the server cannot know). */
    NOTHING,
    /** The head revision is delivered and no reviewer has decided on it yet. */
    DELIVERED,
    /** The latest decision on the head revision returned it for correction. */
    RETURNED,
    /** The latest decision on the head revision accepted it. */
    ACCEPTED
}
