package org.planwright.tuning.pgtune;

import java.util.List;

/** The CSV line splitter of {@link PgTuneReferenceTest}, for the other tests' recorded inputs. */
public final class PgTuneReferenceTestAccess {

    private PgTuneReferenceTestAccess() {
    }

    /** @return the cells of one CSV line */
    public static List<String> parse(String line) {
        return PgTuneReferenceTest.parse(line);
    }
}
