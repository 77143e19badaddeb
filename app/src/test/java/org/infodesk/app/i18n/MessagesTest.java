package org.infodesk.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/org/infodesk/app/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void thaiAndEnglishBundlesHaveTheSameKeysAndNoEmptyValues() throws Exception {
        Properties thai = load("messages.properties");
        Properties english = load("messages_en.properties");

        assertThat(thai.keySet()).containsExactlyInAnyOrderElementsOf(english.keySet());
        assertThat(thai.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
        assertThat(english.values()).allSatisfy(v -> assertThat((String) v).isNotBlank());
    }

    @Test
    void thaiIsTheDefaultForAnyLocaleButEnglish() {
        assertThat(Messages.of(Locale.GERMAN).get("dashboard.col.domain")).isEqualTo("ด้าน");
        assertThat(Messages.of(null).get("dashboard.col.domain")).isEqualTo("ด้าน");
        assertThat(Messages.of(Locale.UK).get("dashboard.col.domain")).isEqualTo("Domain");
    }

    @Test
    void datesShowBuddhistEraYears() {
        LocalDate deadline = LocalDate.of(2021, 6, 15);

        assertThat(ThaiDates.format(deadline, Messages.THAI)).isEqualTo("15 มิ.ย. พ.ศ. 2564");
        assertThat(ThaiDates.format(deadline, Locale.ENGLISH)).isEqualTo("15 Jun 2564 B.E.");
        assertThat(ThaiDates.formatLong(deadline, Messages.THAI)).isEqualTo("15 มิถุนายน พ.ศ. 2564");
        assertThat(ThaiDates.formatLong(deadline, Locale.ENGLISH)).isEqualTo("15 June 2564 B.E.");
    }

    @Test
    void theFiscalYearStartsInOctober() {
        assertThat(ThaiDates.fiscalYear(LocalDate.of(2020, 9, 30))).isEqualTo(2563);
        assertThat(ThaiDates.fiscalYear(LocalDate.of(2020, 10, 1))).isEqualTo(2564);
        assertThat(ThaiDates.fiscalYear(LocalDate.of(2021, 9, 30))).isEqualTo(2564);
    }
}
