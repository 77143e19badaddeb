/**
 * The signed submission envelope ({@code SPEC.md} §3), shared by app and server: one certified
 * revision of one domain, as a {@link org.infodesk.protocol.submission.SubmissionPayload}
 * whose RFC 8785 canonical bytes ({@link org.infodesk.protocol.submission.CanonicalJson}) are
 * digested (SHA-256) and signed with the device's Ed25519 key
 * ({@link org.infodesk.protocol.submission.Ed25519Keys}), carried in a
 * {@link org.infodesk.protocol.submission.SubmissionEnvelope}.
 * {@link org.infodesk.protocol.submission.SubmissionCodec} writes, signs, reads (bounded and
 * strict: a {@link org.infodesk.protocol.submission.SubmissionException} lists each
 * {@link org.infodesk.protocol.submission.SubmissionProblem}) and verifies.
 *
 * <p>Contract: the same payload always has the same canonical bytes; the golden vectors in the
 * test jar ({@code org.infodesk.protocol.fixtures.SubmissionVectors}) pin them. Values are
 * written and read with {@code answers.AnswersJson}. Arrows: {@code submission → answers →
 * definition}; the canonicalisation library is used only by {@code CanonicalJson}.
 */
package org.infodesk.protocol.submission;
