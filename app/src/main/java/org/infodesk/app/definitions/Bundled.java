package org.infodesk.app.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.DefinitionException;
import org.infodesk.protocol.definition.DefinitionReader;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * The definition the app ships (FY 2564, from sync-protocol's jar): the fallback whenever no
 * received definition serves. Its bytes and digest are read once; the same document served by the
 * server (same identity and digest) is held already and is not fetched.
 */
public final class Bundled {

    public static final String ID = "dla-lao-info";
    public static final int FISCAL_YEAR = 2564;
    public static final int VERSION = 1;

    private static volatile byte[] bytes;
    private static volatile String digest;
    private static volatile Definition definition;

    private Bundled() {}

    public static String key() {
        return ReceivedDefinition.key(ID, FISCAL_YEAR, VERSION);
    }

    public static String digest() {
        if (digest == null) {
            digest = ReceivedDefinition.sha256(bytes());
        }
        return digest;
    }

    /** Whether a definition change names exactly the bundled document. */
    public static boolean is(String definitionId, int fiscalYear, int version, String sha256) {
        return ReceivedDefinition.key(definitionId, fiscalYear, version).equals(key()) && digest().equals(sha256);
    }

    /** The bundled definition, read (not compiled). */
    public static Definition definition() {
        if (definition == null) {
            try {
                definition = DefinitionReader.read(bytes());
            } catch (DefinitionException e) {
                throw new IllegalStateException("the shipped definition is invalid: " + e.getMessage(), e);
            }
        }
        return definition;
    }

    private static byte[] bytes() {
        byte[] b = bytes;
        if (b == null) {
            try (InputStream in = Questionnaire.class.getResourceAsStream(Questionnaire.FY2564)) {
                if (in == null) {
                    throw new IllegalStateException(Questionnaire.FY2564 + " is missing from the class path");
                }
                b = in.readAllBytes();
                bytes = b;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return b;
    }
}
