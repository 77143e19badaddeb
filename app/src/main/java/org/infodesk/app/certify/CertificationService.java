package org.infodesk.app.certify;

import java.time.Clock;
import java.util.Objects;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.device.DeviceKeys;
import org.infodesk.app.form.AnswerRepository;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.users.Permissions;
import org.infodesk.app.users.SignIn;
import org.infodesk.app.users.User;
import org.infodesk.app.users.UserService;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;
import org.infodesk.protocol.definition.Domain;
import org.infodesk.protocol.rules.Questionnaire;
import org.infodesk.protocol.submission.Certifier;
import org.infodesk.protocol.submission.DefinitionLookup;
import org.infodesk.protocol.submission.SubmissionCodec;
import org.infodesk.protocol.submission.SubmissionIds;
import org.infodesk.protocol.submission.SubmissionPayload;

/**
 * Certifies one domain (issue 5): the certifier signs in with their own credentials, the domain
 * must have no error and a justification for every warning, and its values become a canonical,
 * digested payload signed with the device key (sync-protocol SPEC §3), stored as a frozen
 * snapshot with its outbox item in one transaction. Refusals say why; nothing is written then.
 */
public final class CertificationService {

    /** Why a certification was refused. */
    public enum Reason {
        /** Wrong user name or password, locked, or inactive: {@link Outcome.Refused#signIn} says which. */
        NOT_SIGNED_IN,
        /** Signed in, but not as a certifier. */
        NOT_A_CERTIFIER,
        /**
         * The certifier signed in with a password an admin chose, not yet changed for their own: a
         * certification must be signed by a password only the certifier knows.
         */
        PASSWORD_NOT_CHANGED,
        /** The domain has an error. */
        HAS_ERRORS,
        /** A warning has no justification. */
        UNJUSTIFIED_WARNINGS,
        /** The domain's current revision is already certified (amend it first). */
        NOT_EDITABLE;

        public String messageKey() {
            return "certify.refused." + name();
        }
    }

    /** What {@link #certify} did. */
    public sealed interface Outcome {
        record Certified(CertifiedSnapshot snapshot, User certifier) implements Outcome {}

        /** @param signIn the sign-in's own outcome when that was the reason, else null */
        record Refused(Reason reason, SignIn signIn, Readiness readiness) implements Outcome {}
    }

    private final Questionnaire questionnaire;
    private final AnswerRepository answers;
    private final CertificationRepository certifications;
    private final UserService users;
    private final DeviceKeys keys;
    private final String deviceId;
    private final Clock clock;
    private final SubmissionCodec codec;
    private final SubmissionIds ids;

    /**
     * @param deviceId the device's id as the server knows it (until enrolment, issue 7: its key fingerprint)
     */
    public CertificationService(Questionnaire questionnaire, AnswerRepository answers, CertificationRepository certifications,
            UserService users, DeviceKeys keys, String deviceId, Clock clock) {
        this.questionnaire = Objects.requireNonNull(questionnaire);
        this.answers = Objects.requireNonNull(answers);
        this.certifications = Objects.requireNonNull(certifications);
        this.users = Objects.requireNonNull(users);
        this.keys = Objects.requireNonNull(keys);
        this.deviceId = Objects.requireNonNull(deviceId);
        this.clock = Objects.requireNonNull(clock);
        this.codec = new SubmissionCodec(DefinitionLookup.of(questionnaire.definition()));
        this.ids = new SubmissionIds(clock, new java.security.SecureRandom());
    }

    /** The questionnaire this service judges and signs with (the review screen shows its labels and order). */
    public Questionnaire questionnaire() {
        return questionnaire;
    }

    /** The domain's errors and warnings as certification sees them now. */
    public Readiness readiness(DomainKey key, Answers lastYear) throws StoreException {
        Answers all = answers.answers(key.lao(), key.fiscalYear());
        return Readiness.of(questionnaire.evaluate(all), domain(key), all, lastYear, answers.justifications(key));
    }

    /**
     * Certifies the domain's current revision with the certifier's own credentials.
     *
     * @param lastYear last year's certified values (changes beyond a threshold need a justification)
     */
    public Outcome certify(DomainKey key, String username, String password, Answers lastYear) throws StoreException {
        SignIn signIn = users.signIn(username, password);
        if (!(signIn instanceof SignIn.Ok ok)) {
            return new Outcome.Refused(Reason.NOT_SIGNED_IN, signIn, null);
        }
        User certifier = ok.user();
        if (!Permissions.canCertify(certifier)) {
            return new Outcome.Refused(Reason.NOT_A_CERTIFIER, null, null);
        }
        if (ok.mustChangePassword()) {
            return new Outcome.Refused(Reason.PASSWORD_NOT_CHANGED, null, null);
        }
        DomainRecord record = answers.current(key);
        if (!record.editable()) {
            return new Outcome.Refused(Reason.NOT_EDITABLE, null, null);
        }
        Readiness readiness = readiness(key, lastYear);
        if (!readiness.errors().isEmpty()) {
            return new Outcome.Refused(Reason.HAS_ERRORS, null, readiness);
        }
        if (!readiness.ready()) {
            return new Outcome.Refused(Reason.UNJUSTIFIED_WARNINGS, null, readiness);
        }
        Definition definition = questionnaire.definition();
        int revision = record.revision();
        SubmissionPayload payload = new SubmissionPayload(ids.next(), key.lao(), key.fiscalYear(), key.domain(),
                revision, revision > 1 ? revision - 1 : null, definition.id(), definition.version(), record.values(),
                readiness.justifications(), new Certifier(certifier.id().toString(), certifier.displayName(), certifier.position()),
                clock.instant(), deviceId);
        byte[] canonical = codec.canonicalPayload(payload);
        CertifiedSnapshot snapshot = certifications.certify(new Certification(key, revision, payload.submissionId().toString(),
                canonical, SubmissionCodec.digest(canonical), keys.sign(canonical), certifier.displayName(),
                certifier.position(), payload.certifiedAt()));
        return new Outcome.Certified(snapshot, certifier);
    }

    private Domain domain(DomainKey key) {
        return questionnaire.definition().domain(key.domain())
                .orElseThrow(() -> new IllegalArgumentException("no domain " + key.domain()));
    }
}
