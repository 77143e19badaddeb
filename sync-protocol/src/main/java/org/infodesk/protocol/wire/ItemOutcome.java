package org.infodesk.protocol.wire;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.infodesk.protocol.submission.SubmissionException;

/**
 * The outcome of one pushed envelope, in the order pushed ({@code SPEC.md} §4.6).
 *
 * @param submissionId the payload's id; null only when the envelope could not be read that far
 * @param outcome      what the server did
 * @param receipt      for ACCEPTED and DUPLICATE, the signed receipt; else null
 * @param conflictHead for CONFLICT with {@code NOT_SUPERSEDING}, the domain's head; else null
 * @param findings     for REJECTED with {@code RULE_ERRORS} or {@code UNJUSTIFIED_WARNINGS}, the findings; else empty
 * @param problemCode  null for ACCEPTED and DUPLICATE; else an {@link ItemProblem} or a §3.7 code
 * @param detail       this occurrence, for logs (English, may be empty)
 */
public record ItemOutcome(UUID submissionId, Outcome outcome, Receipt receipt, ConflictHead conflictHead,
        List<WireFinding> findings, String problemCode, String detail) {

    public ItemOutcome {
        Objects.requireNonNull(outcome, "outcome");
        findings = List.copyOf(findings);
        Objects.requireNonNull(detail, "detail");
        WireChecks.require("detail", detail.length() <= WireChecks.MAX_DETAIL ? null : "too long");
        if (outcome.delivered()) {
            WireChecks.require("receipt", receipt == null ? "required for " + outcome : null);
            WireChecks.require("receipt", receipt.submissionId().equals(submissionId) && receipt.outcome() == outcome
                    ? null : "not of this submission and outcome");
            WireChecks.require("problem_code", problemCode == null ? null : "not for " + outcome);
        } else {
            WireChecks.require("receipt", receipt == null ? null : "only for ACCEPTED and DUPLICATE");
            WireChecks.require("problem_code", problemCode != null && ItemProblem.known(problemCode)
                    ? null : "not a known code");
        }
        WireChecks.require("conflict_head",
                (conflictHead != null) == ItemProblem.NOT_SUPERSEDING.name().equals(problemCode)
                        ? null : "with NOT_SUPERSEDING, and only then");
        WireChecks.require("findings", findings.isEmpty() || outcome == Outcome.REJECTED ? null : "only for REJECTED");
        WireChecks.require("outcome", problemCode == null || fits(outcome, problemCode) ? null
                : problemCode + " is not a code of " + outcome);
    }

    public static ItemOutcome delivered(Receipt receipt) {
        return new ItemOutcome(receipt.submissionId(), receipt.outcome(), receipt, null, List.of(), null, "");
    }

    public static ItemOutcome conflict(UUID submissionId, ConflictHead head) {
        return new ItemOutcome(submissionId, Outcome.CONFLICT, null, head, List.of(), ItemProblem.NOT_SUPERSEDING.name(),
                "the head is revision " + head.revision());
    }

    public static ItemOutcome refused(UUID submissionId, Outcome outcome, String problemCode, List<WireFinding> findings,
            String detail) {
        return new ItemOutcome(submissionId, outcome, null, null, findings, problemCode, detail);
    }

    /**
     * A {@code REJECTED} outcome for an envelope that §3.7 refused or that does not verify (§3.4):
     * the first (most basic) problem's code, every problem in the detail.
     *
     * @param submissionId the payload's id if it could be read that far, else null
     */
    public static ItemOutcome rejected(UUID submissionId, SubmissionException e) {
        String detail = e.getMessage().length() <= WireChecks.MAX_DETAIL ? e.getMessage()
                : e.getMessage().substring(0, WireChecks.MAX_DETAIL);
        return refused(submissionId, Outcome.REJECTED, e.code().name(), List.of(), detail);
    }

    private static boolean fits(Outcome outcome, String code) {
        switch (outcome) {
            case CONFLICT:
                return code.equals(ItemProblem.NOT_SUPERSEDING.name()) || code.equals(ItemProblem.ID_REUSED.name());
            case UNAUTHORIZED:
                return code.equals(ItemProblem.UNKNOWN_KEY.name()) || code.equals(ItemProblem.ORIGIN_REVOKED.name())
                        || code.equals(ItemProblem.WRONG_LAO.name()) || code.equals(ItemProblem.OUTSIDE_DISTRICT.name());
            case REJECTED:
                return !fits(Outcome.CONFLICT, code) && !fits(Outcome.UNAUTHORIZED, code);
            default:
                return false;
        }
    }
}
