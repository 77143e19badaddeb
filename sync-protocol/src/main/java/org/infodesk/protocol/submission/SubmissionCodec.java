package org.infodesk.protocol.submission;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.answers.AnswersFormatException;
import org.infodesk.protocol.answers.AnswersJson;
import org.infodesk.protocol.answers.Values;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;

/**
 * Writes, signs, reads and verifies submission envelopes ({@code SPEC.md} §3). The payload's
 * canonical bytes are its JSON form (§3.2) in RFC 8785 form; the digest and the signature are
 * over those bytes. Values are written and read with {@link AnswersJson}, so the codec needs the
 * definition a payload names: it asks its {@link DefinitionLookup}.
 *
 * <p>Reading is for outside input: it is bounded ({@link #MAX_ENVELOPE_BYTES}), refuses
 * unknown and missing members, wrong types and values outside their form, values not written
 * in their canonical form, and justifications whose subject is not a rule or number item of the
 * domain, reporting every problem found with where it is. Reading does not verify: call
 * {@link #verify} with the key pinned for the envelope's key id.
 * Immutable and thread-safe when the lookup is.
 */
public final class SubmissionCodec {

    /** The largest envelope read: 1 MiB. */
    public static final int MAX_ENVELOPE_BYTES = 1024 * 1024;

    static final List<String> ENVELOPE_FIELDS = List.of("payload", "digest", "signature", "key_id");
    static final List<String> PAYLOAD_FIELDS = List.of("format", "submission_id", "lao_code", "fiscal_year",
            "domain_id", "revision", "supersedes", "definition_id", "definition_version", "values", "justifications",
            "certifier", "certified_at", "device_id");
    static final List<String> CERTIFIER_FIELDS = List.of("user_id", "name", "position");

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_SHOWN = 60;
    /** What a justification's subject starts with when it names a rule. */
    static final String RULE_SUBJECT = "rule:";

    private final DefinitionLookup definitions;

    public SubmissionCodec(DefinitionLookup definitions) {
        this.definitions = definitions;
    }

    // ---------------------------------------------------------------- writing and signing

    /**
     * The canonical bytes of a payload: what is digested and signed.
     *
     * @throws IllegalArgumentException if the definition, the domain or an item is not known, a
     *                                  value is not of its item's Java type, or a justification's
     *                                  subject is not a rule or number item of the domain
     */
    public byte[] canonicalPayload(SubmissionPayload payload) {
        return CanonicalJson.of(payloadTree(payload));
    }

    /** Signs a payload with the device's private key: the envelope to store and send. */
    public SubmissionEnvelope sign(SubmissionPayload payload, PrivateKey deviceKey, String keyId) {
        byte[] canonical = canonicalPayload(payload);
        return new SubmissionEnvelope(payload, digest(canonical), Base64Url.encode(Ed25519Keys.sign(deviceKey, canonical)),
                keyId);
    }

    /** The bytes of an envelope to send or store: its JSON form, itself in RFC 8785 form. */
    public byte[] write(SubmissionEnvelope envelope) {
        ObjectNode tree = NODES.objectNode();
        tree.set("payload", payloadTree(envelope.payload()));
        tree.put("digest", envelope.digest());
        tree.put("signature", envelope.signature());
        tree.put("key_id", envelope.keyId());
        return CanonicalJson.of(tree);
    }

    /**
     * The bytes of an envelope (as {@link #write}) from what a device stored at certification: the
     * payload's canonical bytes, their digest and signature, and the key id. The payload is not
     * read against its definition again; it must be canonical JSON, as certification made it.
     *
     * @throws IllegalArgumentException if the payload is not a JSON object or the parts are malformed
     */
    public static byte[] envelopeBytes(byte[] canonicalPayload, String digest, byte[] signature, String keyId) {
        JsonNode payload;
        try {
            payload = JSON.readTree(canonicalPayload);
        } catch (IOException e) {
            throw new IllegalArgumentException("the stored payload is not JSON: " + e.getMessage(), e);
        }
        if (payload == null || !payload.isObject()) {
            throw new IllegalArgumentException("the stored payload is not a JSON object");
        }
        Checks.require("digest", Checks.matches(digest, Checks.DIGEST));
        Checks.require("key_id", Checks.matches(keyId, Checks.TOKEN));
        if (signature.length != Ed25519Keys.SIGNATURE_BYTES) {
            throw new IllegalArgumentException("signature: " + signature.length + " bytes, not " + Ed25519Keys.SIGNATURE_BYTES);
        }
        ObjectNode tree = NODES.objectNode();
        tree.set("payload", payload);
        tree.put("digest", digest);
        tree.put("signature", Base64Url.encode(signature));
        tree.put("key_id", keyId);
        return CanonicalJson.of(tree);
    }

    /** SHA-256 of canonical payload bytes, in 64 lowercase hex digits. */
    public static String digest(byte[] canonicalPayload) {
        return HEX.formatHex(Ed25519Keys.sha256(canonicalPayload));
    }

    // ---------------------------------------------------------------- verifying

    /**
     * Checks an envelope against the public key pinned for its key id: its digest must be that of
     * the payload's canonical bytes ({@code DIGEST_MISMATCH}) and its signature must verify over
     * them ({@code BAD_SIGNATURE}).
     */
    public void verify(SubmissionEnvelope envelope, PublicKey deviceKey) throws SubmissionException {
        verifyCanonical(canonicalPayload(envelope.payload()), envelope.digest(), envelope.signature(), deviceKey);
    }

    /** {@link #verify} on canonical payload bytes as stored, with their digest and signature. */
    public static void verifyCanonical(byte[] canonicalPayload, String digest, String signature, PublicKey deviceKey)
            throws SubmissionException {
        if (!MessageDigest.isEqual(digest(canonicalPayload).getBytes(StandardCharsets.US_ASCII),
                digest.getBytes(StandardCharsets.US_ASCII))) {
            throw SubmissionException.of(SubmissionProblem.Code.DIGEST_MISMATCH, "digest",
                    "the payload's SHA-256 is " + digest(canonicalPayload));
        }
        byte[] signatureBytes = Base64Url.decode(signature, Ed25519Keys.SIGNATURE_BYTES, "signature");
        if (!Ed25519Keys.verify(deviceKey, canonicalPayload, signatureBytes)) {
            throw SubmissionException.of(SubmissionProblem.Code.BAD_SIGNATURE, "signature",
                    "key " + Ed25519Keys.keyId(deviceKey));
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads at most {@link #MAX_ENVELOPE_BYTES} (and one more, to tell) from a stream. */
    public SubmissionEnvelope read(InputStream in) throws SubmissionException, IOException {
        return read(in.readNBytes(MAX_ENVELOPE_BYTES + 1));
    }

    /** Reads an envelope from its bytes, refusing it with every problem found. Does not verify. */
    public SubmissionEnvelope read(byte[] bytes) throws SubmissionException {
        return readWhole(bytes).envelope();
    }

    /** An envelope as read, with the canonical bytes of its payload (what its digest and signature cover). */
    public record Read(SubmissionEnvelope envelope, byte[] canonicalPayload) {}

    /**
     * {@link #read(byte[])}, and the payload's canonical bytes made from the tree it was checked
     * against, so that a server verifying and storing it writes them once ({@link #verifyCanonical}).
     */
    public Read readCanonical(byte[] bytes) throws SubmissionException {
        Whole whole = readWhole(bytes);
        return new Read(whole.envelope(), CanonicalJson.of(whole.payloadTree()));
    }

    /** An envelope read, and its payload's tree as written back and compared with what was received. */
    private record Whole(SubmissionEnvelope envelope, ObjectNode payloadTree) {}

    private Whole readWhole(byte[] bytes) throws SubmissionException {
        JsonNode root = parse(bytes, "envelope");
        Reader r = new Reader();
        if (!r.members(root, "", ENVELOPE_FIELDS)) {
            throw r.failure();
        }
        String digest = r.text(root, "", "digest", v -> Checks.matches(v, Checks.DIGEST));
        String signature = r.text(root, "", "signature", v -> null);
        if (signature != null) {
            try {
                Base64Url.decode(signature, Ed25519Keys.SIGNATURE_BYTES, "signature");
            } catch (SubmissionException e) {
                r.problems.addAll(e.problems());
            }
        }
        String keyId = r.text(root, "", "key_id", v -> Checks.matches(v, Checks.TOKEN));
        Parsed parsed = readPayload(root.get("payload"), r);
        return new Whole(new SubmissionEnvelope(parsed.payload(), digest, signature, keyId), parsed.tree());
    }

    /** A payload read, and the tree it was written back to and compared with. */
    private record Parsed(SubmissionPayload payload, ObjectNode tree) {}

    /**
     * Reads a payload from its bytes (as {@link #canonicalPayload} wrote them, e.g. from the
     * app's store), with the checks of {@link #read(byte[])}.
     */
    public SubmissionPayload readPayload(byte[] bytes) throws SubmissionException {
        return readPayload(parse(bytes, "payload"), new Reader()).payload();
    }

    private Parsed readPayload(JsonNode node, Reader r) throws SubmissionException {
        String p = "payload";
        if (!node.isObject()) {
            r.problem(SubmissionProblem.Code.WRONG_TYPE, p, "object");
            throw r.failure();
        }
        JsonNode format = node.get("format");
        if (format != null && !(format.isIntegralNumber() && format.asLong() == SubmissionPayload.FORMAT)) {
            r.problem(SubmissionProblem.Code.UNSUPPORTED_FORMAT, p + ".format", format.toString());
            throw r.failure();
        }
        if (!r.members(node, p, PAYLOAD_FIELDS)) {
            throw r.failure();
        }
        UUID id = r.value(node, p, "submission_id", v -> Checks.matches(v, Checks.UUID_V7), UUID::fromString);
        String lao = r.text(node, p, "lao_code", v -> Checks.matches(v, Checks.LAO_CODE));
        Integer fiscalYear = r.integer(node, p, "fiscal_year", Checks.MIN_FISCAL_YEAR, Checks.MAX_FISCAL_YEAR);
        String domainId = r.text(node, p, "domain_id", v -> Checks.matches(v, Checks.ID));
        Integer revision = r.integer(node, p, "revision", 1, Integer.MAX_VALUE);
        JsonNode supersedesNode = node.get("supersedes");
        Integer supersedes = supersedesNode.isNull() ? null : r.integer(node, p, "supersedes", 1, Integer.MAX_VALUE);
        if (revision != null && (supersedesNode.isNull() || supersedes != null)) {
            r.check(p + ".supersedes", SubmissionPayload.supersedesProblem(revision, supersedes));
        }
        String definitionId = r.text(node, p, "definition_id", v -> Checks.matches(v, Checks.DEFINITION_ID));
        Integer definitionVersion = r.integer(node, p, "definition_version", 1, Checks.MAX_VERSION);
        Instant certifiedAt = r.value(node, p, "certified_at", v -> Checks.matches(v, Checks.INSTANT), Instant::parse);
        if (certifiedAt != null) {
            r.check(p + ".certified_at", Checks.instant(certifiedAt));
        }
        String deviceId = r.text(node, p, "device_id", v -> Checks.matches(v, Checks.TOKEN));
        Certifier certifier = readCertifier(node.get("certifier"), p + ".certifier", r);
        JsonNode values = node.get("values");
        if (!values.isObject()) {
            r.problem(SubmissionProblem.Code.WRONG_TYPE, p + ".values", "object");
        }
        Map<String, String> justifications = readJustifications(node.get("justifications"), p + ".justifications", r);
        if (!r.problems.isEmpty()) {
            throw r.failure();
        }
        Definition definition = definitions.find(definitionId, fiscalYear, definitionVersion).orElse(null);
        if (definition == null) {
            r.problem(SubmissionProblem.Code.UNKNOWN_DEFINITION, p + ".definition_id",
                    definitionId + "/" + fiscalYear + "/" + definitionVersion);
            throw r.failure();
        }
        Domain domain = definition.domain(domainId).orElse(null);
        if (domain == null) {
            r.problem(SubmissionProblem.Code.UNKNOWN_DOMAIN, p + ".domain_id", domainId);
            throw r.failure();
        }
        Map<String, Object> answers = readValues(definition, domainId, (ObjectNode) values, p + ".values", r);
        for (String subject : justifications.keySet()) {
            String reason = subjectProblem(domain, subject);
            if (reason != null) {
                r.problem(SubmissionProblem.Code.UNKNOWN_SUBJECT, Reader.path(p + ".justifications", subject), reason);
            }
        }
        if (!r.problems.isEmpty()) {
            throw r.failure();
        }
        SubmissionPayload payload;
        try {
            payload = new SubmissionPayload(id, lao, fiscalYear, domainId, revision, supersedes,
                    definitionId, definitionVersion, answers, justifications, certifier, certifiedAt, deviceId);
        } catch (IllegalArgumentException e) {
            r.problem(SubmissionProblem.Code.BAD_VALUE, p, e.getMessage());
            throw r.failure();
        }
        ObjectNode tree = payloadTree(payload);
        checkCanonical(tree, node, p, r);
        if (!r.problems.isEmpty()) {
            throw r.failure();
        }
        return new Parsed(payload, tree);
    }

    private static Certifier readCertifier(JsonNode node, String where, Reader r) {
        if (!node.isObject()) {
            r.problem(SubmissionProblem.Code.WRONG_TYPE, where, "object");
            return null;
        }
        if (!r.members(node, where, CERTIFIER_FIELDS)) {
            return null;
        }
        String userId = r.text(node, where, "user_id", v -> Checks.matches(v, Checks.TOKEN));
        String name = r.text(node, where, "name", Checks::name);
        String position = r.text(node, where, "position", Checks::name);
        return userId == null || name == null || position == null ? null : new Certifier(userId, name, position);
    }

    /** The justifications' texts by subject, each in its form (§3.2); the subjects are checked against the domain later. */
    private static Map<String, String> readJustifications(JsonNode node, String where, Reader r) {
        Map<String, String> justifications = new LinkedHashMap<>();
        if (!node.isObject()) {
            r.problem(SubmissionProblem.Code.WRONG_TYPE, where, "object");
            return justifications;
        }
        node.fieldNames().forEachRemaining(subject -> {
            String text = r.text(node, where, subject, Checks::justification);
            if (text != null) {
                justifications.put(subject, text);
            }
        });
        return justifications;
    }

    /** The values of the domain, or null with a {@code BAD_ANSWER} for each that does not fit its item. */
    private static Map<String, Object> readValues(Definition definition, String domainId, ObjectNode values, String where,
            Reader r) {
        ObjectNode document = NODES.objectNode();
        document.set(domainId, values);
        try {
            return AnswersJson.read(document, definition).domain(domainId);
        } catch (AnswersFormatException e) {
            for (AnswersFormatException.Problem problem : e.problems()) {
                String place = problem.where().startsWith(domainId + ".")
                        ? where + problem.where().substring(domainId.length()) : where;
                r.problem(SubmissionProblem.Code.BAD_ANSWER, place, problem.reason());
            }
            return null;
        }
    }

    /**
     * Why a justification's subject is not one of the domain's (§3.2), or null when it is:
     * {@code rule:} and the id of one of the domain's rules, or the id of one of its number items.
     */
    static String subjectProblem(Domain domain, String subject) {
        if (subject.startsWith(RULE_SUBJECT)) {
            String ruleId = subject.substring(RULE_SUBJECT.length());
            return domain.rules().stream().anyMatch(rule -> rule.id().equals(ruleId))
                    ? null : "the domain " + domain.id() + " has no rule " + shorten(ruleId);
        }
        Item item = domain.item(subject).orElse(null);
        if (item == null) {
            return "the domain " + domain.id() + " has no item " + shorten(subject);
        }
        return item.type().isNumeric() ? null
                : domain.id() + "." + subject + " is not a number item (" + item.type().wireName() + ")";
    }

    /**
     * Refuses a payload whose values were readable but not in their one form (a number as a JSON
     * number, {@code "1.50"}, Thai digits, an empty value): signed bytes have one spelling.
     */
    private static void checkCanonical(ObjectNode written, JsonNode received, String where, Reader r) {
        for (String field : PAYLOAD_FIELDS) {
            JsonNode mine = written.get(field);
            JsonNode theirs = received.get(field);
            if (mine.equals(theirs)) {
                continue;
            }
            if (!field.equals("values")) {
                r.problem(SubmissionProblem.Code.NOT_CANONICAL, where + "." + field, shown(mine, theirs));
                continue;
            }
            Set<String> items = new LinkedHashSet<>();
            theirs.fieldNames().forEachRemaining(items::add);
            mine.fieldNames().forEachRemaining(items::add);
            for (String item : items) {
                if (mine.get(item) == null || !mine.get(item).equals(theirs.get(item))) {
                    r.problem(SubmissionProblem.Code.NOT_CANONICAL, where + ".values." + item,
                            shown(mine.get(item), theirs.get(item)));
                }
            }
        }
    }

    private static String shown(JsonNode expected, JsonNode found) {
        return "written " + shorten(expected == null ? "(absent, as unanswered)" : expected.toString())
                + " expected, " + shorten(found == null ? "(absent)" : found.toString()) + " found";
    }

    private static String shorten(String s) {
        return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }

    /** The JSON object of at most {@link #MAX_ENVELOPE_BYTES} of UTF-8; {@code what} names it in problems. */
    private static JsonNode parse(byte[] bytes, String what) throws SubmissionException {
        if (bytes.length > MAX_ENVELOPE_BYTES) {
            throw SubmissionException.of(SubmissionProblem.Code.TOO_LARGE, what,
                    "more than " + MAX_ENVELOPE_BYTES + " bytes");
        }
        String text = Checks.utf8(bytes);
        if (text == null) {
            throw SubmissionException.of(SubmissionProblem.Code.MALFORMED_JSON, what, "not UTF-8");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? what : "line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw SubmissionException.of(SubmissionProblem.Code.MALFORMED_JSON, where, e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw SubmissionException.of(SubmissionProblem.Code.MALFORMED_JSON, what, "not a JSON object");
        }
        String unpaired = unpairedSurrogateAt(root, "envelope".equals(what) ? "" : what);
        if (unpaired != null) {
            throw SubmissionException.of(SubmissionProblem.Code.MALFORMED_JSON, unpaired,
                    "a string with an unpaired surrogate (not I-JSON, RFC 7493)");
        }
        return root;
    }

    /** Where in a tree a key or string holds an unpaired surrogate, or null. */
    private static String unpairedSurrogateAt(JsonNode node, String where) {
        if (node.isTextual()) {
            return Checks.unpairedSurrogate(node.textValue()) ? where : null;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String place = Reader.path(where, member.getKey());
                String found = Checks.unpairedSurrogate(member.getKey()) ? place : unpairedSurrogateAt(member.getValue(), place);
                if (found != null) {
                    return found;
                }
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            String found = unpairedSurrogateAt(node.get(i), where + "[" + i + "]");
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the JSON form

    private ObjectNode payloadTree(SubmissionPayload payload) {
        Definition definition = definitions.find(payload.definitionId(), payload.fiscalYear(), payload.definitionVersion())
                .orElseThrow(() -> new IllegalArgumentException("unknown definition " + payload.definitionKey()));
        Domain domain = definition.domain(payload.domainId())
                .orElseThrow(() -> new IllegalArgumentException("unknown domain " + payload.domainId()));
        Answers.Builder answers = Answers.builder();
        payload.values().forEach((itemId, value) -> {
            Item item = domain.item(itemId)
                    .orElseThrow(() -> new IllegalArgumentException("unknown item " + domain.id() + "." + itemId));
            if (!Values.hasType(item, value)) {
                throw new IllegalArgumentException(domain.id() + "." + itemId + " is not a " + item.type() + " value");
            }
            answers.put(domain.id(), itemId, value);
        });
        JsonNode values = AnswersJson.write(answers.build(), definition).get(domain.id());

        ObjectNode tree = NODES.objectNode();
        tree.put("format", SubmissionPayload.FORMAT);
        tree.put("submission_id", payload.submissionId().toString());
        tree.put("lao_code", payload.laoCode());
        tree.put("fiscal_year", payload.fiscalYear());
        tree.put("domain_id", payload.domainId());
        tree.put("revision", payload.revision());
        tree.put("supersedes", payload.supersedes());
        tree.put("definition_id", payload.definitionId());
        tree.put("definition_version", payload.definitionVersion());
        tree.set("values", values == null ? NODES.objectNode() : values);
        ObjectNode justifications = tree.putObject("justifications");
        payload.justifications().forEach((subject, text) -> {
            String problem = subjectProblem(domain, subject);
            if (problem != null) {
                throw new IllegalArgumentException("justifications." + subject + ": " + problem);
            }
            justifications.put(subject, text);
        });
        ObjectNode certifier = tree.putObject("certifier");
        certifier.put("user_id", payload.certifier().userId());
        certifier.put("name", payload.certifier().name());
        certifier.put("position", payload.certifier().position());
        tree.put("certified_at", payload.certifiedAtText());
        tree.put("device_id", payload.deviceId());
        return tree;
    }

    /** Collects the problems of one reading; each accessor gives null when its member is unusable. */
    private static final class Reader {

        final List<SubmissionProblem> problems = new ArrayList<>();

        static String path(String where, String field) {
            return where.isEmpty() ? field : where + "." + field;
        }

        void problem(SubmissionProblem.Code code, String where, String detail) {
            problems.add(new SubmissionProblem(code, where, detail));
        }

        void check(String where, String reason) {
            if (reason != null) {
                problem(SubmissionProblem.Code.BAD_VALUE, where, reason);
            }
        }

        SubmissionException failure() {
            return new SubmissionException(problems);
        }

        /** Reports unknown and missing members; true when the object has exactly the expected ones. */
        boolean members(JsonNode object, String where, List<String> expected) {
            int before = problems.size();
            object.fieldNames().forEachRemaining(name -> {
                if (!expected.contains(name)) {
                    problem(SubmissionProblem.Code.UNKNOWN_FIELD, path(where, name), "");
                }
            });
            for (String name : expected) {
                if (!object.has(name)) {
                    problem(SubmissionProblem.Code.MISSING_FIELD, path(where, name), "");
                }
            }
            return problems.size() == before;
        }

        String text(JsonNode object, String where, String field, Function<String, String> check) {
            return value(object, where, field, check, Function.identity());
        }

        <T> T value(JsonNode object, String where, String field, Function<String, String> check, Function<String, T> convert) {
            JsonNode node = object.get(field);
            String place = path(where, field);
            if (!node.isTextual()) {
                problem(SubmissionProblem.Code.WRONG_TYPE, place, "string");
                return null;
            }
            String reason = check.apply(node.textValue());
            if (reason == null) {
                try {
                    return convert.apply(node.textValue());
                } catch (RuntimeException e) {
                    reason = "not readable: " + e.getMessage();
                }
            }
            problem(SubmissionProblem.Code.BAD_VALUE, place, reason);
            return null;
        }

        Integer integer(JsonNode object, String where, String field, long min, long max) {
            JsonNode node = object.get(field);
            String place = path(where, field);
            if (!node.isIntegralNumber()) {
                problem(SubmissionProblem.Code.WRONG_TYPE, place, "integer");
                return null;
            }
            String reason = node.canConvertToLong() ? Checks.range(node.longValue(), min, max) : Checks.range(max + 1, min, max);
            if (reason != null) {
                problem(SubmissionProblem.Code.BAD_VALUE, place, reason);
                return null;
            }
            return node.intValue();
        }
    }
}
