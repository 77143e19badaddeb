package org.infodesk.protocol.submission;

import java.util.Objects;

/**
 * Who certified a revision (ผู้รับรองข้อมูล), as signed inside the payload: the local user's
 * id, and the name and position printed on the certification sheet.
 *
 * @param userId   the local user's id ({@code [A-Za-z0-9._:-]{1,64}})
 * @param name     the full name, 1 to 200 characters, no surrounding spaces
 * @param position the position (ตำแหน่ง), e.g. ปลัดองค์การบริหารส่วนตำบล, same form as the name
 */
public record Certifier(String userId, String name, String position) {

    public Certifier {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(position, "position");
        Checks.require("certifier.user_id", Checks.matches(userId, Checks.TOKEN));
        Checks.require("certifier.name", Checks.name(name));
        Checks.require("certifier.position", Checks.name(position));
    }
}
