package org.infodesk.app.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.infodesk.protocol.answers.AnswersFormatException;
import org.infodesk.protocol.answers.AnswersJson;
import org.infodesk.protocol.definition.Item;

/** A value's stored form: its JSON text (sync-protocol SPEC 2.3). */
final class ValueCodec {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private ValueCodec() {}

    static String encode(Item item, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(AnswersJson.writeValue(item, value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object decode(Item item, String text, String where) {
        if (text == null) {
            return null;
        }
        try {
            return AnswersJson.readValue(item, JSON.readTree(text), where);
        } catch (JsonProcessingException | AnswersFormatException e) {
            throw new IllegalStateException("stored value of " + where + " is unreadable: " + e.getMessage(), e);
        }
    }
}
