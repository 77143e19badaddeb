package org.infodesk.app.lastyear;

import java.nio.file.Path;
import org.infodesk.app.data.StoreException;
import org.infodesk.app.form.AnswerRepository;
import org.infodesk.app.form.DomainKey;
import org.infodesk.app.form.DomainRecord;
import org.infodesk.protocol.answers.Answers;
import org.infodesk.protocol.definition.Definition;

/**
 * The update (ปรับปรุง) workflow: last year's certified values come in (from a file now, from
 * the server with issue 7), stand beside each field, and a domain's draft for the new year can
 * start from them instead of from nothing.
 */
public final class UpdateWorkflow {

    private final AnswerRepository answers;
    private final LastYearRepository lastYear;
    private final Definition definition;

    public UpdateWorkflow(AnswerRepository answers, LastYearRepository lastYear, Definition definition) {
        this.answers = answers;
        this.lastYear = lastYear;
        this.definition = definition;
    }

    /** Imports a file of certified values; returns what it held (and what was dropped). */
    public LastYearFile.Contents importFile(Path file) throws StoreException {
        LastYearFile.Contents contents = LastYearFile.read(file, definition);
        lastYear.store(contents.lao(), contents.fiscalYear(), contents.answers());
        return contents;
    }

    /** Last year's values for this domain's LAO (the fiscal year before the key's). */
    public Answers lastYear(DomainKey key) throws StoreException {
        return lastYear.values(key.lao(), key.fiscalYear() - 1);
    }

    /** Opens the domain's first draft of the year holding last year's certified values. */
    public DomainRecord startFromLastYear(DomainKey key, String user) throws StoreException {
        return answers.startDraft(key, lastYear(key).domain(key.domain()), user);
    }
}
