package org.infodesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.infodesk.app.shell.Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Thai wraps at word boundaries into lines that each fit, with nothing drawn twice. */
@ExtendWith(ApplicationExtension.class)
class WrappingLabelLayoutTest {

    private static final String MESSAGE = "ถนนลูกรัง: เปลี่ยนแปลงจากปีที่แล้วมาก กรุณาระบุเหตุผลสั้น ๆ";
    private static final String NO_SPACES = "ผลรวมความยาวถนนแยกตามประเภทผิวจราจรต้องเท่ากับความยาวรวม";

    private final VBox box = new VBox();

    @Start
    void start(Stage stage) {
        Fonts.load();
        box.setStyle("-fx-font-family: Sarabun; -fx-font-size: 15px;");
        stage.setScene(new Scene(box, 600, 400));
        stage.show();
    }

    private WrappingLabel shown(FxRobot robot, String text, double width) {
        WrappingLabel label = new WrappingLabel(text);
        label.setMaxWidth(width);
        robot.interact(() -> box.getChildren().setAll(label));
        WaitForAsyncUtils.waitForFxEvents();
        return label;
    }

    private static double width(WrappingLabel label, String line) {
        Text meter = new Text(line);
        meter.setFont(label.getFont());
        return meter.getLayoutBounds().getWidth();
    }

    @Test
    void aThaiSentenceWrapsIntoLinesThatEachFitTheLabel(FxRobot robot) {
        for (String text : List.of(MESSAGE, NO_SPACES)) {
            WrappingLabel label = shown(robot, text, 200);

            List<String> lines = label.getText().lines().toList();
            assertThat(lines).as(text).hasSizeGreaterThan(1);
            double room = label.getWidth() - label.getInsets().getLeft() - label.getInsets().getRight();
            assertThat(lines).allSatisfy(line -> assertThat(width(label, line)).as(line).isLessThanOrEqualTo(room));
            // every character once, in order: only line breaks (and the spaces they replace) differ
            assertThat(String.join("", lines).replace(" ", "")).isEqualTo(text.replace(" ", ""));
            assertThat(label.getContent()).isEqualTo(text);
            // and the label is as tall as its lines
            assertThat(label.getHeight()).isGreaterThan(lines.size() * label.getFont().getSize());
        }
    }

    @Test
    void thaiWordsAreNotCutInTheMiddle(FxRobot robot) {
        WrappingLabel label = shown(robot, NO_SPACES, 160);

        // the JDK's Thai dictionary: a line ends at a word, never inside ความยาว or ประเภท
        assertThat(label.getText()).doesNotContain("คว\nาม").doesNotContain("ความ\nยาว").doesNotContain("ประ\nเภท");
        assertThat(label.getText().lines()).allSatisfy(line -> assertThat(Character.getType(line.charAt(0)))
                .as("a line never starts with a vowel or tone mark: " + line).isNotEqualTo((int) Character.NON_SPACING_MARK));
    }

    @Test
    void textThatFitsIsLeftAsItIsAndAWiderLabelRejoinsTheLines(FxRobot robot) {
        WrappingLabel label = shown(robot, MESSAGE, 200);
        assertThat(label.getText()).contains("\n");

        robot.interact(() -> label.setMaxWidth(590));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(label.getText()).isEqualTo(MESSAGE);
    }
}
