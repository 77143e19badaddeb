package org.infodesk.app.storage;

import java.nio.file.Path;
import org.infodesk.app.device.DeviceRepository;
import org.infodesk.app.device.DeviceRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteDeviceRepositoryTest extends DeviceRepositoryContract {

    @TempDir
    Path folder;
    @RegisterExtension
    final OpenStores stores = new OpenStores();

    @Override
    protected DeviceRepository repository() throws Exception {
        return new SqliteDeviceRepository(stores.open(folder));
    }
}
