package org.infodesk.server.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;

/**
 * Jetty's own error answers (requests it refuses before Javalin sees them: a malformed request
 * line, headers over its limit) as problem bodies instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(Routes.PROTOCOL_HEADER, Routes.PROTOCOL_VERSION);
        response.write(true, ByteBuffer.wrap(WireCodec.write(Problems.forStatus(status, message))), callback);
    }
}
