package org.infodesk.app.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Password hashing with Argon2id (BouncyCastle's pure-Java generator; ADR 0005). A hash is
 * stored as a PHC string that carries its parameters and salt,
 * {@code $argon2id$v=19$m=65536,t=3,p=1$<salt>$<hash>} (unpadded Base64, as the reference
 * implementation writes it), so that the parameters can be raised later: a hash made with
 * weaker ones {@link #needsRehash needs a rehash}, done at the next successful sign-in.
 *
 * <p>Passwords are normalised to NFC and encoded as UTF-8, so a Thai password typed through
 * another input method still matches. Comparison is constant-time ({@link MessageDigest#isEqual}).
 * Passwords are taken as {@code String}s: JavaFX's {@code PasswordField} hands out a
 * {@code String}, so a {@code char[]} here would give nothing that can be wiped.
 */
public final class PasswordHasher {

    /**
     * Argon2id's cost.
     *
     * @param memoryKiB  memory in KiB (the heap this costs, transiently, per verification)
     * @param iterations passes over the memory
     * @param parallelism lanes (BouncyCastle computes them one after another, so more lanes cost time, not speed)
     */
    public record Params(int memoryKiB, int iterations, int parallelism) {

        /** Tuned on the build machine to about 0.2 to 0.3 s per verification; figures in docs/PERFORMANCE.md. */
        public static final Params DEFAULT = new Params(64 * 1024, 3, 1);
        /** The most memory a stored hash may ask for: more would not fit the app's 256 MB heap. */
        public static final int MAX_MEMORY_KIB = 128 * 1024;
        static final int MAX_ITERATIONS = 64;
        static final int MAX_PARALLELISM = 16;

        public Params {
            if (parallelism < 1 || parallelism > MAX_PARALLELISM || iterations < 1 || iterations > MAX_ITERATIONS
                    || memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
                throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKiB + " t=" + iterations
                        + " p=" + parallelism);
            }
        }

        /** Whether a hash made with these is cheaper to attack than one made with {@code other}. */
        boolean weakerThan(Params other) {
            return memoryKiB < other.memoryKiB || iterations < other.iterations;
        }
    }

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final String ALGORITHM = "argon2id";
    private static final Pattern ENCODED = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** A stored hash, taken apart. */
    record Encoded(Params params, byte[] salt, byte[] hash) {}

    private final Params params;
    private final SecureRandom random;

    public PasswordHasher(Params params, SecureRandom random) {
        this.params = params;
        this.random = random;
    }

    /** The hasher with {@link Params#DEFAULT}. */
    public static PasswordHasher standard() {
        return new PasswordHasher(Params.DEFAULT, new SecureRandom());
    }

    public Params params() {
        return params;
    }

    /** A new hash of a password, with a fresh salt and this hasher's parameters. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, params, salt, HASH_BYTES);
        return "$" + ALGORITHM + "$v=19$m=" + params.memoryKiB() + ",t=" + params.iterations() + ",p=" + params.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /**
     * Whether a password matches a stored hash, with the stored hash's own parameters. A stored
     * string that is not a hash this class can read never matches.
     */
    public boolean verify(String password, String encoded) {
        Optional<Encoded> e = parse(encoded);
        if (e.isEmpty()) {
            return false;
        }
        byte[] expected = e.get().hash();
        byte[] actual = derive(password, e.get().params(), e.get().salt(), expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash was made with weaker parameters than this hasher's (or cannot be read). */
    public boolean needsRehash(String encoded) {
        Optional<Encoded> e = parse(encoded);
        return e.isEmpty() || e.get().params().weakerThan(params) || e.get().salt().length < SALT_BYTES
                || e.get().hash().length < HASH_BYTES;
    }

    /** Takes a stored hash apart; empty if it is not an Argon2id hash within the bounds this class accepts. */
    static Optional<Encoded> parse(String encoded) {
        if (encoded == null || encoded.length() > 256) {
            return Optional.empty();
        }
        Matcher m = ENCODED.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Params p = new Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return Optional.of(new Encoded(p, B64_DECODER.decode(m.group(4)), B64_DECODER.decode(m.group(5))));
        } catch (IllegalArgumentException outOfRange) {
            return Optional.empty();
        }
    }

    private static byte[] derive(String password, Params p, byte[] salt, int length) {
        byte[] secret = Normalizer.normalize(password == null ? "" : password, Normalizer.Form.NFC)
                .getBytes(StandardCharsets.UTF_8);
        try {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(p.memoryKiB())
                    .withIterations(p.iterations())
                    .withParallelism(p.parallelism())
                    .withSalt(salt)
                    .build());
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
