package org.infodesk.app.sync;

import java.time.Duration;
import java.util.Objects;
import org.infodesk.protocol.wire.Problem;
import org.infodesk.protocol.wire.ProblemCode;

/**
 * What one request to the server came to, sorted by what the outbox must do next (SPEC §4.6,
 * §4.9, §4.11). Only {@link Answered} carries the server's answer; everything else says why
 * there is none and whether trying again later can help.
 *
 * @param <T> the answer of the route
 */
public sealed interface Exchange<T> {

    /** The server answered with the route's message. */
    record Answered<T>(T value) implements Exchange<T> {
        public Answered {
            Objects.requireNonNull(value);
        }
    }

    /**
     * The server refused the request with a problem the same request cannot get past: the
     * device must change something first (enrol again, update, send smaller batches, a new code).
     */
    record Refused<T>(Problem problem, Action action) implements Exchange<T> {
        /**
         * @param problem the server's problem; null only for {@link Action#PROXY_CREDENTIALS}, which a
         *                proxy asks for, not the server
         */
        public Refused {
            Objects.requireNonNull(action);
            if (problem == null && action != Action.PROXY_CREDENTIALS) {
                throw new IllegalArgumentException("a refusal by the server has its problem");
            }
        }
    }

    /**
     * No answer of the server's, or one that says "later": the same request may succeed later,
     * not before {@code notBefore} (from {@code Retry-After}; zero when the server gave none).
     *
     * @param detail for the log, in English: what came back instead of an answer
     */
    record RetryLater<T>(Trouble trouble, Duration notBefore, String detail) implements Exchange<T> {
        public RetryLater {
            Objects.requireNonNull(trouble);
            Objects.requireNonNull(notBefore);
            Objects.requireNonNull(detail);
        }
    }

    /** What a refusal asks of the device. */
    enum Action {
        /** 401 or 403 of the device's token: stop sending and ask for a new enrolment. */
        ENROL_AGAIN,
        /** The server does not speak this protocol version: stop; the program must be updated. */
        UPDATE_PROGRAM,
        /** 413: send the same items in smaller batches. */
        SMALLER_BATCH,
        /** The enrolment code is unknown, used or expired: ask for a new one. */
        NEW_ENROLMENT_CODE,
        /** The pull cursor is not the server's: pull again from the beginning. */
        PULL_FROM_START,
        /** The proxy asks for credentials (407): stop and ask for the proxy settings. */
        PROXY_CREDENTIALS,
        /** The request itself is wrong (a bug of this program or of the server): report it. */
        REPORT_BUG;

        /** What a problem code asks of the device (never called for the codes that mean "later"). */
        static Action of(ProblemCode code) {
            return switch (code) {
                case UNAUTHENTICATED, DEVICE_REVOKED -> ENROL_AGAIN;
                case UNSUPPORTED_PROTOCOL -> UPDATE_PROGRAM;
                case BODY_TOO_LARGE, INFLATED_TOO_LARGE, TOO_MANY_ITEMS -> SMALLER_BATCH;
                case BAD_ENROLMENT_CODE -> NEW_ENROLMENT_CODE;
                case BAD_CURSOR -> PULL_FROM_START;
                default -> REPORT_BUG;
            };
        }
    }

    /** Why there is no answer yet. */
    enum Trouble {
        /** No connection: no route, refused, reset, or the name does not resolve. */
        UNREACHABLE,
        /** The connection opened but the answer did not come in time. */
        TIMED_OUT,
        /** The server said it is busy or failed (429, 5xx), with or without a problem body. */
        SERVER_BUSY,
        /**
         * Something answered that is not this server speaking the protocol: a captive portal's or a
         * proxy's page, a body that is not the route's message, an answer over its size limit.
         */
        NOT_THE_SERVER
    }
}
