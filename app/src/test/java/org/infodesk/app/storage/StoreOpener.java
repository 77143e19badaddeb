package org.infodesk.app.storage;

import java.nio.file.Path;
import org.infodesk.app.data.StoreException;

/** A child JVM that opens the store in a folder and says how it went: {@code OPENED} or the problem. */
public final class StoreOpener {

    private StoreOpener() {}

    public static void main(String[] args) {
        String said;
        try (Store store = StoreFixture.open(Path.of(args[0]))) {
            said = "OPENED";
        } catch (StoreException e) {
            said = "PROBLEM " + e.problem() + " backup=" + e.latestBackup().isPresent();
        }
        System.out.println(said);
        System.out.println("DONE");
        System.out.flush();
    }
}
