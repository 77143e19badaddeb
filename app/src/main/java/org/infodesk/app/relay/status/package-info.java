/**
 * The district status board (issue 8), no JavaFX, no SQL: where each of the district's LAOs stands
 * in each of the fiscal year's 8 domains. The server's word ({@code lao_status} changes the district
 * device pulled) wins for a cell unless what the district carried is a newer revision; what was
 * carried fills the rest. {@link org.infodesk.app.relay.status.StatusBoard} builds the
 * {@link org.infodesk.app.relay.status.Board} from the {@link org.infodesk.app.relay.status.StatusRepository}
 * it needs (SQLite in {@code storage}); {@link org.infodesk.app.relay.status.BoardText} says it in
 * Thai or English, and {@link org.infodesk.app.relay.status.BoardExport} writes it as CSV or xlsx
 * with the columns the screen shows ({@code ui}).
 */
package org.infodesk.app.relay.status;
