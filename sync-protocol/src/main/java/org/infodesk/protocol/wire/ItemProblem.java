package org.infodesk.protocol.wire;

import java.util.Arrays;
import org.infodesk.protocol.submission.SubmissionProblem;

/**
 * The codes of a pushed item that is not stored ({@code SPEC.md} §4.6), beside the reading and
 * verification codes of §3.7 ({@link SubmissionProblem.Code}), which a {@code REJECTED} item
 * carries as they are.
 */
public enum ItemProblem {
    /** CONFLICT: the payload does not supersede the domain's current head, which is named. */
    NOT_SUPERSEDING,
    /** CONFLICT: the submission id is stored with another digest. */
    ID_REUSED,
    /** REJECTED: the values have error findings (§2.5), listed. */
    RULE_ERRORS,
    /** REJECTED: a warning or a change from last year has no justification (§2.5, §2.6), listed. */
    UNJUSTIFIED_WARNINGS,
    /** UNAUTHORIZED: the envelope's key id is not a key the server pinned. */
    UNKNOWN_KEY,
    /** UNAUTHORIZED: the device that signed is revoked. */
    ORIGIN_REVOKED,
    /** UNAUTHORIZED: the payload's LAO is not the signing device's. */
    WRONG_LAO,
    /** UNAUTHORIZED: a district device relays for an LAO outside its district. */
    OUTSIDE_DISTRICT;

    /** Whether a code is one an item outcome may carry: of this enum or of §3.7. */
    static boolean known(String code) {
        return Arrays.stream(values()).anyMatch(c -> c.name().equals(code))
                || Arrays.stream(SubmissionProblem.Code.values()).anyMatch(c -> c.name().equals(code));
    }
}
