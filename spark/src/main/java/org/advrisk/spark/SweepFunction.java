package org.advrisk.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.advrisk.experiment.Json;
import org.advrisk.experiment.Runner;
import org.advrisk.experiment.Spec;
import org.advrisk.experiment.SpecReader;
import org.advrisk.experiment.Sweep;
import org.advrisk.experiment.Trial;
import org.advrisk.experiment.TrialEvaluator;
import org.advrisk.linalg.Blas;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The executor side of a sweep: a partition holds one {@link TrialTask}; the spec (shipped as its
 * JSON tree) is expanded and its evaluator built once per executor JVM, and the trial's rows are
 * computed with BLAS single-threaded. A pure function of (spec, index): a retried task returns the
 * same rows.
 */
final class SweepFunction extends AbstractFunction1<Iterator<TrialTask>, TrialResult> implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Expanded specs of this executor JVM, by spec JSON (a handful at most). */
    private static final Map<String, Prepared> PREPARED = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Prepared> eldest) {
            return size() > 4;
        }
    };

    private final String specJson;

    SweepFunction(String specJson) {
        this.specJson = specJson;
    }

    /** The spec, its trials and its evaluator (shared by the trials of one JVM, as in the local runner). */
    private record Prepared(List<Trial> trials, TrialEvaluator evaluator) {
    }

    /** Reads a spec back from the JSON its {@link Spec#toTree} wrote. */
    static Spec readSpec(String json) {
        try {
            return SpecReader.read(Json.MAPPER.readTree(json), "spec");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("spec JSON from the driver is unreadable", e);
        }
    }

    private static Prepared prepared(String json) {
        synchronized (PREPARED) {
            Prepared p = PREPARED.get(json);
            if (p == null) {
                Spec spec = readSpec(json);
                p = new Prepared(Sweep.trials(spec), TrialEvaluator.forSpec(spec));
                PREPARED.put(json, p);
            }
            return p;
        }
    }

    @Override
    public TrialResult apply(Iterator<TrialTask> tasks) {
        TrialTask task = tasks.next();
        if (tasks.hasNext()) {
            throw new IllegalStateException("a sweep partition must hold exactly one trial");
        }
        Blas.threads(1);
        try {
            Prepared p = prepared(specJson);
            Trial trial = p.trials().get(task.index());
            if (!trial.key().equals(task.key())) {
                throw new IllegalStateException("trial " + task.index() + " is " + trial.key() + " here but "
                        + task.key() + " on the driver: driver and executors expand the spec differently");
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map<String, Object> r : Runner.rowsOf(p.evaluator(), trial)) {
                rows.add(new LinkedHashMap<>(r));
            }
            return new TrialResult(task.index(), task.key(), rows, null);
        } catch (IllegalArgumentException e) {
            return new TrialResult(task.index(), task.key(), null, e.getMessage());
        }
    }
}
