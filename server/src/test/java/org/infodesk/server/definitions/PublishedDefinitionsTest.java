package org.infodesk.server.definitions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infodesk.protocol.rules.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The definitions a server publishes: the shipped one and each valid file of its data folder's {@code definitions}. */
class PublishedDefinitionsTest {

    @TempDir
    Path data;

    static String shipped() throws Exception {
        try (InputStream in = Questionnaire.class.getResourceAsStream(Questionnaire.FY2564)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String version(int fiscalYear, int version) throws Exception {
        return shipped().replaceFirst("\"fiscalYear\": 2564,", "\"fiscalYear\": " + fiscalYear + ",")
                .replaceFirst("\"version\": 1,", "\"version\": " + version + ",");
    }

    @Test
    void withoutTheFolderOnlyTheShippedDefinitionIsHeld() throws Exception {
        assertThat(HeldDefinitions.published(data.resolve(HeldDefinitions.PUBLISHED)).all())
                .extracting(HeldDefinitions.Held::key).containsExactly("dla-lao-info/2564/1");
    }

    @Test
    void eachDefinitionFileOfTheFolderIsHeldWithItsExactBytesAndTheirDigest() throws Exception {
        Path folder = Files.createDirectories(data.resolve(HeldDefinitions.PUBLISHED));
        Path file = Files.writeString(folder.resolve("fy2565-v1.json"), version(2565, 1));
        Files.writeString(folder.resolve("README.txt"), "not a definition, not read");

        HeldDefinitions held = HeldDefinitions.published(folder);

        assertThat(held.all()).extracting(HeldDefinitions.Held::key).containsExactly("dla-lao-info/2564/1", "dla-lao-info/2565/1");
        byte[] bytes = Files.readAllBytes(file);
        assertThat(held.find("dla-lao-info", 2565, 1)).hasValueSatisfying(h -> assertThat(h.bytes()).isEqualTo(bytes));
    }

    @Test
    void anInvalidFileOrASecondDocumentOfOneIdentityStopsTheServerNamingTheFile() throws Exception {
        Path folder = Files.createDirectories(data.resolve(HeldDefinitions.PUBLISHED));
        Files.writeString(folder.resolve("broken.json"), "{\"format\": 1}");
        assertThatThrownBy(() -> HeldDefinitions.published(folder)).hasMessageContaining("broken.json")
                .hasMessageContaining("not a valid questionnaire definition");

        Files.delete(folder.resolve("broken.json"));
        Files.writeString(folder.resolve("again.json"), shipped().replace("\"en\"", " \"en\""));
        assertThatThrownBy(() -> HeldDefinitions.published(folder)).hasMessageContaining("again.json")
                .hasMessageContaining("dla-lao-info/2564/1");
    }
}
