package org.infodesk.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** SPEC.md §4 names every code, route and limit of the Java code, so that the normative text cannot fall behind. */
class SpecCoversTheCodesTest {

    private static String section4() throws IOException {
        String spec = Files.readString(Path.of("SPEC.md"), StandardCharsets.UTF_8);
        return spec.substring(spec.indexOf("## 4. HTTP protocol v1"), spec.indexOf("## 5."));
    }

    @Test
    void everyProblemCodeItemCodeAndOutcomeIsInSection4() throws IOException {
        String text = section4();
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(text).as(code.name()).contains("`" + code.name() + "`");
        }
        for (ItemProblem code : ItemProblem.values()) {
            assertThat(text).as(code.name()).contains("`" + code.name() + "`");
        }
        for (Outcome outcome : Outcome.values()) {
            assertThat(text).as(outcome.name()).contains("`" + outcome.name() + "`");
        }
    }

    @Test
    void everyRouteAndLimitIsInSection4() throws IOException {
        String text = section4();
        for (Routes.Route route : Routes.ALL) {
            assertThat(text).as(route.toString()).contains(route.method() + " " + route.path());
        }
        for (String limit : new String[] {"max_body_bytes", "max_inflated_bytes", "max_items_per_batch",
            "max_envelope_bytes", "requests_per_minute", "max_changes_per_pull"}) {
            assertThat(text).contains("`" + limit + "`");
        }
        assertThat(text).contains(Routes.PROTOCOL_HEADER + ": " + Routes.PROTOCOL_VERSION);
    }
}
