package org.infodesk.app.relay.ui;

/**
 * Opens the district status board (which LAOs have delivered which domains; package
 * {@code org.infodesk.app.relay.status}) from the district relay screen. The shell gives one when
 * the board is there; without one the screen has no board button.
 */
@FunctionalInterface
public interface StatusBoardOpener {

    /** Shows the status board in place of the relay screen. */
    void open();
}
