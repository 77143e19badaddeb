package org.infodesk.protocol.definition;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of item a questionnaire can hold, with their names in the definition format. */
public enum ItemType {
    INTEGER("integer"),
    DECIMAL("decimal"),
    TEXT("text"),
    SINGLE_CHOICE("single_choice"),
    MULTIPLE_CHOICE("multiple_choice"),
    YES_NO("yes_no"),
    DATE("date"),
    REPEAT_GROUP("repeat_group");

    private final String wireName;

    ItemType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    public boolean hasOptions() {
        return this == SINGLE_CHOICE || this == MULTIPLE_CHOICE;
    }

    public static Optional<ItemType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
