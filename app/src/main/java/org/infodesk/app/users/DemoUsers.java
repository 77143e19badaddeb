package org.infodesk.app.users;

import java.util.Set;
import org.infodesk.app.data.StoreException;

/**
 * The demo's people (the app runs as the demo LAO until enrolment, issue 7): an admin, a
 * data-entry officer and a certifier, all with {@link #PASSWORD}, which the sign-in screen shows
 * in demo mode, so that a newcomer can walk the whole loop: enter, certify, print. Never made
 * once any user exists; an enrolled installation starts from its own first admin.
 */
public final class DemoUsers {

    /** The demo's password, shown on the demo's sign-in screen. */
    public static final String PASSWORD = "InfoDesk2564";
    public static final String OFFICER = "somsri";
    public static final String CERTIFIER = "malee";

    private DemoUsers() {}

    /** The demo's admin. */
    public static final String ADMIN = "admin";

    /**
     * Leaving the demo (the PC enrolled for its own office): the demo's people can no longer sign
     * in (their password is on the demo's screen); the next sign-in makes the office's own first
     * admin. Whether any of them was still active.
     */
    public static synchronized boolean retire(UserService users) throws StoreException {
        return users.retire(java.util.List.of(ADMIN, OFFICER, CERTIFIER));
    }

    /** Makes the demo users if there is no user yet; whether it did. */
    public static synchronized boolean installIfAbsent(UserService users) throws StoreException {
        if (!users.needsFirstAdmin()) {
            return false;
        }
        try {
            User admin = users.createFirstAdmin(ADMIN, "นายสมชาย ใจดี", "นักวิชาการคอมพิวเตอร์ชำนาญการ", PASSWORD);
            // the password the demo's screen shows is their own: not asked to change it at sign-in, and
            // the demo's certifier can certify (which a password an admin set cannot)
            users.addWithOwnPassword(admin, new NewUser(OFFICER, "นางสมศรี ขยันดี", "เจ้าพนักงานธุรการชำนาญงาน",
                    Set.of(Role.DATA_ENTRY_OFFICER)), PASSWORD);
            users.addWithOwnPassword(admin, new NewUser(CERTIFIER, "นางมาลี รักษ์ถิ่น", "ปลัดเทศบาล", Set.of(Role.CERTIFIER)),
                    PASSWORD);
            return true;
        } catch (UserException e) {
            throw new IllegalStateException("the demo users break the app's own rules", e);
        }
    }
}
