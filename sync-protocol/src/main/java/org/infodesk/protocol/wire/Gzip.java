package org.infodesk.protocol.wire;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip (RFC 1952) for push bodies ({@code SPEC.md} §4.6), inflating only up to a cap: a body that
 * inflates beyond it (a zip bomb) is refused after reading one byte past the cap, never held whole.
 */
public final class Gzip {

    private static final int BUFFER = 8192;

    private Gzip() {}

    /** The gzip of some bytes. */
    public static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, BUFFER)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The inflated bytes of a gzip body, refused with {@code BAD_GZIP} when it is not gzip (or is
     * cut short) and with {@code INFLATED_TOO_LARGE} when it inflates to more than {@code maxInflated}.
     */
    public static byte[] inflate(byte[] gzipped, long maxInflated) throws WireException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), BUFFER)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(gzipped.length * 4, 1 << 20));
            byte[] buffer = new byte[BUFFER];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > maxInflated) {
                    throw new WireException(ProblemCode.INFLATED_TOO_LARGE, "body", "inflates to more than " + maxInflated + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new WireException(ProblemCode.BAD_GZIP, "body", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Reads a request body of at most {@code maxBytes} from a stream (and one byte more, to tell),
     * refused with {@code BODY_TOO_LARGE} when it is longer.
     */
    public static byte[] readBounded(InputStream in, long maxBytes) throws WireException, IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new WireException(ProblemCode.BODY_TOO_LARGE, "body", "more than " + maxBytes + " bytes");
        }
        return bytes;
    }
}
