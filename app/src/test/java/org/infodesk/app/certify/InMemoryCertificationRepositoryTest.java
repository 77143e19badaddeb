package org.infodesk.app.certify;

import java.time.Clock;
import org.infodesk.app.form.InMemoryAnswerRepository;

class InMemoryCertificationRepositoryTest extends CertificationRepositoryContract {
    @Override
    protected Repos repos() {
        InMemoryAnswerRepository answers = new InMemoryAnswerRepository(Clock.systemUTC(), "dla-lao-info/2564/1");
        return new Repos(answers, new InMemoryCertificationRepository(answers));
    }
}
