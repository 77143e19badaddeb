package org.infodesk.app.users;

/**
 * What a local user may do (DESIGN §2). A user holds one or more roles ({@link User#roles()}):
 * in a small LAO the admin often also keys data, and the ปลัด who certifies may fix a value.
 * A district officer works in a district office's installation and holds no LAO role beside it.
 */
public enum Role {
    /** ผู้บันทึกข้อมูล: fills domains, fixes validation messages, updates last year's values. */
    DATA_ENTRY_OFFICER,
    /** ผู้รับรองข้อมูล (ปลัด or นายก อปท.): certifies domains with their own credentials. */
    CERTIFIER,
    /** ผู้ดูแลระบบ อปท.: enrols the PC, manages local users, backups. */
    LAO_ADMIN,
    /** ท้องถิ่นอำเภอ: imports USB bundles from many LAOs and batch-syncs them. */
    DISTRICT_OFFICER;

    /** The bundle key of the role's name. */
    public String messageKey() {
        return "users.role." + name();
    }
}
