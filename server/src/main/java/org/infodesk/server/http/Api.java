package org.infodesk.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.infodesk.server.keys.ServerKeys;

/**
 * The HTTP API: every route and every error mapping of the server, in this one class. Whatever a
 * handler throws becomes an RFC 9457 problem body with a stable code ({@link Problem.Code});
 * nothing leaves as a bare 500 or an HTML page. Bodies over the limit are refused before they
 * are read (by their declared length) and while they are read (Javalin's limit).
 */
public final class Api {

    public static final String PREFIX = "/api/v1";
    private static final System.Logger LOG = System.getLogger(Api.class.getName());

    /** What the routes need from the rest of the server. */
    public record Services(BooleanSupplier databaseAnswers, ServerKeys keys) {}

    private Api() {}

    public static Javalin create(Services services, long maxBodyBytes) {
        return Javalin.create(config -> configure(config, services, maxBodyBytes));
    }

    private static void configure(JavalinConfig config, Services services, long maxBodyBytes) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = maxBodyBytes;
        config.http.prefer405over404 = true;
        // What Jetty refuses before Javalin sees it (a malformed request line, oversized headers) is a problem body too.
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));

        config.routes.before(ctx -> {
            long declared = ctx.contentLength();
            if (declared > maxBodyBytes) {
                throw new ApiException(Problem.Code.BODY_TOO_LARGE,
                        "the body has " + declared + " bytes; at most " + maxBodyBytes + " are accepted");
            }
        });

        config.routes.get(PREFIX + "/health", ctx -> health(ctx, services));
        config.routes.get(PREFIX + "/server-key", ctx -> ctx.json(Map.of(
                "algorithm", "Ed25519", "publicKey", services.keys().publicKeyText(), "keyId", services.keys().keyId())));

        config.routes.exception(ApiException.class, (e, ctx) -> problem(ctx, e.problem()));
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, Problem.forStatus(e.getStatus(), e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure in " + ctx.method() + " " + ctx.path(), e);
            problem(ctx, Problem.of(Problem.Code.INTERNAL, "the server failed; the failure is in its log"));
        });
        // Statuses set without an exception (Javalin's own 404 and 405, for example) get a problem body too.
        for (Problem.Code code : Problem.Code.values()) {
            config.routes.error(code.status, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, Problem.forStatus(code.status, null));
                }
            });
        }
    }

    private static void health(Context ctx, Services services) {
        if (!services.databaseAnswers().getAsBoolean()) {
            throw new ApiException(Problem.Code.DATABASE_UNAVAILABLE, "the database does not answer");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("database", "ok");
        ctx.json(body);
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    private static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status());
        ctx.json(problem);
        ctx.contentType(Problem.MEDIA_TYPE);
    }
}
