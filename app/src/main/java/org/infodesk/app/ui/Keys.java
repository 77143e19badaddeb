package org.infodesk.app.ui;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Keyboard habits the screens share. */
public final class Keys {

    private Keys() {}

    /**
     * Enter on a focused button presses it, as Space does. JavaFX presses only the default
     * button on Enter; officers working by keyboard press Enter.
     */
    public static void enterPressesFocusedButton(Node root) {
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER && !e.isShortcutDown() && !e.isAltDown()
                    && e.getTarget() instanceof ButtonBase button && !button.isDisabled()) {
                e.consume();
                button.fire();
            }
        });
    }
}
