package org.infodesk.app.lastyear;

import org.infodesk.app.data.StoreException;
import org.infodesk.protocol.answers.Answers;

/** Last year's certified values of an LAO, beside which this year's are entered. */
public interface LastYearRepository {

    /** Stores (replacing) the certified values of an LAO for a fiscal year. */
    void store(String lao, int fiscalYear, Answers certified) throws StoreException;

    /** The stored values, or none. */
    Answers values(String lao, int fiscalYear) throws StoreException;
}
