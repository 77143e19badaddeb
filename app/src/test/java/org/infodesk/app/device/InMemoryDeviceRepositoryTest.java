package org.infodesk.app.device;

class InMemoryDeviceRepositoryTest extends DeviceRepositoryContract {
    @Override
    protected DeviceRepository repository() {
        return new InMemoryDeviceRepository();
    }
}
