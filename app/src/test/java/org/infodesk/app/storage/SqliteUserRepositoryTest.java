package org.infodesk.app.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Statement;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.users.UserRepository;
import org.infodesk.app.users.UserRepositoryContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteUserRepositoryTest extends UserRepositoryContract {

    @TempDir
    Path folder;
    @RegisterExtension
    final OpenStores stores = new OpenStores();
    private Store store;

    @Override
    protected UserRepository repository() throws Exception {
        store = stores.open(folder);
        return new SqliteUserRepository(store);
    }

    @Test
    void theDatabaseRefusesToDeleteAUserOrRenameOne() throws Exception {
        UserRepository repo = repository();
        repo.addFirst(ADMIN, "$argon2id$v=19$m=1024,t=1,p=1$c2FsdA$aGFzaA");

        for (String sql : new String[] {"DELETE FROM app_user", "UPDATE app_user SET username = 'other'"}) {
            StoreException e = catchThrowableOfType(StoreException.class, () -> store.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate(sql);
                }
            }));
            assertThat(e).as(sql).isNotNull();
        }
        assertThat(repo.find("somchai")).contains(ADMIN);
    }
}
