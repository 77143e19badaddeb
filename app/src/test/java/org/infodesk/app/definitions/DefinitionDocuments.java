package org.infodesk.app.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.infodesk.protocol.rules.Questionnaire;

/** Definition documents for tests: the one the app ships, and later versions made from it. */
public final class DefinitionDocuments {

    private DefinitionDocuments() {}

    /** The shipped FY 2564 document's bytes. */
    public static byte[] bundled() {
        try (InputStream in = Questionnaire.class.getResourceAsStream(Questionnaire.FY2564)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped document named as another fiscal year and version (its items and rules unchanged). */
    public static byte[] named(int fiscalYear, int version) {
        String text = new String(bundled(), StandardCharsets.UTF_8)
                .replaceFirst("\"fiscalYear\": 2564,", "\"fiscalYear\": " + fiscalYear + ",")
                .replaceFirst("\"version\": 1,", "\"version\": " + version + ",");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The received definition of such a document. */
    public static ReceivedDefinition received(int fiscalYear, int version) {
        byte[] bytes = named(fiscalYear, version);
        return new ReceivedDefinition(Bundled.ID, fiscalYear, version, ReceivedDefinition.sha256(bytes), bytes);
    }
}
