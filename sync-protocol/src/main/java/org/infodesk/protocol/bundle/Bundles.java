package org.infodesk.protocol.bundle;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.infodesk.protocol.submission.Ed25519Keys;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionEnvelope;
import org.infodesk.protocol.submission.SubmissionException;
import org.infodesk.protocol.wire.Receipt;
import org.infodesk.protocol.wire.WireCodec;
import org.infodesk.protocol.wire.WireException;

/**
 * Writes and reads relay bundles ({@code SPEC.md} §5): a zip whose first entry is the
 * {@link BundleManifest} and whose other entries are the signed envelopes as their canonical
 * bytes (§3) or the server's receipts as it signed them (§4.7). Reading streams the zip with
 * {@code java.util.zip}, holding it to its {@link BundleLimits} while it reads (entry count,
 * expanded bytes per entry and in all; the sizes the zip's headers claim are not trusted), and
 * refuses the whole file with the first {@link BundleProblem} found: a caller keeps all of a
 * bundle or nothing of it.
 */
public final class Bundles {

    /** An item entry's bytes and the submission it is about. */
    public record Item(UUID submissionId, byte[] bytes) {
        public Item {
            Objects.requireNonNull(submissionId);
            Objects.requireNonNull(bytes);
        }
    }

    /** A bundle as read: its manifest and its items' bytes, in the manifest's order, each matching its SHA-256. */
    public record Read(String file, BundleManifest manifest, List<Item> items) {}

    /** An envelope carried in a bundle, read (§3.7) and verified with the manifest's device key. */
    public record Carried(SubmissionEnvelope envelope, byte[] canonicalPayload, byte[] bytes) {}

    /** A bundle of submissions, every envelope read and verified. */
    public record Submissions(String file, BundleManifest manifest, PublicKey deviceKey, List<Carried> envelopes) {}

    /** A bundle of receipts, each read (not yet verified: only the LAO's device holds the pinned server key). */
    public record Receipts(String file, BundleManifest manifest, List<Receipt> receipts) {}

    private static final Pattern ITEM_NAME =
            Pattern.compile("(envelopes|receipts)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.json");

    private final BundleLimits limits;

    public Bundles(BundleLimits limits) {
        this.limits = Objects.requireNonNull(limits);
    }

    public BundleLimits limits() {
        return limits;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes a bundle of signed envelopes (each as {@link SubmissionCodec#envelopeBytes} made it)
     * for one LAO, atomically: a half-written file never has the final name.
     */
    public void writeSubmissions(Path file, String laoCode, PublicKey deviceKey, Instant createdAt, List<Item> envelopes)
            throws IOException {
        write(file, BundleManifest.Kind.SUBMISSIONS, laoCode, Ed25519Keys.encode(deviceKey), createdAt, envelopes);
    }

    /** Writes a bundle of receipts (each as {@link WireCodec#write} wrote the server's receipt) for one LAO. */
    public void writeReceipts(Path file, String laoCode, Instant createdAt, List<Item> receipts) throws IOException {
        write(file, BundleManifest.Kind.RECEIPTS, laoCode, null, createdAt, receipts);
    }

    private void write(Path file, BundleManifest.Kind kind, String laoCode, String deviceKey, Instant createdAt,
            List<Item> items) throws IOException {
        if (items.size() > limits.maxEntries() - 1) {
            throw new IllegalArgumentException(items.size() + " items; a bundle holds at most " + (limits.maxEntries() - 1));
        }
        List<BundleManifest.Entry> entries = new ArrayList<>(items.size());
        for (Item item : items) {
            entries.add(new BundleManifest.Entry(BundleManifest.entryName(kind, item.submissionId()), item.submissionId(),
                    sha256(item.bytes())));
        }
        BundleManifest manifest = new BundleManifest(BundleManifest.FORMAT, kind, laoCode, createdAt, deviceKey, entries);
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(BundleManifest.NAME));
            zip.write(manifest.toJson());
            zip.closeEntry();
            for (int i = 0; i < items.size(); i++) {
                zip.putNextEntry(new ZipEntry(entries.get(i).name()));
                zip.write(items.get(i).bytes());
                zip.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Reads and checks a bundle of submissions: the zip (§5.4), the manifest, and every envelope read and verified (§5.3). */
    public Submissions readSubmissions(Path file, SubmissionCodec codec) throws BundleException {
        Read read = read(file);
        String name = read.file();
        BundleManifest manifest = read.manifest();
        if (manifest.kind() != BundleManifest.Kind.SUBMISSIONS) {
            throw new BundleException(BundleProblem.Code.WRONG_KIND, name, "receipts, not submissions");
        }
        PublicKey deviceKey = Ed25519Keys.publicKey(java.util.Base64.getUrlDecoder().decode(manifest.deviceKey()));
        String keyId = Ed25519Keys.keyId(deviceKey);
        List<Carried> out = new ArrayList<>(read.items().size());
        for (Item item : read.items()) {
            String entry = BundleManifest.entryName(BundleManifest.Kind.SUBMISSIONS, item.submissionId());
            SubmissionCodec.Read envelope;
            try {
                envelope = codec.readCanonical(item.bytes());
            } catch (SubmissionException e) {
                throw new BundleException(BundleProblem.Code.BAD_ENVELOPE, name, entry + ": " + e.problems().get(0));
            }
            SubmissionEnvelope env = envelope.envelope();
            if (!env.payload().submissionId().equals(item.submissionId())) {
                throw new BundleException(BundleProblem.Code.BAD_ENVELOPE, name,
                        entry + ": the envelope is of submission " + env.payload().submissionId());
            }
            if (!env.payload().laoCode().equals(manifest.laoCode())) {
                throw new BundleException(BundleProblem.Code.WRONG_LAO, name,
                        entry + ": LAO " + env.payload().laoCode() + ", the bundle's is " + manifest.laoCode());
            }
            if (!env.keyId().equals(keyId)) {
                throw new BundleException(BundleProblem.Code.KEY_MISMATCH, name,
                        entry + ": key " + env.keyId() + ", the manifest's device key is " + keyId);
            }
            try {
                SubmissionCodec.verifyCanonical(envelope.canonicalPayload(), env.digest(), env.signature(), deviceKey);
            } catch (SubmissionException e) {
                throw new BundleException(BundleProblem.Code.BAD_ENVELOPE, name, entry + ": " + e.problems().get(0));
            }
            out.add(new Carried(env, envelope.canonicalPayload(), item.bytes()));
        }
        return new Submissions(name, manifest, deviceKey, out);
    }

    /** Reads and checks a bundle of receipts: the zip (§5.4), the manifest, each receipt read and of its entry's submission. */
    public Receipts readReceipts(Path file) throws BundleException {
        Read read = read(file);
        String name = read.file();
        if (read.manifest().kind() != BundleManifest.Kind.RECEIPTS) {
            throw new BundleException(BundleProblem.Code.WRONG_KIND, name, "submissions, not receipts");
        }
        List<Receipt> out = new ArrayList<>(read.items().size());
        for (Item item : read.items()) {
            String entry = BundleManifest.entryName(BundleManifest.Kind.RECEIPTS, item.submissionId());
            Receipt receipt;
            try {
                receipt = WireCodec.read(item.bytes(), Receipt.class);
            } catch (WireException e) {
                throw new BundleException(BundleProblem.Code.BAD_RECEIPT, name, entry + ": " + e.getMessage());
            }
            if (!receipt.submissionId().equals(item.submissionId())) {
                throw new BundleException(BundleProblem.Code.BAD_RECEIPT, name,
                        entry + ": the receipt is of submission " + receipt.submissionId());
            }
            out.add(receipt);
        }
        return new Receipts(name, read.manifest(), out);
    }

    /** Reads a bundle file's zip and manifest, holding them to the limits (§5.4); the items are not interpreted. */
    public Read read(Path file) throws BundleException {
        String name = String.valueOf(file.getFileName());
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, name);
        } catch (NoSuchFileException e) {
            throw new BundleException(BundleProblem.Code.UNREADABLE, name, "no such file");
        } catch (IOException e) {
            throw new BundleException(BundleProblem.Code.UNREADABLE, name, String.valueOf(e.getMessage()));
        }
    }

    /** {@link #read(Path)} from a stream; {@code name} names the file in messages. */
    public Read read(InputStream in, String name) throws BundleException {
        CappedStream capped = new CappedStream(in, limits.maxFileBytes());
        BundleManifest manifest = null;
        Map<String, byte[]> items = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream zip = new ZipInputStream(capped)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String entryName = entry.getName();
                count++;
                if (count > limits.maxEntries()) {
                    throw new BundleException(BundleProblem.Code.TOO_MANY_ENTRIES, name, "more than " + limits.maxEntries());
                }
                checkName(entryName, name);
                if (!seen.add(entryName)) {
                    throw new BundleException(BundleProblem.Code.DUPLICATE_ENTRY, name, entryName);
                }
                if (count == 1) {
                    if (!entryName.equals(BundleManifest.NAME)) {
                        throw new BundleException(BundleProblem.Code.MISSING_MANIFEST, name,
                                "the first entry is " + entryName + ", not " + BundleManifest.NAME);
                    }
                    byte[] bytes = readCapped(zip, limits.maxManifestBytes());
                    if (bytes == null) {
                        throw new BundleException(BundleProblem.Code.MANIFEST_TOO_LARGE, name,
                                "more than " + limits.maxManifestBytes() + " bytes");
                    }
                    total += bytes.length;
                    manifest = BundleManifest.parse(bytes, name);
                    continue;
                }
                if (entry.isDirectory()) {
                    if (!entryName.equals(manifest.kind().folder())) {
                        throw new BundleException(BundleProblem.Code.UNEXPECTED_ENTRY, name, entryName);
                    }
                    continue;
                }
                if (entryName.equals(BundleManifest.NAME) || !entryName.startsWith(manifest.kind().folder())) {
                    throw new BundleException(BundleProblem.Code.UNEXPECTED_ENTRY, name, entryName);
                }
                byte[] bytes = readCapped(zip, limits.maxEntryBytes());
                if (bytes == null) {
                    throw new BundleException(BundleProblem.Code.ENTRY_TOO_LARGE, name,
                            entryName + ": more than " + limits.maxEntryBytes() + " bytes");
                }
                total += bytes.length;
                if (total > limits.maxTotalBytes()) {
                    throw new BundleException(BundleProblem.Code.TOTAL_TOO_LARGE, name,
                            "more than " + limits.maxTotalBytes() + " bytes expanded");
                }
                items.put(entryName, bytes);
            }
        } catch (CappedStream.Over e) {
            throw new BundleException(BundleProblem.Code.FILE_TOO_LARGE, name, "more than " + limits.maxFileBytes() + " bytes");
        } catch (ZipException e) {
            throw new BundleException(BundleProblem.Code.NOT_A_ZIP, name, String.valueOf(e.getMessage()));
        } catch (IOException e) {
            throw new BundleException(BundleProblem.Code.UNREADABLE, name, String.valueOf(e.getMessage()));
        } catch (IllegalArgumentException e) {
            // ZipInputStream's refusal of a name that is not in the zip's charset
            throw new BundleException(BundleProblem.Code.NOT_A_ZIP, name, String.valueOf(e.getMessage()));
        }
        if (count == 0) {
            throw new BundleException(BundleProblem.Code.NOT_A_ZIP, name, "no zip entry");
        }
        return matched(name, manifest, items);
    }

    private static Read matched(String name, BundleManifest manifest, Map<String, byte[]> items) throws BundleException {
        Set<String> listed = new HashSet<>();
        List<Item> out = new ArrayList<>(manifest.entries().size());
        for (BundleManifest.Entry e : manifest.entries()) {
            if (!listed.add(e.name())) {
                throw new BundleException(BundleProblem.Code.DUPLICATE_ENTRY, name, "listed twice in the manifest: " + e.name());
            }
            byte[] bytes = items.get(e.name());
            if (bytes == null) {
                throw new BundleException(BundleProblem.Code.MISSING_ENTRY, name, e.name());
            }
            if (!sha256(bytes).equals(e.sha256())) {
                throw new BundleException(BundleProblem.Code.ENTRY_DIGEST_MISMATCH, name,
                        e.name() + ": SHA-256 " + sha256(bytes) + ", the manifest says " + e.sha256());
            }
            out.add(new Item(e.submissionId(), bytes));
        }
        for (String entry : items.keySet()) {
            if (!listed.contains(entry)) {
                throw new BundleException(BundleProblem.Code.UNLISTED_ENTRY, name, entry);
            }
        }
        return new Read(name, manifest, out);
    }

    /**
     * Refuses a name that could leave a folder it were extracted to (zip slip), then one of a form
     * the format does not have. Nothing is ever extracted to disk; the check guards whoever would.
     */
    private static void checkName(String entry, String file) throws BundleException {
        String lower = entry.toLowerCase(Locale.ROOT);
        if (entry.isEmpty() || entry.startsWith("/") || entry.contains("\\") || entry.contains(":")
                || entry.contains("\0") || java.util.Arrays.asList(entry.split("/", -1)).contains("..")
                || lower.contains("%2e%2e")) {
            throw new BundleException(BundleProblem.Code.UNSAFE_ENTRY_NAME, file, entry);
        }
        if (!entry.equals(BundleManifest.NAME) && !entry.equals("envelopes/") && !entry.equals("receipts/")
                && !ITEM_NAME.matcher(entry).matches()) {
            throw new BundleException(BundleProblem.Code.UNEXPECTED_ENTRY, file, entry);
        }
    }

    /** The entry's bytes, reading at most one past {@code max}; null when it is over. */
    private static byte[] readCapped(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while ((n = in.read(buffer, 0, (int) Math.min(buffer.length, (long) max + 1 - total))) > 0) {
            out.write(buffer, 0, n);
            total += n;
            if (total > max) {
                return null;
            }
        }
        return out.toByteArray();
    }

    /** SHA-256 in 64 lowercase hex digits. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stream that fails once more than {@code max} bytes were read from it. */
    private static final class CappedStream extends FilterInputStream {
        static final class Over extends IOException {
            private static final long serialVersionUID = 1L;
        }

        private final long max;
        private long read;

        CappedStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++read > max) {
                throw new Over();
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (read += n) > max) {
                throw new Over();
            }
            return n;
        }
    }
}
