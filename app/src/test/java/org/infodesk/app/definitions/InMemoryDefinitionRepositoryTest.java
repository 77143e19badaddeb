package org.infodesk.app.definitions;

class InMemoryDefinitionRepositoryTest extends DefinitionRepositoryContract {
    @Override
    protected DefinitionRepository repository() {
        return new InMemoryDefinitionRepository();
    }
}
