/**
 * Status (issue 6): for a fiscal year and a scope (the country, a province, a district), where
 * each domain of each LAO of the registry stands as the server sees it ({@link
 * org.infodesk.server.status.DomainState}: NOTHING, DELIVERED, RETURNED, ACCEPTED, from the head
 * revision and the latest decision on it), with counts per district and province. The server
 * cannot know what was certified but not delivered; every output says so
 * ({@link org.infodesk.server.status.StatusReport#NOTE}). {@link org.infodesk.server.status.Heads}
 * is the one query, shared with {@code export}. Plain JDBC, no HTTP.
 */
package org.infodesk.server.status;
