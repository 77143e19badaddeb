/**
 * The relay's screens (issue 8): {@link org.infodesk.app.relay.ui.CarryViewModel} /
 * {@link org.infodesk.app.relay.ui.CarryView}, an LAO office's "carry by USB" screen (export the
 * waiting certified submissions to a bundle, import the receipts bundle that comes back), and
 * {@link org.infodesk.app.relay.ui.DistrictRelayViewModel} /
 * {@link org.infodesk.app.relay.ui.DistrictRelayView}, the main screen of a district office's PC
 * (import bundles, send them in batches, export a receipts bundle per LAO), with a place for the
 * district status board ({@link org.infodesk.app.relay.ui.StatusBoardOpener}). View models hold
 * state and commands and touch no node; views only bind.
 */
package org.infodesk.app.relay.ui;
