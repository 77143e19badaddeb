package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.infodesk.server.support.MutableClock;
import org.junit.jupiter.api.Test;

class RequestLimitsTest {

    static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    @Test
    void aGzipBodyInflatesWithinItsBound() throws Exception {
        assertThat(GzipBody.inflate(gzip("สวัสดี".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 100))
                .asString(java.nio.charset.StandardCharsets.UTF_8).isEqualTo("สวัสดี");
    }

    @Test
    void aGzipBombIsStoppedAtTheBound() throws Exception {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(100 * 1024);

        assertThatThrownBy(() -> GzipBody.inflate(bomb, 1024 * 1024)).isInstanceOfSatisfying(ApiException.class,
                e -> assertThat(e.problem().code()).isEqualTo("BODY_TOO_LARGE"));
    }

    @Test
    void notGzipOrCutGzipIsABadRequest() throws Exception {
        byte[] whole = gzip(new byte[1000]);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);

        for (byte[] body : new byte[][] {"{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII), cut, new byte[0]}) {
            assertThatThrownBy(() -> GzipBody.inflate(body, 4096)).isInstanceOfSatisfying(ApiException.class,
                    e -> assertThat(e.problem().code()).isEqualTo("BAD_REQUEST"));
        }
    }

    @Test
    void aDeviceGetsItsBurstThenItsRateAndOthersAreNotHeldBack() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-06T02:00:00Z"));
        RateLimiter limiter = new RateLimiter(3, 1.0, 100, clock);

        for (int i = 0; i < 3; i++) {
            limiter.acquire("device-a");
        }
        assertThatThrownBy(() -> limiter.acquire("device-a")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.problem().code()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(e.problem().status()).isEqualTo(429);
        });
        limiter.acquire("device-b");

        clock.now = clock.now.plus(Duration.ofSeconds(1));
        limiter.acquire("device-a");
        assertThatThrownBy(() -> limiter.acquire("device-a")).isInstanceOf(ApiException.class);
    }
}
