package org.infodesk.app.storage;

import java.nio.file.Path;
import org.infodesk.app.definitions.DefinitionRepository;
import org.infodesk.app.definitions.DefinitionRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SqliteDefinitionRepositoryTest extends DefinitionRepositoryContract {

    @TempDir
    Path folder;
    @RegisterExtension
    final OpenStores stores = new OpenStores();

    @Override
    protected DefinitionRepository repository() throws Exception {
        return new SqliteDefinitionRepository(stores.open(folder));
    }
}
