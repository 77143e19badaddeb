package org.infodesk.app.device;

import java.util.Optional;
import org.infodesk.app.data.StoreException;

/** The in-memory double of {@link DeviceRepository}. */
public final class InMemoryDeviceRepository implements DeviceRepository {

    private byte[] recorded;

    @Override
    public synchronized Optional<byte[]> devicePublicKey() {
        return Optional.ofNullable(recorded).map(byte[]::clone);
    }

    @Override
    public synchronized void recordDevicePublicKey(byte[] raw) throws StoreException {
        if (recorded != null) {
            throw new StoreException(StoreException.Problem.CONFLICT, null, "a device key is recorded already");
        }
        recorded = raw.clone();
    }
}
