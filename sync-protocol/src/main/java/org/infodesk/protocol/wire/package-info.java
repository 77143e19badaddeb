/**
 * The HTTP protocol v1 ({@code SPEC.md} §4), shared by app and server: the {@link
 * org.infodesk.protocol.wire.Routes routes}, the messages as immutable records (enrolment, push
 * batch and per-item outcomes, signed {@link org.infodesk.protocol.wire.Receipt receipts}, pull
 * changes, RFC 9457 {@link org.infodesk.protocol.wire.Problem problems} with stable {@link
 * org.infodesk.protocol.wire.ProblemCode codes}, {@link org.infodesk.protocol.wire.ProtocolLimits
 * limits}), one strict and bounded {@link org.infodesk.protocol.wire.WireCodec} for them, and
 * {@link org.infodesk.protocol.wire.Gzip} with an inflation cap. No HTTP client or server here.
 *
 * <p>Contract: {@code openapi.yaml} beside these classes describes exactly {@link
 * org.infodesk.protocol.wire.Routes#ALL} and these records ({@code OpenApiDocumentTest}); the
 * receipt vectors of the test jar ({@code org.infodesk.protocol.fixtures.ReceiptVectors}) pin the
 * signed bytes. Envelopes stay {@code submission}'s: a batch carries each as its own JSON text.
 * Arrows: {@code wire → submission, rules, definition}; the one Jackson set-up (naming,
 * strictness, time and UUID forms) is {@code WireJson}'s.
 */
package org.infodesk.protocol.wire;
