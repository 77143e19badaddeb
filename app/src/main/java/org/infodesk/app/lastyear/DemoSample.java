package org.infodesk.app.lastyear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.AnswersFormatException;
import org.infodesk.protocol.answers.AnswersJson;
import org.infodesk.protocol.definition.Definition;

/**
 * The demo's "last year": a complete sample answer set of ทต.วังทอง (sample data, not the
 * municipality's real figures), stored as the demo LAO's certified values of the year before,
 * so that a newcomer sees last year's value beside every field and can start from it.
 */
public final class DemoSample {

    public static final String RESOURCE = "/org/infodesk/protocol/sample/fy2564-sample-5650801.json";

    private DemoSample() {}

    /** Stores the sample as last year's values of the LAO, unless that year has values already. */
    public static boolean installIfAbsent(LastYearRepository lastYear, Definition definition, String lao) throws StoreException {
        int year = definition.fiscalYear() - 1;
        if (!lastYear.values(lao, year).domainIds().isEmpty()) {
            return false;
        }
        lastYear.store(lao, year, answers(definition));
        return true;
    }

    static Answers answers(Definition definition) {
        try (InputStream in = DemoSample.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            return AnswersJson.read(root.get("answers"), definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AnswersFormatException e) {
            throw new IllegalStateException("the bundled sample does not fit the definition: " + e.problems(), e);
        }
    }
}
