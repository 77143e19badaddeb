package org.infodesk.server.http;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infodesk.protocol.wire.ProblemCode;

/**
 * Requests per caller (a device id) as token buckets: {@code burst} at once, refilled at
 * {@code perSecond}. A refused request is {@code RATE_LIMITED} with the seconds to wait ({@code Retry-After}).
 * Holds at most {@code maxCallers} buckets (the least recently used go first), so a flood of
 * callers cannot grow it without bound. Thread-safe.
 */
public final class RateLimiter {

    private final int burst;
    private final double perSecond;
    private final Clock clock;
    private final Map<String, double[]> buckets;

    public RateLimiter(int burst, double perSecond, int maxCallers, Clock clock) {
        if (burst < 1 || perSecond <= 0 || maxCallers < 1) {
            throw new IllegalArgumentException("burst, rate and callers must be positive");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.clock = clock;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxCallers;
            }
        };
    }

    /** Takes one request from the caller's bucket, or throws {@code RATE_LIMITED}. */
    public synchronized void acquire(String caller) {
        double now = clock.millis() / 1000.0;
        double[] bucket = buckets.computeIfAbsent(caller, key -> new double[] {burst, now});
        double tokens = Math.min(burst, bucket[0] + (now - bucket[1]) * perSecond);
        bucket[1] = now;
        if (tokens < 1) {
            bucket[0] = tokens;
            long wait = (long) Math.ceil((1 - tokens) / perSecond);
            throw new ApiException(ProblemCode.RATE_LIMITED, "too many requests from this caller; retry in " + wait + " s", wait);
        }
        bucket[0] = tokens - 1;
    }
}
