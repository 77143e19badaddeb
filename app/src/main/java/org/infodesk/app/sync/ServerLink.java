package org.infodesk.app.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.infodesk.protocol.definition.DefinitionReader;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.wire.EnrolmentRequest;
import org.infodesk.protocol.wire.EnrolmentResponse;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.PullResponse;
import org.infodesk.protocol.wire.PushBatch;
import org.infodesk.protocol.wire.PushResult;
import org.infodesk.protocol.wire.Routes;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;

/**
 * The device's side of the HTTP protocol v1 (SPEC §4): one method per route, each returning what
 * the request came to as an {@link Exchange}, never throwing for anything the network, a proxy or
 * the server does. An answer counts only when it is this server speaking the protocol: the
 * route's status, {@code application/json}, the {@code InfoDesk-Protocol} header and a body that
 * reads as the route's message within its size limit. A captive portal's page, a proxy's error,
 * a redirect or a cut body is {@link Exchange.Trouble#NOT_THE_SERVER} and is tried again later.
 * Redirects are not followed. Thread-safe.
 */
public final class ServerLink {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final Duration MOST_RETRY_AFTER = Duration.ofHours(1);
    private static final ObjectMapper HEALTH_READER = new ObjectMapper();

    private final OkHttpClient http;
    private final HttpUrl base;
    private final Clock clock;

    /**
     * @param http the client: its timeouts and proxy are the caller's; redirects are turned off here
     * @param base the server's address, {@code https://host[:port][/prefix]}: the routes are under it
     */
    public ServerLink(OkHttpClient http, HttpUrl base, Clock clock) {
        this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
        this.base = Objects.requireNonNull(base);
        this.clock = Objects.requireNonNull(clock);
    }

    public HttpUrl base() {
        return base;
    }

    /** {@code POST /api/v1/enrolments} (SPEC §4.4): a one-time code and this device's public key. */
    public Exchange<EnrolmentResponse> enrol(String enrolmentCode, PublicKey deviceKey, String deviceLabel) {
        EnrolmentRequest request = new EnrolmentRequest(enrolmentCode, Ed25519Keys.encode(deviceKey), deviceLabel);
        return exchange(request(Routes.ENROL.path(), null)
                .post(RequestBody.create(WireCodec.write(request), JSON)).build(), 201, EnrolmentResponse.class);
    }

    /**
     * {@code POST /api/v1/submissions} (SPEC §4.6): the envelopes' bytes as one gzip batch. The
     * answer has one outcome per envelope in the order sent; receipts are the caller's to verify.
     */
    public Exchange<PushResult> push(String token, List<byte[]> envelopes) {
        byte[] body = WireCodec.writeBatch(PushBatch.of(envelopes));
        Request request = request(Routes.PUSH.path(), token)
                .header("Content-Encoding", "gzip")
                .post(RequestBody.create(body, JSON)).build();
        Exchange<PushResult> exchange = exchange(request, 200, PushResult.class);
        if (exchange instanceof Exchange.Answered<PushResult> answered && answered.value().outcomes().size() != envelopes.size()) {
            return new Exchange.RetryLater<>(Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO, "the push answer has "
                    + answered.value().outcomes().size() + " outcomes for " + envelopes.size() + " envelopes");
        }
        return exchange;
    }

    /** {@code GET /api/v1/changes[?since=cursor]} (SPEC §4.8); a null cursor pulls from the beginning. */
    public Exchange<PullResponse> pull(String token, String cursor) {
        HttpUrl.Builder url = url(Routes.PULL.path()).newBuilder();
        if (cursor != null) {
            url.addQueryParameter("since", cursor);
        }
        return exchange(request(url.build(), token).get().build(), 200, PullResponse.class);
    }

    /**
     * {@code GET /api/v1/definitions/{id}/{fiscal_year}/{version}} (SPEC §4.1): the definition's
     * exact bytes, at most {@link DefinitionReader#MAX_BYTES}. Only the transport is judged here (this
     * server, JSON, within the limit); the caller checks the bytes against the digest the
     * {@code definition} change named and reads them.
     */
    public Exchange<byte[]> definition(String token, String definitionId, int fiscalYear, int version) {
        HttpUrl url = url(Routes.BASE + "/definitions").newBuilder()
                .addPathSegment(definitionId).addPathSegment(Integer.toString(fiscalYear))
                .addPathSegment(Integer.toString(version)).build();
        try (Response response = call(request(url, token).get().build()).execute()) {
            if (response.code() != 200) {
                return refusal(response);
            }
            if (!speaksTheProtocol(response) || !isType(response, "application/json")) {
                return new Exchange.RetryLater<>(Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO,
                        "a 200 answer that is not the protocol's (Content-Type " + response.header("Content-Type") + ")");
            }
            byte[] body = bounded(response.body(), DefinitionReader.MAX_BYTES);
            if (body == null) {
                return new Exchange.RetryLater<>(Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO,
                        "the definition is longer than " + DefinitionReader.MAX_BYTES + " bytes");
            }
            return new Exchange.Answered<>(body);
        } catch (IOException e) {
            return failed(e);
        }
    }

    /**
     * Whether the server itself answers ({@code GET /health}: 200 and {@code "status":"ok"}),
     * not merely whether the operating system has a network: the outbox resumes on this.
     */
    public Exchange<Boolean> probe() {
        Request request = request(url(HEALTH_PATH), null).get().build();
        try (Response response = call(request).execute()) {
            if (response.code() == 407) {
                return new Exchange.Refused<>(null, Exchange.Action.PROXY_CREDENTIALS);
            }
            if (response.code() != 200) {
                return later(response, "the health check answered " + response.code());
            }
            byte[] body = bounded(response.body(), 4096);
            JsonNode node = body == null ? null : readHealth(body);
            if (node == null || !"ok".equals(node.path("status").asText(null))) {
                return new Exchange.RetryLater<>(Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO,
                        "the health check's answer is not the server's: " + shown(body));
            }
            return new Exchange.Answered<>(Boolean.TRUE);
        } catch (IOException e) {
            return failed(e);
        }
    }

    /** The path of the server's health check, outside the protocol's routes. */
    static final String HEALTH_PATH = "/health";

    // ------------------------------------------------------------------ the exchange

    private <T> Exchange<T> exchange(Request request, int expectedStatus, Class<T> type) {
        try (Response response = call(request).execute()) {
            if (response.code() == expectedStatus) {
                return answer(response, type);
            }
            return refusal(response);
        } catch (IOException e) {
            return failed(e);
        }
    }

    private <T> Exchange<T> answer(Response response, Class<T> type) throws IOException {
        if (!speaksTheProtocol(response) || !isType(response, "application/json")) {
            return new Exchange.RetryLater<>(Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO,
                    "a " + response.code() + " answer that is not the protocol's (Content-Type "
                            + response.header("Content-Type") + ", " + Routes.PROTOCOL_HEADER + " "
                            + response.header(Routes.PROTOCOL_HEADER) + ")");
        }
        byte[] body = bounded(response.body(), WireCodec.MAX_DOCUMENT_BYTES);
        if (body == null) {
            return new Exchange.RetryLater<>(Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO,
                    "the answer is longer than " + WireCodec.MAX_DOCUMENT_BYTES + " bytes");
        }
        try {
            return new Exchange.Answered<>(WireCodec.read(body, type));
        } catch (WireException e) {
            return new Exchange.RetryLater<>(Exchange.Trouble.NOT_THE_SERVER, Duration.ZERO,
                    "the answer does not read as " + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private <T> Exchange<T> refusal(Response response) throws IOException {
        int status = response.code();
        if (status == 407) {
            return new Exchange.Refused<>(null, Exchange.Action.PROXY_CREDENTIALS);
        }
        Problem problem = problem(response);
        if (problem == null) {
            // A proxy's or a portal's page, a redirect to a login page, a load balancer's 502.
            return later(response, "a " + status + " answer without the server's problem body");
        }
        if (problem.code().retryLater()) {
            return new Exchange.RetryLater<>(Exchange.Trouble.SERVER_BUSY, retryAfter(response),
                    problem.code() + ": " + problem.detail());
        }
        return new Exchange.Refused<>(problem, Exchange.Action.of(problem.code()));
    }

    /** The problem body of an error answer, or null when it is not one of this server's. */
    private static Problem problem(Response response) throws IOException {
        if (!speaksTheProtocol(response) || !isType(response, Problem.MEDIA_TYPE)) {
            return null;
        }
        byte[] body = bounded(response.body(), WireCodec.MAX_DOCUMENT_BYTES);
        if (body == null) {
            return null;
        }
        try {
            Problem problem = WireCodec.read(body, Problem.class);
            return problem.status() == response.code() ? problem : null;
        } catch (WireException e) {
            return null;
        }
    }

    private <T> Exchange.RetryLater<T> later(Response response, String detail) {
        int status = response.code();
        Exchange.Trouble trouble = status == 429 || status >= 500 ? Exchange.Trouble.SERVER_BUSY : Exchange.Trouble.NOT_THE_SERVER;
        return new Exchange.RetryLater<>(trouble, retryAfter(response), detail);
    }

    private static <T> Exchange<T> failed(IOException e) {
        Exchange.Trouble trouble = e instanceof InterruptedIOException ? Exchange.Trouble.TIMED_OUT : Exchange.Trouble.UNREACHABLE;
        return new Exchange.RetryLater<>(trouble, Duration.ZERO, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    /**
     * {@code Retry-After} as seconds or an HTTP date (RFC 9110 §10.2.3), at most an hour; zero
     * when absent or unreadable.
     */
    Duration retryAfter(Response response) {
        String value = response.header("Retry-After");
        if (value == null || value.isBlank()) {
            return Duration.ZERO;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(value.trim()));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                wait = Duration.between(clock.instant(), at);
            } catch (DateTimeParseException notADate) {
                return Duration.ZERO;
            }
        }
        if (wait.isNegative()) {
            return Duration.ZERO;
        }
        return wait.compareTo(MOST_RETRY_AFTER) > 0 ? MOST_RETRY_AFTER : wait;
    }

    // ------------------------------------------------------------------ helpers

    private Call call(Request request) {
        return http.newCall(request);
    }

    private HttpUrl url(String path) {
        HttpUrl.Builder url = base.newBuilder();
        // The base may have a path of its own (a server behind a prefix): the route goes under it.
        String prefix = base.encodedPath().endsWith("/") ? base.encodedPath().substring(0, base.encodedPath().length() - 1)
                : base.encodedPath();
        return url.encodedPath(prefix + path).build();
    }

    private Request.Builder request(String path, String token) {
        return request(url(path), token);
    }

    private static Request.Builder request(HttpUrl url, String token) {
        Request.Builder request = new Request.Builder().url(url)
                .header(Routes.PROTOCOL_HEADER, Routes.PROTOCOL_VERSION)
                .header("Accept", "application/json, " + Problem.MEDIA_TYPE)
                .header("User-Agent", "InfoDesk/" + Routes.PROTOCOL_VERSION);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private static boolean speaksTheProtocol(Response response) {
        return Routes.speaks(response.header(Routes.PROTOCOL_HEADER));
    }

    private static boolean isType(Response response, String mediaType) {
        String type = response.header("Content-Type");
        return type != null && type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT).equals(mediaType);
    }

    /** The body's bytes, or null when it is longer than {@code max}. */
    private static byte[] bounded(ResponseBody body, long max) throws IOException {
        BufferedSource source = body.source();
        Buffer buffer = new Buffer();
        while (buffer.size() <= max) {
            if (source.read(buffer, 64 * 1024) == -1) {
                return buffer.readByteArray();
            }
        }
        return null;
    }

    private static JsonNode readHealth(byte[] body) {
        try {
            return HEALTH_READER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String shown(byte[] body) {
        if (body == null) {
            return "(too long)";
        }
        String text = new String(body, 0, Math.min(body.length, 80), java.nio.charset.StandardCharsets.UTF_8);
        return "'" + text.replaceAll("\\p{Cntrl}", " ") + "'";
    }
}
