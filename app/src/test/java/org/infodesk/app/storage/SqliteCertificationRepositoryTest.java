package org.infodesk.app.storage;

import java.nio.file.Path;
import org.infodesk.app.certify.CertificationRepositoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

class SqliteCertificationRepositoryTest extends CertificationRepositoryContract {

    @TempDir
    Path folder;
    private Store store;

    @Override
    protected Repos repos() throws Exception {
        store = StoreFixture.open(folder);
        SqliteAnswerRepository answers = new SqliteAnswerRepository(store, StoreFixture.DEFINITION.key());
        return new Repos(answers, new SqliteCertificationRepository(store, answers));
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }
}
