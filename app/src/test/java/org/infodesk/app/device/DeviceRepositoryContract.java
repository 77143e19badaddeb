package org.infodesk.app.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import org.infodesk.app.data.StoreException;
import org.junit.jupiter.api.Test;

/** What every {@link DeviceRepository} does; run against the in-memory fake and SQLite. */
public abstract class DeviceRepositoryContract {

    protected abstract DeviceRepository repository() throws Exception;

    @Test
    void nothingIsRecordedUntilAKeyIsAndThenThatKeyStays() throws Exception {
        DeviceRepository repo = repository();
        byte[] first = new byte[32];
        Arrays.fill(first, (byte) 7);

        assertThat(repo.devicePublicKey()).isEmpty();
        repo.recordDevicePublicKey(first);
        StoreException again = catchThrowableOfType(StoreException.class, () -> repo.recordDevicePublicKey(new byte[32]));

        assertThat(again.problem()).isEqualTo(StoreException.Problem.CONFLICT);
        assertThat(repo.devicePublicKey()).hasValueSatisfying(k -> assertThat(k).isEqualTo(first));
    }
}
