/**
 * The questionnaire definitions this installation holds: the one it ships ({@link
 * org.infodesk.app.definitions.Bundled}, FY 2564, always the fallback) and those received from
 * the server by pull (SPEC §4.8), kept by a {@link org.infodesk.app.definitions.DefinitionRepository}.
 *
 * <p>The contract: a received document is stored only after its bytes had the SHA-256 its
 * {@code definition} change named and the shared reader and compiler (sync-protocol) accepted it as
 * the identity the change named; the bytes are kept exactly. {@link
 * org.infodesk.app.definitions.Questionnaires} enters a fiscal year with the highest version
 * received for it, else the shipped one, and passes over a stored document that no longer
 * compiles (a damaged store) rather than failing.
 */
package org.infodesk.app.definitions;
