package org.infodesk.app.storage;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.definition.Item;

/**
 * Everything not yet delivered, in one file that another InfoDesk (or this one, after a
 * reinstall) can import: every draft and every certified revision whose receipt has not come
 * back, with its answers, snapshot and outbox state. Gzip'd JSON, format
 * {@code infodesk-undelivered/1}. Import is all or nothing, and idempotent: a revision already
 * present with the same content is skipped; one present with other content refuses the file.
 */
public final class UndeliveredTransfer {

    public static final String FORMAT = "infodesk-undelivered/1";
    /** The largest file accepted (expanded), far above any real LAO's data. */
    public static final long MAX_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
    private static final List<String> UNDELIVERED = List.of("NOT_STARTED", "DRAFT", "READY", "CERTIFIED", "QUEUED");

    /** What an import did. */
    public record Result(int imported, int skipped) {}

    private UndeliveredTransfer() {}

    /** Writes the file (atomically: a half-written file never has the final name); returns the number of revisions. */
    public static int export(Store store, Path file) throws StoreException {
        ObjectNode root = store.read(c -> document(c, store));
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp))) {
                JSON.writeValue(out, root);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.IO, file.getParent(), null, e.getMessage(), e);
        }
        return root.get("revisions").size();
    }

    private static ObjectNode document(Connection c, Store store) throws SQLException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("exportedAt", store.clock().instant().toString());
        ArrayNode revisions = root.putArray("revisions");
        try (PreparedStatement s = c.prepareStatement("""
                SELECT r.id, r.lao_code, r.fiscal_year, r.domain, r.revision, r.state, r.definition_key,
                       s.submission_id, s.payload, s.digest, s.signature, s.certifier_name, s.certifier_position,
                       s.certified_at, o.state, o.attempts
                FROM domain_revision r
                LEFT JOIN certified_snapshot s ON s.revision_id = r.id
                LEFT JOIN outbox_item o ON o.submission_id = s.submission_id
                WHERE r.state IN ('NOT_STARTED', 'DRAFT', 'READY', 'CERTIFIED', 'QUEUED')
                ORDER BY r.id""");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                ObjectNode rev = revisions.addObject();
                rev.put("lao", r.getString(2));
                rev.put("fiscalYear", r.getInt(3));
                rev.put("domain", r.getString(4));
                rev.put("revision", r.getInt(5));
                rev.put("state", r.getString(6));
                rev.put("definitionKey", r.getString(7));
                ObjectNode answers = rev.putObject("answers");
                try (PreparedStatement a = c.prepareStatement("SELECT item, value FROM answer WHERE revision_id = ? ORDER BY item")) {
                    a.setLong(1, r.getLong(1));
                    try (ResultSet ar = a.executeQuery()) {
                        while (ar.next()) {
                            answers.set(ar.getString(1), readTree(ar.getString(2)));
                        }
                    }
                }
                if (r.getString(8) != null) {
                    ObjectNode snap = rev.putObject("snapshot");
                    snap.put("submissionId", r.getString(8));
                    snap.put("payload", Base64.getEncoder().encodeToString(r.getBytes(9)));
                    snap.put("digest", r.getString(10));
                    snap.put("signature", Base64.getEncoder().encodeToString(r.getBytes(11)));
                    snap.put("certifierName", r.getString(12));
                    snap.put("certifierPosition", r.getString(13));
                    snap.put("certifiedAt", r.getString(14));
                    snap.put("outboxState", r.getString(15) == null ? "QUEUED" : r.getString(15));
                    snap.put("attempts", r.getInt(16));
                }
            }
        }
        return root;
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a file written by {@link #export} into the store. */
    public static Result importFile(Store store, Path file) throws StoreException {
        JsonNode root = parse(store, file);
        List<JsonNode> revisions = new ArrayList<>();
        root.get("revisions").forEach(revisions::add);
        Instant now = store.clock().instant();
        return store.write(c -> {
            int imported = 0;
            for (JsonNode rev : revisions) {
                try {
                    imported += importOne(c, store, rev, now) ? 1 : 0;
                } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
                    throw badFile(store, e.getMessage());
                }
            }
            return new Result(imported, revisions.size() - imported);
        });
    }

    /** Imports one revision; false if the same revision is there already. */
    private static boolean importOne(Connection c, Store store, JsonNode rev, Instant now) throws SQLException {
        DomainKey key = new DomainKey(text(rev, "lao"), rev.path("fiscalYear").asInt(), text(rev, "domain"));
        int revision = rev.path("revision").asInt();
        String definitionKey = text(rev, "definitionKey");
        Domain domain;
        try {
            domain = Revisions.domain(store.definition(definitionKey), key.domain());
        } catch (IllegalStateException e) {
            throw badFile(store, key + ": " + e.getMessage());
        }
        Long existing = revisionId(c, key, revision);
        if (existing != null) {
            if (!sameContent(c, existing, rev)) {
                throw Revisions.failure(store, StoreException.Problem.CONFLICT,
                        key + " revision " + revision + " differs from the one stored");
            }
            return false;
        }
        insert(c, store, key, revision, definitionKey, domain, rev, now);
        return true;
    }

    private static JsonNode parse(Store store, Path file) throws StoreException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new StoreException(StoreException.Problem.BAD_FILE, store.folder(), "larger than " + MAX_BYTES + " bytes");
            }
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asText()) || !root.path("revisions").isArray()) {
                throw new StoreException(StoreException.Problem.BAD_FILE, store.folder(), "not an " + FORMAT + " file");
            }
            return root;
        } catch (IOException e) {
            throw new StoreException(StoreException.Problem.BAD_FILE, store.folder(), null, e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return v.textValue();
    }

    private static Long revisionId(Connection c, DomainKey key, int revision) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM domain_revision WHERE lao_code = ? AND fiscal_year = ? AND domain = ? AND revision = ?")) {
            s.setString(1, key.lao());
            s.setInt(2, key.fiscalYear());
            s.setString(3, key.domain());
            s.setInt(4, revision);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : null;
            }
        }
    }

    private static boolean sameContent(Connection c, long id, JsonNode rev) throws SQLException {
        ObjectNode stored = JSON.createObjectNode();
        try (PreparedStatement s = c.prepareStatement("SELECT item, value FROM answer WHERE revision_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.set(r.getString(1), readTree(r.getString(2)));
                }
            }
        }
        if (!stored.equals(rev.path("answers"))) {
            return false;
        }
        String digest = null;
        try (PreparedStatement s = c.prepareStatement("SELECT digest FROM certified_snapshot WHERE revision_id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                digest = r.next() ? r.getString(1) : null;
            }
        }
        return Objects.equals(digest, rev.path("snapshot").path("digest").textValue());
    }

    private static void insert(Connection c, Store store, DomainKey key, int revision, String definitionKey, Domain domain,
            JsonNode rev, Instant now) throws SQLException {
        long id = Revisions.insert(c, key, revision, definitionKey, now).id();
        for (Iterator<Map.Entry<String, JsonNode>> it = rev.path("answers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Item item = domain.item(e.getKey()).orElseThrow(() -> badFile(store, key + "." + e.getKey() + " is not an item"));
            String where = key + "." + item.id();
            Object value = Revisions.decode(store, item, e.getValue().toString(), where);
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO answer (revision_id, item, value, updated_at, updated_by) VALUES (?, ?, ?, ?, 'import')")) {
                s.setLong(1, id);
                s.setString(2, item.id());
                s.setString(3, ValueCodec.encode(item, value));
                s.setString(4, now.toString());
                s.executeUpdate();
            }
            Revisions.audit(c, now, "import", id, item.id(), null, ValueCodec.encode(item, value));
        }
        JsonNode snap = rev.get("snapshot");
        String state = rev.path("state").asText();
        if (!UNDELIVERED.contains(state)) {
            throw badFile(store, key + ": state " + state);
        }
        if (snap != null) {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO certified_snapshot (revision_id, submission_id, payload, digest, signature, certifier_name,
                        certifier_position, certified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                s.setLong(1, id);
                s.setString(2, text(snap, "submissionId"));
                s.setBytes(3, Base64.getDecoder().decode(text(snap, "payload")));
                s.setString(4, text(snap, "digest"));
                s.setBytes(5, Base64.getDecoder().decode(text(snap, "signature")));
                s.setString(6, text(snap, "certifierName"));
                s.setString(7, text(snap, "certifierPosition"));
                s.setString(8, Instant.parse(text(snap, "certifiedAt")).toString());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO outbox_item (submission_id, state, attempts, created_at, updated_at) VALUES (?, ?, ?, ?, ?)""")) {
                s.setString(1, text(snap, "submissionId"));
                String outbox = snap.path("outboxState").asText("QUEUED");
                s.setString(2, "SENDING".equals(outbox) ? "QUEUED" : outbox);
                s.setInt(3, snap.path("attempts").asInt());
                s.setString(4, now.toString());
                s.setString(5, now.toString());
                s.executeUpdate();
            }
        } else if (!List.of("NOT_STARTED", "DRAFT", "READY").contains(state)) {
            throw badFile(store, key + ": a certified revision without its snapshot");
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE domain_revision SET state = ? WHERE id = ?")) {
            s.setString(1, state);
            s.setLong(2, id);
            s.executeUpdate();
        }
    }

    private static Store.StoreFailure badFile(Store store, String detail) {
        return Revisions.failure(store, StoreException.Problem.BAD_FILE, detail);
    }
}
