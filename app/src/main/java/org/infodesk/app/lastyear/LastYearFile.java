package org.infodesk.app.lastyear;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.AnswersFormatException;
import org.infodesk.protocol.answers.AnswersJson;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;

/**
 * A file of an LAO's certified values for one fiscal year:
 * {@code {"lao": "5650801", "fiscalYear": 2563, "answers": {domain: {item: value}}}}, values in
 * the JSON form of sync-protocol SPEC 2.3. Read with this year's definition: items that no
 * longer exist are dropped and counted, a value of the wrong type refuses the file.
 */
public final class LastYearFile {

    public static final int MAX_BYTES = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** What a file held. */
    public record Contents(String lao, int fiscalYear, Answers answers, List<String> dropped) {}

    private LastYearFile() {}

    public static Contents read(Path file, Definition current) throws StoreException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw bad(file, "larger than " + MAX_BYTES + " bytes");
            }
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.BAD_FILE, file.getParent(), null, e.getMessage(), e);
        }
        if (root == null || !root.path("lao").isTextual() || !root.path("fiscalYear").isInt() || !root.path("answers").isObject()) {
            throw bad(file, "needs lao, fiscalYear and answers");
        }
        List<String> dropped = new ArrayList<>();
        ObjectNode known = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("answers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> d = it.next();
            Domain domain = current.domain(d.getKey()).orElse(null);
            for (Iterator<Map.Entry<String, JsonNode>> items = d.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> i = items.next();
                if (domain != null && domain.item(i.getKey()).isPresent()) {
                    known.with(d.getKey()).set(i.getKey(), i.getValue());
                } else {
                    dropped.add(d.getKey() + "." + i.getKey());
                }
            }
        }
        try {
            return new Contents(root.get("lao").textValue(), root.get("fiscalYear").intValue(),
                    AnswersJson.read(known, current), dropped);
        } catch (AnswersFormatException e) {
            throw bad(file, e.problems().toString());
        }
    }

    private static StoreException bad(Path file, String detail) {
        return new StoreException(StoreException.Problem.BAD_FILE, file.getParent(), file + ": " + detail);
    }
}
