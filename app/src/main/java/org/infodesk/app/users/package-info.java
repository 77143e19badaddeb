/**
 * Local users of an installation: roles ({@link org.infodesk.app.users.Role}), the
 * {@link org.infodesk.app.users.User} record, password rules and hashing (Argon2id, ADR 0005),
 * sign-in with a stored lock-out ({@link org.infodesk.app.users.UserService}), who may do what
 * ({@link org.infodesk.app.users.Permissions}) and the inactivity lock. No JavaFX; the store
 * implements {@link org.infodesk.app.users.UserRepository}.
 *
 * <p>Contract for screens: every refusal is a {@link org.infodesk.app.users.UserException} or a
 * {@link org.infodesk.app.users.SignIn} outcome with a Thai and an English message; a screen
 * never tells a missing user name from a wrong password.
 */
package org.infodesk.app.users;
