package org.advrisk.experiment;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@link Runner} delivers rows: one trial's rows at a time, atomically, with the keys of the
 * trials already delivered (so a rerun resumes). The local run directory ({@link ResultStore}: locking,
 * manifest, JSONL recovery, CSV) is one implementation; another engine can deliver through the same door.
 */
public interface ResultSink extends Closeable {
    /** Keys ({@link Trial#key()}) of the trials whose rows are already stored. */
    Set<String> finished();

    /** Stores all rows of one trial at once (all or nothing). */
    void append(Trial trial, List<Map<String, Object>> rows) throws IOException;

    /** Ends a session: {@code order} is the sweep order, {@code status} e.g. complete or interrupted. */
    void finish(List<Trial> order, String status) throws IOException;
}
