package org.infodesk.app.i18n;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as Thai offices write them: Buddhist Era years (พ.ศ. = ค.ศ. + 543), in Thai and in
 * English, whatever the PC's own locale and calendar settings.
 */
public final class ThaiDates {

    private static final DateTimeFormatter THAI_DATE = DateTimeFormatter.ofPattern("d MMM G yyyy", Messages.THAI);
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter THAI_LONG_DATE = DateTimeFormatter.ofPattern("d MMMM G yyyy", Messages.THAI);
    private static final DateTimeFormatter ENGLISH_LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ThaiDates() {}

    /** The B.E. year of a date: 2021-05-31 is 2564. */
    public static int buddhistYear(LocalDate date) {
        return date.getYear() + 543;
    }

    /** The B.E. fiscal year a date falls in (1 Oct to 30 Sep): 2020-10-01 is in FY 2564. */
    public static int fiscalYear(LocalDate date) {
        return buddhistYear(date) + (date.getMonthValue() >= 10 ? 1 : 0);
    }

    /** "31 พ.ค. พ.ศ. 2564" in Thai, "31 May 2564 B.E." in English. */
    public static String format(LocalDate date, Locale locale) {
        return format(date, locale, THAI_DATE, ENGLISH_DATE);
    }

    /** With the month in full, as a signed paper writes it: "31 พฤษภาคม พ.ศ. 2564", "31 May 2564 B.E.". */
    public static String formatLong(LocalDate date, Locale locale) {
        return format(date, locale, THAI_LONG_DATE, ENGLISH_LONG_DATE);
    }

    private static String format(LocalDate date, Locale locale, DateTimeFormatter thai, DateTimeFormatter english) {
        if (locale != null && "en".equals(locale.getLanguage())) {
            return english.format(date).replace(String.valueOf(date.getYear()), String.valueOf(buddhistYear(date))) + " B.E.";
        }
        return thai.format(ThaiBuddhistDate.from(date));
    }

    public static String format(LocalDateTime time, Locale locale) {
        return format(time.toLocalDate(), locale) + " " + TIME.format(time);
    }
}
