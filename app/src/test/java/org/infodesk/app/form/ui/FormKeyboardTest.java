package org.infodesk.app.form.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.FormSession;
import org.infodesk.app.i18n.Messages;
import org.infodesk.app.shell.Fonts;
import org.infodesk.app.storage.SqliteAnswerRepository;
import org.infodesk.app.storage.Store;
import org.infodesk.app.storage.StoreFixture;
import org.infodesk.app.ui.AppWindow;
import org.infodesk.app.ui.WrappingLabel;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.NumberText;
import org.infodesk.protocol.definition.Item;
import org.infodesk.protocol.definition.ItemType;
import org.infodesk.protocol.fixtures.Fy2564Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The form used as an officer uses it: by keyboard, against a real SQLite store. */
@ExtendWith(ApplicationExtension.class)
class FormKeyboardTest {

    @TempDir
    static Path folder;

    private Stage stage;
    private Store store;
    private SqliteAnswerRepository repo;
    private FormView view;

    @Start
    void start(Stage stage) throws Exception {
        Fonts.load();
        this.stage = stage;
        store = StoreFixture.open(Files.createTempDirectory(folder, "store"));
        repo = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
        stage.setScene(new Scene(new Label(), 1366, 768));
        stage.getScene().getStylesheets().add(Fonts.class.getResource("app.css").toExternalForm());
        stage.show();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private DomainKey open(FxRobot robot, String domain) {
        DomainKey key = new DomainKey("5650801", 2564, domain);
        robot.interact(() -> {
            try {
                FormSession session = new FormSession(StoreFixture.QUESTIONNAIRE, repo, key, "somchai");
                view = new FormView(new FormViewModel(session, repo, Answers.empty(), Messages.thai()), () -> { });
                stage.getScene().setRoot(view);
                stage.toFront();
                stage.requestFocus();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#formTitle"); // the window has focus, as it does when the officer opens the domain
        robot.interact(view::focusFirst);
        WaitForAsyncUtils.waitForFxEvents();
        return key;
    }

    /** Moves to a field as the keyboard does (it scrolls into view). */
    private void go(FxRobot robot, String item) {
        robot.interact(() -> view.focus(item));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String thaiDigits(String ascii) {
        StringBuilder b = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('๐' + (c - '0')) : c);
        }
        return b.toString();
    }

    /** A label's text as given (a wrapping label adds line breaks where it wraps). */
    private static String text(FxRobot robot, String id) {
        return AppWindow.text(robot, id);
    }

    /** The items of a domain in the order the form shows them: section by section. */
    private static java.util.List<String> shownOrder(String domain) {
        var d = StoreFixture.DEFINITION.domain(domain).orElseThrow();
        return d.sections().stream()
                .flatMap(sec -> d.items().stream().filter(i -> i.section().equals(sec.id())))
                .map(Item::id).toList();
    }

    @Test
    void theLargestDomainOpensWithItsFirstRowsAndEveryFieldIsStillReachableByKeyboard(FxRobot robot) throws Exception {
        DomainKey key = new DomainKey("5650801", 2564, "internal_governance");
        java.util.List<String> order = shownOrder("internal_governance");
        String last = order.get(order.size() - 1);
        robot.interact(() -> {
            try {
                FormSession session = new FormSession(StoreFixture.QUESTIONNAIRE, repo, key, "somchai");
                view = new FormView(new FormViewModel(session, repo, Answers.empty(), Messages.thai()), () -> { });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            stage.getScene().setRoot(view);
            view.applyCss(); // the skins, as the first frame makes them (a scroll pane's content is in its skin)
            // before any frame: the first screenful exists, the last section does not yet
            assertThat(view.fullyBuilt()).isFalse();
            assertThat(view.lookup("#row-" + order.get(0))).isNotNull();
            assertThat(view.lookup("#row-" + last)).isNull();
            // the last row built so far: Enter from it goes on to the next field, built on the way
            String lastBuilt = order.stream().filter(id -> view.lookup("#row-" + id) != null)
                    .reduce((a, b) -> b).orElseThrow();
            String next = order.get(order.indexOf(lastBuilt) + 1);
            view.focus(lastBuilt);
            Node target = view.lookup("#field-" + lastBuilt);
            target.fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_PRESSED, "", "",
                    KeyCode.ENTER, false, false, false, false));
            assertThat(view.lookup("#field-" + next)).isNotNull();
            assertThat(stage.getScene().getFocusOwner().getId()).startsWith("field-" + next);
            // and a field of the last section is found at once
            view.focus(last);
            assertThat(view.lookup("#field-" + last)).isNotNull();
        });
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> AppWindow.onFx(() -> view.fullyBuilt()));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : order) {
            assertThat(AppWindow.onFx(() -> view.lookup("#row-" + id))).as(id).isNotNull();
        }
        // one row each, in the questionnaire's order
        java.util.List<String> rowsShown = AppWindow.onFx(() -> view.lookupAll(".form-row").stream().map(Node::getId)
                .map(id -> id.substring("row-".length())).toList());
        assertThat(rowsShown).containsExactlyElementsOf(order);
    }

    @Test
    void anOfficerFillsTheInfrastructureDomainByKeyboardAlone(FxRobot robot) throws Exception {
        DomainKey key = open(robot, "infrastructure");
        JsonNode sample = Fy2564Fixtures.completeJson().get("infrastructure");
        int typed = 0;
        for (Item item : StoreFixture.DEFINITION.domain("infrastructure").orElseThrow().items()) {
            if (!AppWindow.onFx(() -> view.isShown(item.id()))) {
                continue; // footpath_km: only for municipalities, and the profile is empty
            }
            JsonNode v = sample.get(item.id());
            if (item.type() == ItemType.YES_NO) {
                robot.write(v.booleanValue() ? "y" : "n");
            } else {
                // every other value in Thai digits, as typed on a Thai keyboard
                String plain = v.asText();
                robot.write(typed % 2 == 0 ? thaiDigits(plain) : plain);
            }
            robot.type(KeyCode.ENTER);
            typed++;
        }
        WaitForAsyncUtils.waitForFxEvents();

        Map<String, Object> saved = repo.current(key).values();
        for (Item item : StoreFixture.DEFINITION.domain("infrastructure").orElseThrow().items()) {
            if (item.id().equals("footpath_km")) {
                continue;
            }
            JsonNode v = sample.get(item.id());
            Object expected = item.type() == ItemType.YES_NO ? (Object) v.booleanValue() : NumberText.parse(v.asText()).value();
            assertThat(saved.get(item.id())).as(item.id()).isEqualTo(expected);
        }
        assertThat(typed).isEqualTo(25);
        assertThat(text(robot, "#summary")).isEqualTo("ข้อผิดพลาด 0 รายการ คำเตือน 0 รายการ");
        assertThat(text(robot, "#saveState")).startsWith("บันทึกแล้ว");
    }

    @Test
    void aRuleErrorShowsAtBothFieldsItInvolvesAndGoesWhenFixed(FxRobot robot) {
        open(robot, "infrastructure");
        String message = "โคมพลังงานแสงอาทิตย์ต้องไม่เกินจำนวนไฟส่องสว่างทั้งหมด";

        go(robot, "street_lights_total");
        robot.write("10").type(KeyCode.ENTER);
        go(robot, "street_lights_solar");
        robot.write("20").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#msg-street_lights_total")).contains(message);
        assertThat(text(robot, "#msg-street_lights_solar")).contains(message);
        assertThat(AppWindow.onFx(() -> java.util.List.copyOf(robot.lookup("#field-street_lights_solar").queryAs(Node.class).getStyleClass())))
                .contains("error");

        go(robot, "street_lights_solar");
        robot.eraseText(2).write("5").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#msg-street_lights_total")).isEmpty();
        assertThat(text(robot, "#msg-street_lights_solar")).isEmpty();
        assertThat(AppWindow.onFx(() -> java.util.List.copyOf(robot.lookup("#field-street_lights_solar").queryAs(Node.class).getStyleClass())))
                .doesNotContain("error");
    }

    @Test
    void anItemHidesWhenItsYesNoGateIsNo(FxRobot robot) {
        open(robot, "health_environment");

        go(robot, "waste_service_provided");
        robot.write("n");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(() -> robot.lookup("#row-waste_service_households").query().isVisible())).isFalse();

        robot.write("y");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(AppWindow.onFx(() -> robot.lookup("#row-waste_service_households").query().isVisible())).isTrue();
    }

    @Test
    void lettersNeverReachANumberField(FxRobot robot) {
        open(robot, "infrastructure");

        robot.write("1a2b");

        assertThat(AppWindow.onFx(() -> robot.lookup("#field-road_routes_total").queryAs(TextField.class).getText())).isEqualTo("12");
    }

    @Test
    void aMistypedNumberIsExplainedAtTheFieldAndNotSaved(FxRobot robot) throws Exception {
        DomainKey key = open(robot, "infrastructure");

        go(robot, "road_km_total");
        robot.write("1,23").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(text(robot, "#msg-road_km_total")).contains("จุด (.) เป็นทศนิยม");
        assertThat(repo.current(key).values()).doesNotContainKey("road_km_total");
    }

    @Test
    void ctrlZPutsBackTheLastSavedChange(FxRobot robot) throws Exception {
        DomainKey key = open(robot, "infrastructure");
        robot.write("58").type(KeyCode.ENTER);
        go(robot, "road_routes_total");
        robot.type(KeyCode.END).eraseText(2).write("60").type(KeyCode.ENTER);

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(repo.current(key).values()).containsEntry("road_routes_total", new BigDecimal("58"));
        assertThat(AppWindow.onFx(() -> robot.lookup("#field-road_routes_total").queryAs(TextField.class).getText())).isEqualTo("58");
    }

    @Test
    void ctrlFFindsAFieldByItsLabel(FxRobot robot) {
        open(robot, "infrastructure");

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        robot.write("ถนนดิน").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.focused(robot, "#field-road_km_earth")).isTrue();
    }

    @Test
    void ctrlPageDownMovesToTheNextSection(FxRobot robot) {
        open(robot, "infrastructure");

        robot.press(KeyCode.CONTROL).type(KeyCode.PAGE_DOWN).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.focused(robot, "#field-bridges_concrete")).isTrue();
    }

    @Test
    void theProblemPanelListsTheRuleAndF8GoesToItsField(FxRobot robot) {
        open(robot, "infrastructure");
        go(robot, "street_lights_total");
        robot.write("10").type(KeyCode.ENTER);
        go(robot, "street_lights_solar");
        robot.write("20").type(KeyCode.ENTER);
        go(robot, "road_routes_total");
        System.gc(); // the panel must keep listening however the garbage collector feels

        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(AppWindow.onFx(() -> robot.lookup("#findings").lookup(".problem-text").queryAllAs(WrappingLabel.class)
                .stream().map(WrappingLabel::getContent).toList()))
                .containsExactly("โคมพลังงานแสงอาทิตย์ต้องไม่เกินจำนวนไฟส่องสว่างทั้งหมด");
        // the rule reads "street_lights_solar <= street_lights_total": its first field is the solar one
        assertThat(AppWindow.focused(robot, "#field-street_lights_solar")).isTrue();
    }
}
