package org.infodesk.app.storage;

import java.nio.file.Path;

/** A second process for tests: opens the store in a folder, says READY, and holds it until stdin closes. */
public final class StoreHolder {

    private StoreHolder() {}

    public static void main(String[] args) throws Exception {
        try (Store store = StoreFixture.open(Path.of(args[0]))) {
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the store until the parent closes our input
            }
        }
    }
}
