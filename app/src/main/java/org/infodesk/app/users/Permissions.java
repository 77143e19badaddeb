package org.infodesk.app.users;

/**
 * Who may do what. Only the stored, current {@link User} should be asked about (an inactive
 * user may do nothing).
 *
 * <p>Certifying is the certifier's alone (ADR 0005): the certifier (ปลัด or นายก อปท.) is the
 * person whose name and position go into the signed payload and onto the certification sheet,
 * and who answers for the data. The LAO admin's job is the PC and the accounts; an admin who is
 * also the certifier holds both roles. Keeping the roles apart means the person who can create
 * accounts cannot, with that role alone, certify.
 */
public final class Permissions {

    private Permissions() {}

    /** Whether a user may certify a domain: an active user holding the certifier role. */
    public static boolean canCertify(User user) {
        return user != null && user.active() && user.has(Role.CERTIFIER);
    }

    /** Whether a user may add users, reset passwords and (de)activate users: an active LAO admin. */
    public static boolean canManageUsers(User user) {
        return user != null && user.active() && user.has(Role.LAO_ADMIN);
    }
}
