package org.infodesk.server.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.infodesk.protocol.wire.Change;
import org.infodesk.protocol.wire.Gzip;
import org.infodesk.protocol.wire.LocalText;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.wire.WireException;
import org.infodesk.server.review.Review;
import org.infodesk.server.review.ReviewException;
import org.infodesk.server.review.Reviewer;
import org.infodesk.server.export.ExportFormat;
import org.infodesk.server.export.Exports;
import org.infodesk.server.status.Scope;
import org.infodesk.server.status.StatusException;
import org.infodesk.server.status.StatusReport;
import org.infodesk.server.status.StatusService;

/**
 * The handlers of the review API ({@code /review/v1}; {@code review-openapi.yaml} beside this
 * class): the reference server's own routes for central reviewers, not the device protocol. Its
 * routes and error mapping are registered in {@link Api}; its bodies are the JSON records here,
 * snake_case; the decision body is read strictly (bounded, no duplicate or unknown member, no
 * coercion between JSON types); its refusals are RFC 9457 problems of the same form as the
 * protocol's, with the review API's own codes {@code NOT_IN_SCOPE} (403), {@code NOT_HEAD} and
 * {@code ALREADY_DECIDED} (409) where the protocol has none.
 */
final class ReviewApi {

    static final String PREFIX = "/review/v1";
    static final String SUBMISSIONS = PREFIX + "/submissions";
    static final String DECISION = SUBMISSIONS + "/{submission_id}/decision";
    static final String STATUS = PREFIX + "/status";
    static final String EXPORT = PREFIX + "/export";
    /** The largest decision body: a comment of 2,000 characters of Thai is 6,000 bytes of UTF-8. */
    static final int MAX_BODY = 16 * 1024;
    static final int DEFAULT_LIMIT = 100;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern FISCAL_YEAR = Pattern.compile("2[5-6][0-9]{2}|2700");
    private static final Set<String> LIST_PARAMETERS = Set.of("state", "province", "district", "fiscal_year", "after", "limit");
    private static final Set<String> STATUS_PARAMETERS = Set.of("fiscal_year", "province", "district");
    private static final Set<String> EXPORT_PARAMETERS = Set.of("fiscal_year", "province", "district", "format", "sheet");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** {@code POST .../decision}: {@code comment} may be absent or null for an acceptance. Read by {@link #read}. */
    record DecisionRequest(String verdict, String comment) {}

    record DecisionView(long decisionId, UUID submissionId, String laoCode, int fiscalYear, String domainId, int revision,
                        String verdict, String comment, String reviewer, String reviewerUsername, String decidedAt) {
        static DecisionView of(Review.Decided d) {
            return new DecisionView(d.id(), d.submissionId(), d.laoCode(), d.fiscalYear(), d.domainId(), d.revision(),
                    d.verdict().name(), d.comment(), d.reviewer(), d.reviewerUsername(), time(d.decidedAt()));
        }
    }

    record HeadView(UUID submissionId, String laoCode, String laoName, String province, String district, int fiscalYear,
                    String domainId, int revision, String state, String receivedAt, String comment, String decidedAt) {
        static HeadView of(Review.Head h) {
            return new HeadView(h.submissionId(), h.laoCode(), h.laoName(), h.province(), h.district(), h.fiscalYear(),
                    h.domainId(), h.revision(), h.state().name(), time(h.receivedAt()), h.comment(), time(h.decidedAt()));
        }
    }

    /** One page of heads; {@code next_after} is the {@code after} of the next page, null on the last. */
    record HeadsPage(List<HeadView> submissions, UUID nextAfter) {}

    /** A review refusal the protocol has no code for, in the protocol's problem form (SPEC §4.9). */
    record ReviewProblem(String type, String title, int status, String code, String detail, LocalText messages) {}

    private ReviewApi() {}

    /** {@code GET /review/v1/submissions}: the heads in the reviewer's scope, one page. */
    static void list(Context ctx, Reviewer reviewer, Review review) throws SQLException, ReviewException {
        onlyOnce(ctx, LIST_PARAMETERS);
        String state = ctx.queryParam("state");
        if (state != null && !Set.of("DELIVERED", "ACCEPTED", "RETURNED").contains(state)) {
            throw bad("state: DELIVERED, ACCEPTED or RETURNED");
        }
        String year = ctx.queryParam("fiscal_year");
        if (year != null && !FISCAL_YEAR.matcher(year).matches()) {
            throw bad("fiscal_year: a Buddhist Era year, 2500 to 2700");
        }
        String limit = ctx.queryParam("limit");
        if (limit != null && !limit.matches("[1-9][0-9]{0,2}")) {
            throw bad("limit: 1 to " + Review.MAX_PAGE);
        }
        String after = ctx.queryParam("after");
        Review.Filter filter = new Review.Filter(state == null ? null : Change.State.valueOf(state), name(ctx, "province"),
                name(ctx, "district"), year == null ? null : Integer.valueOf(year), after == null ? null : uuid("after", after),
                limit == null ? DEFAULT_LIMIT : Integer.parseInt(limit));
        Review.Page page = review.list(reviewer, filter);
        json(ctx, new HeadsPage(page.heads().stream().map(HeadView::of).toList(), page.nextAfter()));
    }

    /** {@code POST /review/v1/submissions/{submission_id}/decision}: 201 with the decision recorded. */
    static void decide(Context ctx, Reviewer reviewer, Review review) throws SQLException, ReviewException, WireException,
            IOException {
        UUID id = uuid("submission_id", ctx.pathParam("submission_id"));
        Api.requireJson(ctx);
        DecisionRequest request = read(Gzip.readBounded(ctx.bodyInputStream(), MAX_BODY));
        if (!Set.of("ACCEPTED", "RETURNED").contains(request.verdict())) {
            throw bad("verdict: ACCEPTED or RETURNED");
        }
        Review.Decided decided = review.decide(reviewer, id, Change.Verdict.valueOf(request.verdict()), request.comment());
        ctx.status(201);
        json(ctx, DecisionView.of(decided));
    }

    /**
     * {@code GET /review/v1/status}: for a fiscal year and a scope within the reviewer's (the
     * reviewer's own when none is given), every LAO by domain as the server sees it, and the counts.
     */
    static void status(Context ctx, Reviewer reviewer, StatusService status) throws SQLException, ReviewException, StatusException {
        onlyOnce(ctx, STATUS_PARAMETERS);
        json(ctx, status.report(fiscalYear(ctx), scope(ctx, reviewer)));
    }

    /**
     * {@code GET /review/v1/export}: the accepted data (or, with {@code sheet=status}, the status
     * sheet) of a fiscal year and a scope within the reviewer's, as a CSV or xlsx download. Every
     * input is checked before the first byte is sent.
     */
    static void export(Context ctx, Reviewer reviewer, StatusService status, Exports exports)
            throws SQLException, ReviewException, StatusException, IOException {
        onlyOnce(ctx, EXPORT_PARAMETERS);
        int fiscalYear = fiscalYear(ctx);
        Scope scope = scope(ctx, reviewer);
        String formatName = ctx.queryParam("format");
        if (formatName == null || !Set.of("csv", "xlsx").contains(formatName)) {
            throw bad("format: csv or xlsx");
        }
        String sheet = ctx.queryParam("sheet") == null ? "accepted" : ctx.queryParam("sheet");
        if (!Set.of("accepted", "status").contains(sheet)) {
            throw bad("sheet: accepted (the default) or status");
        }
        ExportFormat format = ExportFormat.of(formatName);
        status.check(fiscalYear, scope);
        StatusReport report = sheet.equals("status") ? status.report(fiscalYear, scope) : null;
        ctx.contentType(format == ExportFormat.CSV ? "text/csv; charset=utf-8"
                : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ctx.header("Content-Disposition", "attachment; filename=\"infodesk-" + sheet + "-" + fiscalYear + "." + formatName + "\"");
        try (OutputStream out = ctx.outputStream()) {
            if (report != null) {
                exports.writeStatus(report, format, out);
            } else {
                exports.writeAccepted(fiscalYear, scope, format, out);
            }
        }
    }

    /** Refuses an unknown query parameter or one given twice. */
    private static void onlyOnce(Context ctx, Set<String> known) {
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw bad("unknown query parameter " + Api.shown(parameter.getKey()) + "; known: " + new java.util.TreeSet<>(known));
            }
            if (parameter.getValue().size() != 1) {
                throw bad(parameter.getKey() + ": given more than once");
            }
        }
    }

    private static int fiscalYear(Context ctx) {
        String year = ctx.queryParam("fiscal_year");
        if (year == null || !FISCAL_YEAR.matcher(year).matches()) {
            throw bad("fiscal_year: required, a Buddhist Era year, 2500 to 2700");
        }
        return Integer.parseInt(year);
    }

    /** The scope asked for, which must lie within the reviewer's; the reviewer's own when none is asked for. */
    private static Scope scope(Context ctx, Reviewer reviewer) throws ReviewException {
        String province = name(ctx, "province");
        String district = name(ctx, "district");
        if (district != null && province == null && reviewer.province() == null) {
            throw bad("district: given with its province");
        }
        if (reviewer.province() != null) {
            if (province != null && !province.equals(reviewer.province())) {
                throw new ReviewException(ReviewException.Refusal.NOT_IN_SCOPE, "province " + province + " is outside " + reviewer.scope());
            }
            province = reviewer.province();
        }
        if (reviewer.district() != null) {
            if (district != null && !district.equals(reviewer.district())) {
                throw new ReviewException(ReviewException.Refusal.NOT_IN_SCOPE, "district " + district + " is outside " + reviewer.scope());
            }
            district = reviewer.district();
        }
        if (district != null) {
            return Scope.district(province, district);
        }
        return province != null ? Scope.province(province) : Scope.country();
    }

    private static void json(Context ctx, Object body) {
        ctx.contentType("application/json");
        ctx.result(bytes(body));
    }

    static byte[] bytes(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a review API record Jackson cannot write", e);
        }
    }

    /** The decision body, read as a tree and checked member by member: Jackson would coerce a number to a string. */
    private static DecisionRequest read(byte[] body) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiException(ProblemCode.MALFORMED_JSON, "not one JSON object: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (tree == null || !tree.isObject()) {
            throw new ApiException(ProblemCode.MALFORMED_JSON, "not one JSON object");
        }
        for (java.util.Iterator<String> names = tree.fieldNames(); names.hasNext(); ) {
            String member = names.next();
            if (!member.equals("verdict") && !member.equals("comment")) {
                throw new ApiException(ProblemCode.UNKNOWN_FIELD, Api.shown(member) + ": a decision has verdict and comment");
            }
        }
        JsonNode verdict = tree.get("verdict");
        JsonNode comment = tree.get("comment");
        if (verdict == null) {
            throw new ApiException(ProblemCode.MISSING_FIELD, "verdict: ACCEPTED or RETURNED");
        }
        if (!verdict.isTextual() || (comment != null && !comment.isNull() && !comment.isTextual())) {
            throw new ApiException(ProblemCode.WRONG_TYPE, "verdict is a string, comment a string or null");
        }
        return new DecisionRequest(verdict.asText(), comment == null || comment.isNull() ? null : comment.asText());
    }

    private static String name(Context ctx, String parameter) {
        String value = ctx.queryParam(parameter);
        if (value != null && (value.isBlank() || value.length() > 100)) {
            throw bad(parameter + ": 1 to 100 characters");
        }
        return value;
    }

    private static UUID uuid(String what, String text) {
        if (!UUID_TEXT.matcher(text).matches()) {
            throw bad(what + ": a lowercase UUID, 8-4-4-4-12");
        }
        return UUID.fromString(text);
    }

    private static ApiException bad(String detail) {
        return new ApiException(ProblemCode.BAD_VALUE, detail);
    }

    private static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant);
    }

    /** The problem of a review refusal: the protocol's code where it has one, else the review API's own. */
    static Object problem(ReviewException e) {
        return switch (e.refusal()) {
            case BAD_VALUE -> org.infodesk.protocol.wire.Problem.of(ProblemCode.BAD_VALUE, e.getMessage());
            case NOT_FOUND -> org.infodesk.protocol.wire.Problem.of(ProblemCode.NOT_FOUND, e.getMessage());
            case NOT_IN_SCOPE -> own(403, "NOT_IN_SCOPE", "Outside the reviewer's scope", e.getMessage(),
                    new LocalText("รายการนี้อยู่นอกขอบเขตการตรวจของท่าน", "This is outside your review scope."));
            case NOT_HEAD -> own(409, "NOT_HEAD", "Not the latest revision", e.getMessage(),
                    new LocalText("มีฉบับแก้ไขที่ใหม่กว่านี้แล้ว กรุณาตรวจฉบับล่าสุด", "A newer revision has been delivered; review the latest one."));
            case ALREADY_DECIDED, REVIEWER_EXISTS -> own(409, "ALREADY_DECIDED", "Already decided", e.getMessage(),
                    new LocalText("รายการนี้ได้รับการตรวจแล้ว", "This submission has been decided already."));
        };
    }

    private static ReviewProblem own(int status, String code, String title, String detail, LocalText messages) {
        return new ReviewProblem("urn:infodesk:problem:" + code, title, status, code,
                detail.length() <= 2000 ? detail : detail.substring(0, 2000), messages);
    }
}
