package org.infodesk.app.users;

class InMemoryUserRepositoryTest extends UserRepositoryContract {
    @Override
    protected UserRepository repository() {
        return new InMemoryUserRepository();
    }
}
