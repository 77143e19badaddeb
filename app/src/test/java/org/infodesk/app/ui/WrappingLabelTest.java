package org.infodesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.BreakIterator;
import java.util.Locale;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.infodesk.app.shell.Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Lines broken where Thai may break, each within the width, nothing lost or doubled. */
@ExtendWith(ApplicationExtension.class)
class WrappingLabelTest {

    private static final String THAI_NO_SPACES = "การรับรองต้องใช้ชื่อผู้ใช้และรหัสผ่านของผู้รับรองข้อมูลเอง";

    @Start
    void start(Stage stage) {
        Fonts.load();
    }

    private static WrappingLabel label(String text) {
        WrappingLabel label = new WrappingLabel(text);
        label.setFont(Font.font("Sarabun", 15));
        return label;
    }

    private static double width(String line) {
        Text t = new Text(line);
        t.setFont(Font.font("Sarabun", 15));
        return t.getLayoutBounds().getWidth();
    }

    @Test
    void aThaiPhraseWiderThanTheLineBreaksBetweenWordsAndEachLineFits(FxRobot robot) {
        robot.interact(() -> {
            String lines = label(THAI_NO_SPACES).lines(THAI_NO_SPACES, 120);

            assertThat(lines).contains("\n");
            assertThat(lines.replace("\n", "")).isEqualTo(THAI_NO_SPACES);
            assertThat(lines.split("\n")).allSatisfy(line -> {
                assertThat(width(line)).isLessThanOrEqualTo(120);
                // never a vowel or tone mark parted from its consonant
                assertThat(Character.getType(line.charAt(0))).isNotEqualTo((int) Character.NON_SPACING_MARK);
            });
            // every break is a word boundary of the JDK's Thai line breaker
            BreakIterator words = BreakIterator.getLineInstance(Locale.forLanguageTag("th"));
            words.setText(THAI_NO_SPACES);
            int at = 0;
            for (String line : lines.split("\n")) {
                at += line.length();
                assertThat(words.isBoundary(at)).as("a break after " + line).isTrue();
            }
        });
    }

    @Test
    void spacesAreWhereLinesBreakFirstAndGivenLineBreaksStay(FxRobot robot) {
        robot.interact(() -> {
            String text = "ยังรับรองไม่ได้: มีข้อผิดพลาด 1 รายการ กรุณาแก้ไขในแบบฟอร์มก่อน\nบรรทัดใหม่";
            String lines = label(text).lines(text, 260);

            assertThat(lines.split("\n")).containsExactly("ยังรับรองไม่ได้: มีข้อผิดพลาด 1 รายการ", "กรุณาแก้ไขในแบบฟอร์มก่อน", "บรรทัดใหม่");
        });
    }

    @Test
    void aNarrowerLabelIsTaller(FxRobot robot) {
        robot.interact(() -> {
            WrappingLabel label = label(THAI_NO_SPACES);

            assertThat(label.prefHeight(120)).isGreaterThan(label.prefHeight(1000) * 2);
            assertThat(label.getContentBias()).isEqualTo(javafx.geometry.Orientation.HORIZONTAL);
        });
    }
}
