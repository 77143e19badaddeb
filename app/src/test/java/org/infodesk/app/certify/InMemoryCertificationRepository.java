package org.infodesk.app.certify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.app.form.DomainState;
import org.infodesk.app.form.InMemoryAnswerRepository;

/** The in-memory double of {@link CertificationRepository}, working on the answer fake's revisions. */
public final class InMemoryCertificationRepository implements CertificationRepository {

    private final InMemoryAnswerRepository answers;
    private final List<CertifiedSnapshot> snapshots = new ArrayList<>();

    public InMemoryCertificationRepository(InMemoryAnswerRepository answers) {
        this.answers = answers;
    }

    @Override
    public synchronized CertifiedSnapshot certify(Certification c) throws StoreException {
        DomainRecord current = answers.current(c.key());
        if (answers.revisions(c.key()).isEmpty() || current.revision() != c.revision()) {
            throw new StoreException(StoreException.Problem.CONFLICT, null, "not the current revision");
        }
        if (!current.editable()) {
            throw new StoreException(StoreException.Problem.FROZEN, null, c.key().toString());
        }
        if (snapshots.stream().anyMatch(s -> s.submissionId().equals(c.submissionId()))) {
            throw new StoreException(StoreException.Problem.CONFLICT, null, "submission id in use");
        }
        CertifiedSnapshot s = new CertifiedSnapshot(c.key(), c.revision(), c.submissionId(), c.payload(), c.digest(),
                c.signature(), c.certifierName(), c.certifierPosition(), c.certifiedAt());
        snapshots.add(s);
        List<InMemoryAnswerRepository.Rev> revs = answers.revisions(c.key());
        revs.get(revs.size() - 1).state = DomainState.QUEUED;
        return s;
    }

    @Override
    public synchronized DomainRecord amend(DomainKey key, String user) throws StoreException {
        List<InMemoryAnswerRepository.Rev> revs = answers.revisions(key);
        if (revs.isEmpty() || answers.current(key).editable()) {
            throw new StoreException(StoreException.Problem.CONFLICT, null, "nothing certified to amend");
        }
        InMemoryAnswerRepository.Rev last = revs.get(revs.size() - 1);
        answers.startNext(key, last);
        return answers.current(key);
    }

    @Override
    public synchronized List<CertifiedSnapshot> snapshots(DomainKey key) {
        return snapshots.stream().filter(s -> s.key().equals(key)).toList();
    }

    @Override
    public synchronized Optional<CertifiedSnapshot> snapshot(String submissionId) {
        return snapshots.stream().filter(s -> s.submissionId().equals(submissionId)).findFirst();
    }
}
