package org.infodesk.protocol.wire;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change a device pulls ({@code SPEC.md} §4.8), told apart on the wire by its {@code kind}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Change.Decision.class, name = "decision"),
    @JsonSubTypes.Type(value = Change.NewDefinition.class, name = "definition"),
    @JsonSubTypes.Type(value = Change.LastYearValues.class, name = "last_year_values"),
    @JsonSubTypes.Type(value = Change.LaoStatus.class, name = "lao_status")
})
public sealed interface Change {

    /** A reviewer's decision on a delivered submission. */
    enum Verdict { ACCEPTED, RETURNED }

    /** Where a district's LAO stands for one domain, as the server knows it. */
    enum State { DELIVERED, ACCEPTED, RETURNED }

    /**
     * A central reviewer accepted a submission, or returned it for correction with a comment
     * (required when returned).
     */
    record Decision(UUID submissionId, String laoCode, int fiscalYear, String domainId, int revision, Verdict verdict,
            String comment, String reviewer, Instant decidedAt) implements Change {
        public Decision {
            Objects.requireNonNull(submissionId, "submission_id");
            WireChecks.scope(laoCode, fiscalYear, domainId, revision);
            Objects.requireNonNull(verdict, "verdict");
            if (comment != null || verdict == Verdict.RETURNED) {
                WireChecks.require("comment", WireChecks.text(comment, WireChecks.MAX_COMMENT));
            }
            WireChecks.require("reviewer", WireChecks.text(reviewer, 200));
            WireChecks.require("decided_at", WireChecks.instant(decidedAt));
        }
    }

    /**
     * A questionnaire definition the device should have: fetch it from the definition route and
     * check that its bytes have this SHA-256.
     */
    record NewDefinition(String definitionId, int fiscalYear, int version, String digest) implements Change {
        public NewDefinition {
            WireChecks.require("definition_id", WireChecks.matches(definitionId, WireChecks.DEFINITION_ID));
            WireChecks.require("fiscal_year", WireChecks.range(fiscalYear, WireChecks.MIN_FISCAL_YEAR, WireChecks.MAX_FISCAL_YEAR));
            WireChecks.require("version", WireChecks.range(version, 1, WireChecks.MAX_VERSION));
            WireChecks.require("digest", WireChecks.matches(digest, WireChecks.DIGEST));
        }
    }

    /**
     * The accepted values of one domain of one LAO for a fiscal year (shown beside this year's
     * fields, §2.6): the §3.2 {@code values} object of that submission, read with the definition it names.
     */
    record LastYearValues(String laoCode, int fiscalYear, String domainId, int revision, String definitionId,
            int definitionVersion, JsonNode values) implements Change {
        public LastYearValues {
            WireChecks.scope(laoCode, fiscalYear, domainId, revision);
            WireChecks.require("definition_id", WireChecks.matches(definitionId, WireChecks.DEFINITION_ID));
            WireChecks.require("definition_version", WireChecks.range(definitionVersion, 1, WireChecks.MAX_VERSION));
            WireChecks.require("values", values != null && values.isObject() ? null : "an object");
            values = values.deepCopy();
        }

        @Override
        public JsonNode values() {
            return values.deepCopy();
        }
    }

    /** For a district device: the latest submission of one domain of one of its LAOs and where it stands. */
    record LaoStatus(String laoCode, int fiscalYear, String domainId, int revision, UUID submissionId, State state,
            Instant receivedAt) implements Change {
        public LaoStatus {
            WireChecks.scope(laoCode, fiscalYear, domainId, revision);
            Objects.requireNonNull(submissionId, "submission_id");
            Objects.requireNonNull(state, "state");
            WireChecks.require("received_at", WireChecks.instant(receivedAt));
        }
    }
}
