package org.infodesk.server.definitions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.DefinitionException;
import org.infodesk.protocol.definition.DefinitionReader;
import org.infodesk.protocol.rules.Questionnaire;

/**
 * The questionnaire definitions the server holds, each with the exact bytes it serves
 * ({@code GET /api/v1/definitions/...}, SPEC §4.1) and their SHA-256, which the {@code definition}
 * change names (§4.8). Ingest judges with the same compiled questionnaires. Immutable.
 */
public final class HeldDefinitions {

    /** One definition: its document's bytes as served, their SHA-256 (lowercase hex) and the compiled questionnaire. */
    public record Held(byte[] bytes, String digest, Questionnaire questionnaire) {
        public Definition definition() {
            return questionnaire.definition();
        }

        /** {@code id/fiscal_year/version}, as a payload's definition key. */
        public String key() {
            return HeldDefinitions.key(definition().id(), definition().fiscalYear(), definition().version());
        }
    }

    private final List<Held> held;

    private HeldDefinitions(List<Held> held) {
        this.held = List.copyOf(held);
    }

    /** The definitions of these documents, each read, checked and compiled. */
    public static HeldDefinitions of(List<byte[]> documents) throws DefinitionException {
        List<Held> held = new ArrayList<>();
        for (byte[] document : documents) {
            byte[] bytes = document.clone();
            held.add(new Held(bytes, sha256(bytes), Questionnaire.load(bytes)));
        }
        return new HeldDefinitions(held);
    }

    /** The definitions shipped in sync-protocol's jar: FY 2564 version 1. */
    public static HeldDefinitions shipped() {
        try (InputStream in = Questionnaire.class.getResourceAsStream(Questionnaire.FY2564)) {
            if (in == null) {
                throw new IllegalStateException(Questionnaire.FY2564 + " is missing from the class path");
            }
            return of(List.of(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DefinitionException e) {
            throw new IllegalStateException("the shipped definition is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The shipped definitions and those published in a folder (the data folder's
     * {@value #PUBLISHED}): every {@code *.json} in it, in name order, read, checked and compiled
     * like the shipped one. A central administrator publishes a new questionnaire version by putting
     * its file there and restarting the server; each device then pulls a {@code definition} change
     * for it (SPEC §4.8). A file that is not a valid definition, or a second document of one
     * identity, stops the server with a message that names the file.
     */
    public static HeldDefinitions published(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (Stream<Path> listed = Files.list(folder)) {
                listed.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().forEach(files::add);
            }
        }
        List<Held> held = new ArrayList<>(shipped().all());
        for (Path file : files) {
            if (Files.size(file) > DefinitionReader.MAX_BYTES) {
                throw new IllegalStateException(file + " is larger than a definition may be (" + DefinitionReader.MAX_BYTES + " bytes)");
            }
            byte[] bytes = Files.readAllBytes(file);
            Held one;
            try {
                one = new Held(bytes, sha256(bytes), Questionnaire.load(bytes));
            } catch (DefinitionException e) {
                throw new IllegalStateException(file + " is not a valid questionnaire definition: " + e.getMessage(), e);
            }
            if (held.stream().anyMatch(h -> h.key().equals(one.key()))) {
                throw new IllegalStateException(file + " is definition " + one.key() + ", which the server holds already");
            }
            held.add(one);
        }
        return new HeldDefinitions(held);
    }

    /** The data folder's sub-folder whose definition files the server publishes besides the shipped one. */
    public static final String PUBLISHED = "definitions";

    public List<Held> all() {
        return held;
    }

    public List<Questionnaire> questionnaires() {
        return held.stream().map(Held::questionnaire).toList();
    }

    public Optional<Held> find(String id, int fiscalYear, int version) {
        String key = key(id, fiscalYear, version);
        return held.stream().filter(h -> h.key().equals(key)).findFirst();
    }

    static String key(String id, int fiscalYear, int version) {
        return id + "/" + fiscalYear + "/" + version;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
