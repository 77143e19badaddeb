package org.infodesk.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.infodesk.protocol.wire.ProblemCode;
import org.infodesk.protocol.fixtures.MutableClock;
import org.junit.jupiter.api.Test;

/** The rate limit per caller; the gzip bound of a push is the wire codec's (sync-protocol's WireCodecTest, and PushTest over HTTP). */
class RequestLimitsTest {

    @Test
    void aDeviceGetsItsBurstThenItsRateAndOthersAreNotHeldBack() {
        MutableClock clock = new MutableClock(Instant.parse("2025-01-06T02:00:00Z"));
        RateLimiter limiter = new RateLimiter(3, 1.0, 100, clock);

        for (int i = 0; i < 3; i++) {
            limiter.acquire("device-a");
        }
        assertThatThrownBy(() -> limiter.acquire("device-a")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.problem().code()).isEqualTo(ProblemCode.RATE_LIMITED);
            assertThat(e.problem().status()).isEqualTo(429);
            assertThat(e.retryAfterSeconds()).isEqualTo(1);
        });
        limiter.acquire("device-b");

        clock.now = clock.now.plus(Duration.ofSeconds(1));
        limiter.acquire("device-a");
        assertThatThrownBy(() -> limiter.acquire("device-a")).isInstanceOf(ApiException.class);
    }
}
