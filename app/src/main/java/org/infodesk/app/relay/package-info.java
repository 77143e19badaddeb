/**
 * The relay by USB bundles (issue 8, {@code SPEC.md} §5, ADR 0010), no JavaFX: an LAO without a
 * link exports its waiting certified submissions to a bundle ({@link org.infodesk.app.relay.LaoRelay})
 * and imports the receipts bundle that comes back; the district office imports many bundles
 * ({@link org.infodesk.app.relay.DistrictRelay}), each checked whole and kept whole or not at all,
 * pushes them with its own token through the outbox's sender, and exports a receipts bundle per
 * LAO. The bundle format itself is sync-protocol's ({@code org.infodesk.protocol.bundle}).
 *
 * <p>Contract: a relay carries but cannot alter. The district office checks each envelope's digest
 * and signature with the LAO device's key named in the manifest (catching damage on the stick);
 * the server checks them again with the key it pinned at the LAO's enrolment, which is what counts.
 * An LAO marks an item delivered only by a receipt that verifies with its own pinned server key.
 */
package org.infodesk.app.relay;
