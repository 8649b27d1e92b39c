package org.advrisk.linear;

import java.util.Optional;

/**
 * A path of explicit coefficient vectors θ̂ (one per parameter value) on explicit training data: the
 * door for estimators that compute θ̂ directly (adversarial training, any iterative solver). Its exact
 * quantities are computed from θ̂ itself by the same code as the least-squares path, so
 * {@link LinearRiskRows} turns it into rows exactly as it does for ridge.
 */
public final class ThetaPath implements LinearPath {
    private final String parameter;
    private final DesignData data;
    private final double[] params;
    private final double[][] thetas;
    private final ExplicitTheta.Population population;

    private ThetaPath(String parameter, DesignData data, double[] params, double[][] thetas) {
        this.parameter = parameter;
        this.data = data;
        this.params = params.clone();
        this.thetas = new double[thetas.length][];
        for (int k = 0; k < thetas.length; k++) {
            this.thetas[k] = thetas[k].clone();
        }
        this.population = data.source().map(s -> ExplicitTheta.Population.of(s.problem())).orElse(null);
    }

    /**
     * The path of θ̂ vectors thetas[k] at parameter values params[k] (distinct), fitted on data.
     *
     * @param parameter the parameter's column name (e.g. {@code lambda}, {@code delta})
     */
    public static ThetaPath of(String parameter, DesignData data, double[] params, double[][] thetas) {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("theta path: the parameter needs a name");
        }
        if (params.length == 0 || params.length != thetas.length) {
            throw new IllegalArgumentException("theta path: " + params.length + " parameter values for "
                    + thetas.length + " coefficient vectors; need the same positive number");
        }
        for (int k = 0; k < params.length; k++) {
            if (thetas[k].length != data.p()) {
                throw new IllegalArgumentException("theta path: vector " + k + " has " + thetas[k].length
                        + " coordinates, the design p=" + data.p());
            }
            for (int j = 0; j < k; j++) {
                if (Double.compare(params[j], params[k]) == 0) {
                    throw new IllegalArgumentException(parameter + ": " + params[k] + " appears twice in the path");
                }
            }
        }
        return new ThetaPath(parameter, data, params, thetas);
    }

    private int index(double param) {
        for (int k = 0; k < params.length; k++) {
            if (Double.compare(params[k], param) == 0) {
                return k;
            }
        }
        throw new IllegalArgumentException(parameter + ": " + param + " is not on this path; it holds "
                + java.util.Arrays.toString(params));
    }

    @Override
    public String parameter() {
        return parameter;
    }

    @Override
    public int n() {
        return data.n();
    }

    @Override
    public long p() {
        return data.p();
    }

    @Override
    public Optional<SampleSource> source() {
        return data.source();
    }

    @Override
    public boolean hasTheta() {
        return true;
    }

    @Override
    public double[] theta(double param) {
        return thetas[index(param)].clone();
    }

    @Override
    public double trainMse(double param) {
        return ExplicitTheta.trainMse(data.n(), data.columns(), data.x(), data.y(), thetas[index(param)]);
    }

    @Override
    public PathPoint[] at(double[] ps) {
        problem(); // refuses a table without a population
        PathPoint[] out = new PathPoint[ps.length];
        for (int i = 0; i < ps.length; i++) {
            out[i] = ExplicitTheta.point(ps[i], thetas[index(ps[i])], population, data.n(), data.columns(), data.x(),
                    data.y());
        }
        return out;
    }

    @Override
    public ThetaSummary[] summarize(double[] ps, double[] exponents, int testSize) {
        problem();
        double[][] ts = new double[ps.length][];
        for (int i = 0; i < ps.length; i++) {
            ts[i] = thetas[index(ps[i])];
        }
        return ExplicitTheta.summaries(data.source().get(), ps, ts, population.thetaStar(), exponents, testSize);
    }
}
