package org.infodesk.app.relay;

class InMemoryRelayRepositoryTest extends RelayRepositoryContract {
    @Override
    protected RelayRepository repository() {
        return new InMemoryRelayRepository();
    }
}
