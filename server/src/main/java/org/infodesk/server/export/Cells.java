package org.infodesk.server.export;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.Option;

/** How an answer and a time become cells: the value in its plain form, and its Thai reading. */
final class Cells {

    private static final DateTimeFormatter INSTANT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** A Buddhist Era date as Thai readers write it: 27/09/2564. */
    static final DateTimeFormatter BUDDHIST_DATE =
            DateTimeFormatter.ofPattern("dd/MM/yyyy").withChronology(ThaiBuddhistChronology.INSTANCE);

    private Cells() {}

    /** A server or device time, UTC, in the protocol's one form (SPEC §4.5). */
    static String instant(Instant instant) {
        return INSTANT.format(instant);
    }

    /**
     * The value cell: numbers as {@code BigDecimal}, yes/no as {@code Boolean}, dates as
     * {@code LocalDate} (ISO in CSV, a date cell in xlsx), text and a single choice's option value as
     * text, a multiple choice's option values joined by {@code ;}.
     */
    static Object value(Object value) {
        if (value instanceof List<?> options) {
            return options.stream().map(Object::toString).collect(Collectors.joining(";"));
        }
        return value;
    }

    /**
     * The Thai reading of a value, where it differs from the value: option labels (joined by
     * {@code ", "}), ใช่ / ไม่ใช่, a date in the Buddhist Era; {@code null} for numbers and text.
     */
    static String thai(Item item, Object value) {
        switch (item.type()) {
            case SINGLE_CHOICE:
                return label(item, value.toString());
            case MULTIPLE_CHOICE:
                return ((List<?>) value).stream().map(v -> label(item, v.toString())).collect(Collectors.joining(", "));
            case YES_NO:
                return Boolean.TRUE.equals(value) ? "ใช่" : "ไม่ใช่";
            case DATE:
                return BUDDHIST_DATE.format((LocalDate) value);
            default:
                return null;
        }
    }

    private static String label(Item item, String option) {
        return item.option(option).map(Option::label).map(label -> label.th()).orElse(option);
    }
}
