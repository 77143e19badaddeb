package org.infodesk.protocol.bundle;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.infodesk.protocol.submission.Checks;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionException;

/**
 * The manifest of a bundle ({@code SPEC.md} §5.2): {@code manifest.json}, the zip's first entry.
 *
 * @param format    the bundle format, {@link #FORMAT}
 * @param kind      what the bundle carries
 * @param laoCode   the LAO whose submissions (or receipts) these are
 * @param createdAt when the bundle was made, by the clock of the PC that made it (data only)
 * @param deviceKey for submissions: the LAO device's public key (base64url of its 32 raw bytes),
 *                  which the envelopes' key id must name; null for receipts
 * @param entries   every item entry of the zip, in order
 */
public record BundleManifest(int format, Kind kind, String laoCode, Instant createdAt, String deviceKey, List<Entry> entries) {

    public static final int FORMAT = 1;
    public static final String NAME = "manifest.json";

    /** What a bundle carries, and the folder of its items. */
    public enum Kind {
        SUBMISSIONS("submissions", "envelopes/"),
        RECEIPTS("receipts", "receipts/");

        private final String wire;
        private final String folder;

        Kind(String wire, String folder) {
            this.wire = wire;
            this.folder = folder;
        }

        public String wire() {
            return wire;
        }

        /** The one folder of the items, with its slash. */
        public String folder() {
            return folder;
        }

        static Kind of(String wire) {
            for (Kind k : values()) {
                if (k.wire.equals(wire)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** One item: its entry name ({@code folder/ID.json}), the submission it is about, the SHA-256 of its bytes. */
    public record Entry(String name, UUID submissionId, String sha256) {
        public Entry {
            Objects.requireNonNull(name);
            Objects.requireNonNull(submissionId);
            Objects.requireNonNull(sha256);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> MEMBERS = Set.of("format", "kind", "lao_code", "created_at", "device_key", "entries");
    private static final Set<String> ENTRY_MEMBERS = Set.of("name", "submission_id", "sha256");

    public BundleManifest {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(laoCode);
        Objects.requireNonNull(createdAt);
        entries = List.copyOf(entries);
        if ((kind == Kind.SUBMISSIONS) != (deviceKey != null)) {
            throw new IllegalArgumentException("a device key for submissions, none for receipts");
        }
    }

    /** The entry name of a submission's item in a bundle of this kind. */
    public static String entryName(Kind kind, UUID submissionId) {
        return kind.folder() + submissionId + ".json";
    }

    /** The manifest's JSON, as written in a bundle. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", format);
        root.put("kind", kind.wire());
        root.put("lao_code", laoCode);
        root.put("created_at", TIME.format(createdAt.truncatedTo(ChronoUnit.MILLIS)));
        if (deviceKey != null) {
            root.put("device_key", deviceKey);
        }
        ArrayNode list = root.putArray("entries");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("name", e.name());
            n.put("submission_id", e.submissionId().toString());
            n.put("sha256", e.sha256());
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a manifest strictly (§5.2): every problem is {@code BAD_MANIFEST} naming the member, or {@code UNSUPPORTED_FORMAT}. */
    static BundleManifest parse(byte[] bytes, String file) throws BundleException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (IOException e) {
            throw bad(file, "not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw bad(file, "not a JSON object");
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isIntegralNumber()) {
            throw bad(file, "format: an integer is required");
        }
        if (format.asLong() != FORMAT) {
            throw new BundleException(BundleProblem.Code.UNSUPPORTED_FORMAT, file, format.toString());
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!MEMBERS.contains(name)) {
                throw bad(file, "unknown member " + name);
            }
        }
        Kind kind = Kind.of(text(root, "kind", file));
        if (kind == null) {
            throw bad(file, "kind: submissions or receipts");
        }
        String lao = text(root, "lao_code", file);
        if (!Checks.LAO_CODE.matcher(lao).matches()) {
            throw bad(file, "lao_code: 7 digits");
        }
        String created = text(root, "created_at", file);
        Instant createdAt;
        try {
            if (!Checks.INSTANT.matcher(created).matches()) {
                throw new IllegalArgumentException();
            }
            createdAt = Instant.parse(created);
        } catch (RuntimeException e) {
            throw bad(file, "created_at: YYYY-MM-DDTHH:MM:SS.sssZ");
        }
        String deviceKey = null;
        if (kind == Kind.SUBMISSIONS) {
            deviceKey = text(root, "device_key", file);
            try {
                Ed25519Keys.decode(deviceKey, "device_key");
            } catch (SubmissionException e) {
                throw bad(file, "device_key: not an Ed25519 public key in base64url");
            }
        } else if (root.has("device_key")) {
            throw bad(file, "device_key: only in a bundle of submissions");
        }
        JsonNode list = root.get("entries");
        if (list == null || !list.isArray()) {
            throw bad(file, "entries: an array is required");
        }
        List<Entry> entries = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String at = "entries[" + i + "]";
            if (!n.isObject() || n.size() != ENTRY_MEMBERS.size()) {
                throw bad(file, at + ": an object of name, submission_id and sha256");
            }
            for (Iterator<String> names = n.fieldNames(); names.hasNext();) {
                if (!ENTRY_MEMBERS.contains(names.next())) {
                    throw bad(file, at + ": an object of name, submission_id and sha256");
                }
            }
            String id = text(n, "submission_id", file);
            if (!UUID_TEXT.matcher(id).matches()) {
                throw bad(file, at + ".submission_id: a UUID in lowercase");
            }
            UUID submissionId = UUID.fromString(id);
            String name = text(n, "name", file);
            if (!name.equals(entryName(kind, submissionId))) {
                throw bad(file, at + ".name: " + entryName(kind, submissionId) + " expected");
            }
            String sha = text(n, "sha256", file);
            if (!Checks.DIGEST.matcher(sha).matches()) {
                throw bad(file, at + ".sha256: 64 lowercase hex digits");
            }
            entries.add(new Entry(name, submissionId, sha));
        }
        return new BundleManifest(FORMAT, kind, lao, createdAt, deviceKey, entries);
    }

    private static String text(JsonNode node, String member, String file) throws BundleException {
        JsonNode v = node.get(member);
        if (v == null || !v.isTextual()) {
            throw bad(file, member + ": a string is required");
        }
        return v.textValue();
    }

    private static BundleException bad(String file, String detail) {
        return new BundleException(BundleProblem.Code.BAD_MANIFEST, file, detail);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
