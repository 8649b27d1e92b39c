package org.advrisk.spark;

import java.io.Serializable;
import org.advrisk.linalg.Blas;
import org.advrisk.linear.GramSampler;
import org.advrisk.model.LinearProblem;
import org.advrisk.model.LinearProblemSpec;
import scala.collection.Iterator;
import scala.runtime.AbstractFunction1;

/**
 * The executor side of a huge-p Gram sum: a partition holds one chunk index; the problem is rebuilt
 * from its text form (once per executor JVM) and {@link GramSampler#chunk} sums the chunk's blocks
 * in block order with BLAS single-threaded. A pure function of (problem, seed, trial, chunk).
 */
final class GramFunction extends AbstractFunction1<Iterator<Long>, PackedChunk> implements Serializable {
    private static final long serialVersionUID = 1L;
    private static LinearProblemSpec cachedSpec;
    private static LinearProblem cachedProblem;

    private final LinearProblemSpec spec;
    private final long trial;

    GramFunction(LinearProblemSpec spec, long trial) {
        this.spec = spec;
        this.trial = trial;
    }

    private static synchronized LinearProblem problem(LinearProblemSpec spec) {
        if (!spec.equals(cachedSpec)) {
            cachedProblem = spec.problem();
            cachedSpec = spec;
        }
        return cachedProblem;
    }

    @Override
    public PackedChunk apply(Iterator<Long> chunks) {
        long c = chunks.next();
        if (chunks.hasNext()) {
            throw new IllegalStateException("a Gram partition must hold exactly one chunk");
        }
        Blas.threads(1);
        LinearProblem problem = problem(spec);
        return PackedChunk.of(GramSampler.chunk(problem, spec.seed(), trial, problem.p(), c));
    }
}
