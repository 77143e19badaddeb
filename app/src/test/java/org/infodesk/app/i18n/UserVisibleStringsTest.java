package org.infodesk.app.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.infodesk.app.certify.CertificationService;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.device.DeviceKeyException;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.users.Role;
import org.infodesk.app.users.UserException;
import org.infodesk.protocol.answers.NumberText;
import org.junit.jupiter.api.Test;

/**
 * Every string a user sees comes from the bundles, in Thai and English: no literal text is
 * handed to a label, button, prompt or title in the app's sources, and every key the sources
 * ask for exists in both bundles.
 */
class UserVisibleStringsTest {

    private static final Path SOURCES = Path.of("src/main/java");
    /** Calls that put text in front of a user. */
    private static final Pattern LITERAL_TEXT = Pattern.compile(
            "(new (Label|WrappingLabel|Button|CheckBox|RadioButton|Tooltip|MenuItem|Menu|TitledPane|Tab)|\\.set(Text|Content|PromptText|Title|HeaderText|ContentText|Tooltip))"
                    + "\\(\\s*\"([^\"]*\\p{L}[^\"]*)\"");
    /** Keys asked of the bundles: m.get("..."), messages.get("..."); keys built from enums are listed below. */
    private static final Pattern KEY = Pattern.compile("\\b(m|messages|msgs)\\.get\\(\\s*\"([a-zA-Z0-9_.]+)\"\\s*[,)]");

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UserVisibleStringsTest.class.getResourceAsStream("/org/infodesk/app/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void noLiteralTextIsShownToAUser() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path file : javaFiles()) {
            String source = Files.readString(file);
            Matcher m = LITERAL_TEXT.matcher(source);
            while (m.find()) {
                offenders.add(SOURCES.relativize(file) + ": " + m.group());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyKeyTheSourcesAskForIsInBothBundles() throws IOException {
        Properties thai = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        TreeSet<String> keys = new TreeSet<>();
        for (Path file : javaFiles()) {
            Matcher m = KEY.matcher(Files.readString(file));
            while (m.find()) {
                keys.add(m.group(2));
            }
        }
        // keys built from enums
        for (StoreException.Problem p : StoreException.Problem.values()) {
            keys.add("store." + p.name());
        }
        for (DomainState s : DomainState.values()) {
            keys.add(s.messageKey());
        }
        for (NumberText.Problem p : NumberText.Problem.values()) {
            keys.add("number." + p.name());
        }
        for (UserException.Problem p : UserException.Problem.values()) {
            keys.add(new UserException(p).messageKey());
        }
        for (CertificationService.Reason r : CertificationService.Reason.values()) {
            keys.add(r.messageKey());
        }
        for (Role r : Role.values()) {
            keys.add(r.messageKey());
        }
        for (DeviceKeyException.Problem p : DeviceKeyException.Problem.values()) {
            keys.add(new DeviceKeyException(p, null, null, null).messageKey());
        }

        // the sync screens' keys built from the sync core's enums (issue 7)
        for (org.infodesk.app.sync.Exchange.Trouble t : org.infodesk.app.sync.Exchange.Trouble.values()) {
            keys.add("sync.trouble." + t.name());
            keys.add("enrol.noAnswer." + t.name());
        }
        for (org.infodesk.app.sync.Exchange.Action a : org.infodesk.app.sync.Exchange.Action.values()) {
            keys.add("sync.action." + a.name());
            keys.add("enrol.refused." + a.name());
        }
        for (org.infodesk.app.sync.EnrolmentService.Field f : org.infodesk.app.sync.EnrolmentService.Field.values()) {
            keys.add("enrol.bad." + f.name());
        }
        for (org.infodesk.app.sync.OutboxWorker.Phase p : org.infodesk.app.sync.OutboxWorker.Phase.values()) {
            keys.add("sync.phase." + p.name());
            keys.add("sync.status." + p.name());
        }
        for (org.infodesk.protocol.wire.Outcome o : org.infodesk.protocol.wire.Outcome.values()) {
            keys.add("sync.refused." + o.name());
        }
        for (org.infodesk.app.outbox.OutboxItem.State st : org.infodesk.app.outbox.OutboxItem.State.values()) {
            keys.add("sync.item." + st.name());
        }

        // the district status board's keys built from its enums (issue 8)
        for (org.infodesk.app.relay.status.CellState st : org.infodesk.app.relay.status.CellState.values()) {
            keys.add(st.messageKey());
        }
        for (org.infodesk.app.relay.status.Board.Source so : org.infodesk.app.relay.status.Board.Source.values()) {
            keys.add("relayStatus.source." + so.name());
        }
        for (org.infodesk.app.relay.status.BoardExport.Format f : org.infodesk.app.relay.status.BoardExport.Format.values()) {
            keys.add("relayStatus.export.filter." + f.name());
        }

        assertThat(keys).hasSizeGreaterThan(40);
        assertThat(keys).allSatisfy(k -> {
            assertThat(thai).as("Thai bundle").containsKey(k);
            assertThat(english).as("English bundle").containsKey(k);
        });
    }

    @Test
    void thaiEntriesAreInThai() throws IOException {
        Properties thai = bundle("messages.properties");
        Pattern thaiLetter = Pattern.compile("[\\u0E01-\\u0E5B]");
        List<String> notThai = thai.stringPropertyNames().stream()
                .filter(k -> !k.equals("app.name") && !k.equals("dashboard.progress") && !k.equals("action.switchLanguage"))
                .filter(k -> !thaiLetter.matcher(thai.getProperty(k)).find())
                .sorted().toList();

        assertThat(notThai).isEmpty();
    }
}
