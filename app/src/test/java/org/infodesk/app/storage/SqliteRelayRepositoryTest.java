package org.infodesk.app.storage;

import java.nio.file.Path;
import org.infodesk.app.relay.RelayRepository;
import org.infodesk.app.relay.RelayRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteRelayRepositoryTest extends RelayRepositoryContract {

    @TempDir
    Path folder;
    @RegisterExtension
    final OpenStores stores = new OpenStores();

    @Override
    protected RelayRepository repository() throws Exception {
        return new SqliteRelayRepository(stores.open(folder));
    }
}
