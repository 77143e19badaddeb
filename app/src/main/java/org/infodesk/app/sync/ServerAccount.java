package org.infodesk.app.sync;

import java.time.Instant;
import java.util.Objects;
import okhttp3.HttpUrl;
import org.infodesk.protocol.wire.EnrolmentResponse;

/**
 * The server this installation is enrolled with (SPEC §4.4): its address and what enrolment
 * gave: the device id, the bearer token, the pinned server key, what the device speaks for and
 * its limits.
 */
public record ServerAccount(HttpUrl server, EnrolmentResponse enrolment, Instant enrolledAt) {

    public ServerAccount {
        Objects.requireNonNull(server);
        Objects.requireNonNull(enrolment);
        Objects.requireNonNull(enrolledAt);
    }
}
