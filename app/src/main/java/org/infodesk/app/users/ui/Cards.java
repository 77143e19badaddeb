package org.infodesk.app.users.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.infodesk.app.ui.WrappingLabel;

/** The layout the sign-in and first-run screens share: a card in the middle of the window, labelled fields. */
final class Cards {

    private static final double CARD_WIDTH = 460;

    private Cards() {}

    /** A card with its title and a line under it. */
    static VBox card(String title, Node intro) {
        Label heading = new Label(title);
        heading.setId("cardTitle");
        heading.getStyleClass().add("card-title");
        VBox card = new VBox(10, heading, intro);
        card.setFillWidth(true);
        card.getStyleClass().add("card");
        card.setPadding(new Insets(24, 28, 24, 28));
        card.setMaxWidth(CARD_WIDTH);
        card.setPrefWidth(CARD_WIDTH);
        card.setMaxHeight(VBox.USE_PREF_SIZE);
        return card;
    }

    /** A field under its label (which names it for screen readers and mnemonics). */
    static VBox labelled(String label, Control field) {
        WrappingLabel name = new WrappingLabel(label);
        name.setLabelFor(field);
        return new VBox(3, name, field);
    }

    /** A red line for what to fix, shown only while it says something. */
    static WrappingLabel problem(String id) {
        return WrappingLabel.shownWhileSet(id, "card-problem", null);
    }

    /** The card in the middle; in a window too low for it, it scrolls. */
    static Node centred(VBox card) {
        StackPane centre = new StackPane(card);
        centre.setAlignment(Pos.CENTER);
        centre.setPadding(new Insets(24));
        centre.getStyleClass().add("card-backdrop");
        ScrollPane scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setFocusTraversable(false);
        scroll.getStyleClass().add("card-scroll");
        return scroll;
    }
}
