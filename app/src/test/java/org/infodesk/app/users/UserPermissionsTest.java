package org.infodesk.app.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserPermissionsTest {

    private static User with(Role... roles) {
        return new User(UUID.randomUUID(), "user", "ชื่อ", "ตำแหน่ง", Set.of(roles), true);
    }

    @Test
    void onlyTheCertifierRoleMayCertify() {
        assertThat(Permissions.canCertify(with(Role.CERTIFIER))).isTrue();
        assertThat(Permissions.canCertify(with(Role.CERTIFIER, Role.LAO_ADMIN))).as("an admin who is also the certifier").isTrue();

        assertThat(Permissions.canCertify(with(Role.DATA_ENTRY_OFFICER))).isFalse();
        assertThat(Permissions.canCertify(with(Role.LAO_ADMIN))).isFalse();
        assertThat(Permissions.canCertify(with(Role.DISTRICT_OFFICER))).isFalse();
        assertThat(Permissions.canCertify(with(Role.LAO_ADMIN, Role.DATA_ENTRY_OFFICER))).isFalse();
    }

    @Test
    void anInactiveCertifierCannotCertifyAndNobodyIsNobody() {
        assertThat(Permissions.canCertify(with(Role.CERTIFIER).withActive(false))).isFalse();
        assertThat(Permissions.canCertify(null)).isFalse();
    }

    @Test
    void onlyAnActiveLaoAdminManagesUsers() {
        assertThat(Permissions.canManageUsers(with(Role.LAO_ADMIN))).isTrue();
        assertThat(Permissions.canManageUsers(with(Role.LAO_ADMIN).withActive(false))).isFalse();
        assertThat(Permissions.canManageUsers(with(Role.CERTIFIER))).isFalse();
        assertThat(Permissions.canManageUsers(with(Role.DISTRICT_OFFICER))).isFalse();
    }
}
