package org.infodesk.app.storage;

import java.nio.file.Path;
import org.infodesk.app.form.AnswerRepository;
import org.infodesk.app.form.AnswerRepositoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteAnswerRepositoryTest extends AnswerRepositoryContract {

    @TempDir
    Path folder;
    private Store store;

    @Override
    protected AnswerRepository repository() throws Exception {
        store = StoreFixture.open(folder);
        return new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
