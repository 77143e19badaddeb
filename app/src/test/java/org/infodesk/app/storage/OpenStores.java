package org.infodesk.app.storage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infodesk.app.data.StoreException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Opens stores for a test ({@code @RegisterExtension}) and closes them after it. */
public final class OpenStores implements AfterEachCallback {

    private final List<Store> open = new ArrayList<>();

    /** A store in a folder, with the FY 2564 definition ({@link StoreFixture}), closed after the test. */
    public Store open(Path folder) throws StoreException {
        Store store = StoreFixture.open(folder);
        open.add(store);
        return store;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(Store::close);
        open.clear();
    }
}
