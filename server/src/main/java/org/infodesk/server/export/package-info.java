/**
 * Exports (issue 6): the accepted data of a fiscal year and scope, one row per LAO and item
 * (one per cell of a repeat group), and the status sheet, each in CSV (UTF-8 with BOM, RFC 4180
 * by Commons CSV, formula-like text defused) or xlsx (POI's streaming SXSSF writer), written to
 * an {@link java.io.OutputStream} the caller owns. Reads through {@code status.Heads}.
 */
package org.infodesk.server.export;
