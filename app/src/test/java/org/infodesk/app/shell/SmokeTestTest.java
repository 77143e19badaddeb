package org.infodesk.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The installed app's self-check ({@code --smoke-test}, issue 9) run on the real application and a
 * real data folder: the window and the Thai font are checked, an answer saved through the form's
 * code path is found by the next start, and a wrong expectation fails with its reason.
 */
class SmokeTestTest {

    @TempDir
    Path data;

    private Application app;

    @BeforeEach
    void setUp() throws Exception {
        FxToolkit.registerPrimaryStage();
        SmokeTest.reset();
        SmokeTest.exit = () -> {}; // the toolkit serves the other tests in this JVM: record only
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        SmokeTest.exit = Platform::exit;
        SmokeTest.reset();
    }

    private SmokeTest.Result run(String... more) throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
            SmokeTest.reset();
        }
        String[] args = new String[more.length + 2];
        args[0] = "--data-dir=" + data;
        args[1] = SmokeTest.FLAG;
        System.arraycopy(more, 0, args, 2, more.length);
        app = FxToolkit.setupApplication(InfoDeskApp.class, args);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> SmokeTest.result() != null);
        return SmokeTest.result();
    }

    @Test
    void theSmokeTestPassesWhenTheWindowShowsWithTheBundledThaiFont() throws Exception {
        SmokeTest.Result result = run();

        assertThat(result.ok()).as(result.line()).isTrue();
        assertThat(result.line()).startsWith("SMOKE OK").contains("window=shown").contains("font=Sarabun").contains("data=" + data);
        assertThat(SmokeTest.exitCode()).isZero();
    }

    @Test
    void anAnswerSavedByOneStartIsFoundByTheNext() throws Exception {
        SmokeTest.Result saved = run("--smoke-save=ทดสอบการปรับรุ่น 9");
        assertThat(saved.ok()).as(saved.line()).isTrue();
        assertThat(saved.line()).contains("saved=");

        SmokeTest.Result found = run("--smoke-expect=ทดสอบการปรับรุ่น 9");

        assertThat(found.ok()).as(found.line()).isTrue();
        assertThat(found.line()).contains("found=");
    }

    @Test
    void anAnswerThatIsNotThereFailsWithWhatWasExpectedAndANonZeroExit() throws Exception {
        SmokeTest.Result result = run("--smoke-expect=not saved");

        assertThat(result.ok()).isFalse();
        assertThat(result.line()).startsWith("SMOKE FAILED").contains("expected").contains("\"not saved\"");
        assertThat(SmokeTest.exitCode()).isEqualTo(1);
    }
}
