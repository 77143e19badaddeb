package org.infodesk.server.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip request body (a pushed batch) inflated with a bound on what it inflates to, so a small
 * hostile body (a "zip bomb") costs at most the bound: over it is {@code BODY_TOO_LARGE},
 * anything that is not gzip is {@code BAD_REQUEST}.
 */
public final class GzipBody {

    private GzipBody() {}

    public static byte[] inflate(byte[] gzip, int maxInflatedBytes) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), 8192)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxInflatedBytes, 64 * 1024));
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (out.size() + read > maxInflatedBytes) {
                    throw new ApiException(Problem.Code.BODY_TOO_LARGE,
                            "the body inflates to more than " + maxInflatedBytes + " bytes");
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        } catch (ZipException | java.io.EOFException e) {
            throw new ApiException(Problem.Code.BAD_REQUEST, "the body is not complete gzip data");
        } catch (IOException e) {
            throw new ApiException(Problem.Code.BAD_REQUEST, "the body could not be inflated: " + e.getMessage());
        }
    }
}
