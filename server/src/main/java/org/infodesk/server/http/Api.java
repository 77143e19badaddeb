package org.infodesk.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.infodesk.protocol.wire.EnrolmentRequest;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.Gzip;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.ProtocolLimits;
import org.infodesk.protocol.wire.PullResponse;
import org.infodesk.protocol.wire.PushBatch;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;
import org.infodesk.server.changes.ChangeLog;
import org.infodesk.server.definitions.HeldDefinitions;
import org.infodesk.server.enrolment.Enrolment;
import org.infodesk.server.ingest.Ingest;
import org.infodesk.server.keys.ServerKeys;
import org.infodesk.server.review.Review;
import org.infodesk.server.review.ReviewException;
import org.infodesk.server.review.Reviewer;
import org.infodesk.server.review.Reviewers;
import org.infodesk.server.export.Exports;
import org.infodesk.server.status.StatusException;
import org.infodesk.server.status.StatusService;

/**
 * The HTTP API: every route and every error mapping of the server, in this one class. The
 * protocol's routes (SPEC §4, {@link Routes}) live under {@code /api/v1} and demand the version
 * header first; {@code GET /health} is outside the protocol, for monitoring, and so is the review
 * API under {@code /review/v1} (the reference server's own, for central reviewers: {@link ReviewApi}). Whatever a handler
 * throws becomes an RFC 9457 problem body with a stable code (the wire {@link Problem},
 * SPEC §4.9); nothing leaves as a bare 500 or an HTML page. Bodies over the limit are refused
 * before they are read (by their declared length) and while they are read.
 */
public final class Api {

    public static final String PREFIX = Routes.BASE;
    public static final String HEALTH = "/health";
    /** The classpath resource of the OpenAPI 3.0 document of the review API (the device protocol's: {@link Routes#OPENAPI_RESOURCE}). */
    public static final String REVIEW_OPENAPI_RESOURCE = "/org/infodesk/server/http/review-openapi.yaml";
    private static final System.Logger LOG = System.getLogger(Api.class.getName());
    /**
     * The most of a refused request's unread body that is read and thrown away before its problem
     * is answered (SPEC §4.10). A client still sending when the server closes the connection gets
     * a reset and never reads the answer; past this many bytes the connection is closed anyway.
     */
    static final long DRAIN_BYTES = 16L * 1024 * 1024;

    /**
     * What the routes need from the rest of the server.
     *
     * @param devices     requests per device (by device id), SPEC §4.10
     * @param enrolments  enrolments per client address, SPEC §4.4
     */
    public record Services(BooleanSupplier databaseAnswers, ServerKeys keys, Enrolment enrolment, Ingest ingest,
                           ProtocolLimits limits, RateLimiter devices, RateLimiter enrolments, HeldDefinitions definitions,
                           ChangeLog changes, Reviewers reviewers, Review review, StatusService status, Exports exports) {}

    private Api() {}

    public static Javalin create(Services services) {
        return Javalin.create(config -> configure(config, services));
    }

    /**
     * The routes a created API answers, as its router holds them ({@code GET /api/v1/changes}, path
     * parameters as {@code {name}}): what the OpenAPI documents are held against.
     */
    public static List<String> routes(Javalin http) {
        return http.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .sorted()
                .toList();
    }

    private static void configure(JavalinConfig config, Services services) {
        long maxBodyBytes = services.limits().maxBodyBytes();
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = maxBodyBytes;
        config.http.prefer405over404 = true;
        // What Jetty refuses before Javalin sees it (a malformed request line, oversized headers) is a problem body too.
        config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));

        config.routes.before(ctx -> {
            if (ctx.path().equals(PREFIX) || ctx.path().startsWith(PREFIX + "/")) {
                ctx.header(Routes.PROTOCOL_HEADER, Routes.PROTOCOL_VERSION);
                // SPEC §4.2: before authentication and before the body is read.
                String version = ctx.header(Routes.PROTOCOL_HEADER);
                if (!Routes.speaks(version)) {
                    throw new ApiException(ProblemCode.UNSUPPORTED_PROTOCOL, version == null
                            ? "no " + Routes.PROTOCOL_HEADER + " header" : "protocol version " + shown(version) + " is not spoken here; "
                            + Routes.PROTOCOL_HEADER + ": " + Routes.PROTOCOL_VERSION + " is");
                }
            }
            long declared = ctx.contentLength();
            if (declared > maxBodyBytes) {
                throw new ApiException(ProblemCode.BODY_TOO_LARGE,
                        "the body has " + declared + " bytes; at most " + maxBodyBytes + " are accepted");
            }
        });

        config.routes.get(HEALTH, ctx -> health(ctx, services));
        config.routes.post(Routes.ENROL.path(), ctx -> enrol(ctx, services));
        config.routes.post(Routes.PUSH.path(), ctx -> push(ctx, services));
        config.routes.get(Routes.PULL.path(), ctx -> pull(ctx, services));
        config.routes.get(Routes.DEFINITION.path(), ctx -> definition(ctx, services));
        // The review API: the reference server's own, outside the protocol (no version header).
        config.routes.get(ReviewApi.SUBMISSIONS, ctx -> ReviewApi.list(ctx, reviewer(ctx, services), services.review()));
        config.routes.post(ReviewApi.DECISION, ctx -> ReviewApi.decide(ctx, reviewer(ctx, services), services.review()));
        config.routes.get(ReviewApi.STATUS, ctx -> ReviewApi.status(ctx, reviewer(ctx, services), services.status()));
        config.routes.get(ReviewApi.EXPORT, ctx -> ReviewApi.export(ctx, reviewer(ctx, services), services.status(), services.exports()));

        config.routes.exception(ApiException.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            if (e.problem().code() == ProblemCode.UNAUTHENTICATED) {
                ctx.header("WWW-Authenticate", "Bearer");
            }
            problem(ctx, e.problem());
        });
        config.routes.exception(WireException.class, (e, ctx) -> problem(ctx, e.toProblem()));
        // A fiscal year without a definition, a province or district without LAOs (status and export).
        config.routes.exception(StatusException.class, (e, ctx) -> problem(ctx, Problem.of(ProblemCode.BAD_VALUE, e.getMessage())));
        config.routes.exception(ChangeLog.BadCursor.class, (e, ctx) -> problem(ctx, Problem.of(ProblemCode.BAD_CURSOR, e.getMessage())));
        config.routes.exception(ReviewException.class, (e, ctx) -> {
            Object problem = ReviewApi.problem(e);
            if (problem instanceof Problem wire) {
                problem(ctx, wire);
            } else {
                drainUnreadBody(ctx);
                ReviewApi.ReviewProblem own = (ReviewApi.ReviewProblem) problem;
                ctx.status(own.status());
                ctx.result(ReviewApi.bytes(own));
                ctx.contentType(Problem.MEDIA_TYPE);
            }
        });
        config.routes.exception(SQLException.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "the database failed in " + ctx.method() + " " + ctx.path(), e);
            ctx.header("Retry-After", "30");
            problem(ctx, Problem.of(ProblemCode.UNAVAILABLE, "the database failed; the failure is in the server's log"));
        });
        config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, Problems.forStatus(e.getStatus(), e.getMessage())));
        config.routes.exception(Exception.class, (e, ctx) -> {
            LOG.log(System.Logger.Level.ERROR, "unexpected failure in " + ctx.method() + " " + ctx.path(), e);
            problem(ctx, Problem.of(ProblemCode.INTERNAL, "the server failed; the failure is in its log"));
        });
        // Statuses set without an exception (Javalin's own 404 and 405, for example) get a problem body too.
        for (ProblemCode code : ProblemCode.values()) {
            config.routes.error(code.status(), ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, Problems.forStatus(code.status(), null));
                }
            });
        }
    }

    private static void health(Context ctx, Services services) {
        if (!services.databaseAnswers().getAsBoolean()) {
            throw new ApiException(ProblemCode.UNAVAILABLE, "the database does not answer", 30);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("database", "ok");
        ctx.json(body);
    }

    /** {@code POST /api/v1/enrolments} (SPEC §4.4): a one-time code and a public key for a device id and a token. */
    private static void enrol(Context ctx, Services services) throws WireException, IOException, SQLException {
        services.enrolments().acquire("address " + ctx.ip());
        requireJson(ctx);
        EnrolmentRequest request = WireCodec.read(Gzip.readBounded(ctx.bodyInputStream(), WireCodec.MAX_ENROLMENT_BYTES),
                EnrolmentRequest.class);
        Enrolment.Redemption redemption = services.enrolment().redeem(request.enrolmentCode(), request.key());
        if (redemption instanceof Enrolment.Redemption.Refused refused) {
            if (refused.reason() == Enrolment.Reason.KEY_ALREADY_ENROLLED) {
                throw new ApiException(ProblemCode.BAD_VALUE, "public_key: this key is enrolled already; make a new key pair");
            }
            // One code for unknown, used and expired, so that codes cannot be probed.
            throw new ApiException(ProblemCode.BAD_ENROLMENT_CODE, "the code is unknown, used or expired");
        }
        Enrolment.Redemption.Enrolled enrolled = (Enrolment.Redemption.Enrolled) redemption;
        Enrolment.Device device = services.enrolment().device(enrolled.deviceId())
                .orElseThrow(() -> new IllegalStateException("an enrolled device is not found: " + enrolled.deviceId()));
        ServerKeys keys = services.keys();
        EnrolmentResponse response = new EnrolmentResponse(device.id().toString(), enrolled.token(), keys.publicKeyText(),
                keys.keyId(), device.kind() == Enrolment.Kind.LAO ? device.laoCode() : null,
                device.kind() == Enrolment.Kind.DISTRICT ? device.districtCode() : null, services.enrolment().officeOf(device),
                services.limits());
        ctx.status(201);
        ctx.contentType("application/json");
        ctx.result(WireCodec.write(response));
    }

    /** {@code POST /api/v1/submissions} (SPEC §4.6): a gzip batch of envelopes, one outcome each. */
    private static void push(Context ctx, Services services) throws WireException, IOException, SQLException {
        Enrolment.Device device = authenticate(ctx, services);
        services.devices().acquire("device " + device.id());
        requireJson(ctx);
        String encoding = ctx.header("Content-Encoding");
        if (encoding == null || !encoding.trim().equalsIgnoreCase("gzip")) {
            throw new ApiException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "a push body is sent with Content-Encoding: gzip");
        }
        ProtocolLimits limits = services.limits();
        PushBatch batch = WireCodec.readBatch(Gzip.readBounded(ctx.bodyInputStream(), limits.maxBodyBytes()), limits);
        ctx.contentType("application/json");
        ctx.result(WireCodec.write(services.ingest().push(device, batch)));
    }

    /** {@code GET /api/v1/changes[?since=CURSOR]} (SPEC §4.8): the changes for the device after its cursor. */
    private static void pull(Context ctx, Services services) throws SQLException, ChangeLog.BadCursor {
        Enrolment.Device device = authenticate(ctx, services);
        services.devices().acquire("device " + device.id());
        requireNoBody(ctx);
        List<String> since = ctx.queryParams("since");
        if (since.size() > 1) {
            throw new ChangeLog.BadCursor("since is given more than once");
        }
        ChangeLog.Audience audience = device.kind() == Enrolment.Kind.LAO
                ? new ChangeLog.Audience.OfLao(device.laoCode())
                : new ChangeLog.Audience.OfDistrict(device.province(), device.district());
        PullResponse changes = services.changes().pull(audience, since.isEmpty() ? null : since.get(0),
                services.limits().maxChangesPerPull());
        ctx.contentType("application/json");
        ctx.result(WireCodec.write(changes));
    }

    /** {@code GET /api/v1/definitions/{definition_id}/{fiscal_year}/{version}}: the exact bytes of a definition held. */
    private static void definition(Context ctx, Services services) throws SQLException {
        Enrolment.Device device = authenticate(ctx, services);
        services.devices().acquire("device " + device.id());
        requireNoBody(ctx);
        String id = ctx.pathParam("definition_id");
        String year = ctx.pathParam("fiscal_year");
        String version = ctx.pathParam("version");
        if (!id.matches("[a-z][a-z0-9_-]{0,63}") || !year.matches("[0-9]{4}") || !version.matches("[1-9][0-9]{0,6}")) {
            throw new ApiException(ProblemCode.BAD_VALUE, "a definition is /{definition_id}/{fiscal_year}/{version}, e.g. /dla-lao-info/2564/1");
        }
        HeldDefinitions.Held held = services.definitions().find(id, Integer.parseInt(year), Integer.parseInt(version))
                .orElseThrow(() -> new ApiException(ProblemCode.NOT_FOUND, "no definition " + shown(id) + " " + year + " version " + version));
        ctx.contentType("application/json");
        ctx.result(held.bytes());
    }

    /** The reviewer of the request's bearer token: 401 without one, or when it is unknown or revoked. */
    private static Reviewer reviewer(Context ctx, Services services) throws SQLException {
        Optional<Reviewer> reviewer = services.reviewers().authenticate(bearerToken(ctx));
        if (reviewer.isEmpty() || reviewer.get().revoked()) {
            throw new ApiException(ProblemCode.UNAUTHENTICATED, reviewer.isEmpty() ? "not a reviewer's token" : "the reviewer is revoked");
        }
        services.devices().acquire("reviewer " + reviewer.get().username());
        return reviewer.get();
    }

    private static String bearerToken(Context ctx) {
        String authorization = ctx.header("Authorization");
        String prefix = "bearer ";
        if (authorization == null || authorization.length() <= prefix.length()
                || !authorization.substring(0, prefix.length()).toLowerCase(Locale.ROOT).equals(prefix)) {
            throw new ApiException(ProblemCode.UNAUTHENTICATED, "no bearer token");
        }
        return authorization.substring(prefix.length()).trim();
    }

    /** The device of the request's bearer token (SPEC §4.3): 401 without one, 403 when it is revoked. */
    private static Enrolment.Device authenticate(Context ctx, Services services) throws SQLException {
        Optional<Enrolment.Device> device = services.enrolment().authenticate(bearerToken(ctx));
        if (device.isEmpty()) {
            throw new ApiException(ProblemCode.UNAUTHENTICATED, "not a token of this server");
        }
        if (device.get().revoked()) {
            throw new ApiException(ProblemCode.DEVICE_REVOKED, "device " + device.get().id() + " is revoked");
        }
        return device.get();
    }

    /** SPEC §4.1: a GET has no body. */
    private static void requireNoBody(Context ctx) {
        if (ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null) {
            throw new ApiException(ProblemCode.UNSUPPORTED_MEDIA_TYPE, "a GET has no body");
        }
    }

    /** SPEC §4.1: a POST body is {@code application/json} (parameters such as charset aside). */
    static void requireJson(Context ctx) {
        String type = ctx.header("Content-Type");
        String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!bare.equals("application/json")) {
            throw new ApiException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "the body is " + (type == null ? "of no type" : shown(type)) + "; application/json is taken");
        }
    }

    static String shown(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }

    /** Reads and discards what is left of the request body, up to {@link #DRAIN_BYTES}. */
    private static void drainUnreadBody(Context ctx) {
        long declared = ctx.contentLength();
        if (declared == 0 || declared > DRAIN_BYTES) {
            return;
        }
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        try {
            var in = ctx.req().getInputStream();
            int n;
            while (read <= DRAIN_BYTES && (n = in.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The body is gone (the client hung up, or it was read through another stream): nothing to drain.
            LOG.log(System.Logger.Level.DEBUG, "no body left to drain in " + ctx.method() + " " + ctx.path(), e);
        }
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.MEDIA_TYPE);
    }

    private static void problem(Context ctx, Problem problem) {
        drainUnreadBody(ctx);
        ctx.status(problem.status());
        ctx.result(WireCodec.write(problem));
        ctx.contentType(Problem.MEDIA_TYPE);
    }
}
