package org.infodesk.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (requests it refuses before Javalin sees them: a malformed request
 * line, headers over its limit) as problem bodies instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.write(true, ByteBuffer.wrap(body(status, message)), callback);
    }

    private static byte[] body(int status, String message) {
        try {
            return JSON.writeValueAsBytes(Problem.forStatus(status, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
