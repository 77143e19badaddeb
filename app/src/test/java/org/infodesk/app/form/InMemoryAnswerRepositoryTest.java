package org.infodesk.app.form;

import java.time.Clock;

class InMemoryAnswerRepositoryTest extends AnswerRepositoryContract {
    @Override
    protected AnswerRepository repository() {
        return new InMemoryAnswerRepository(Clock.systemUTC(), "dla-lao-info/2564/1");
    }
}
