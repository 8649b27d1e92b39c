package org.advrisk.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.advrisk.experiment.InputFiles;
import org.advrisk.io.JsonMappers;

/**
 * What an audit was asked, recorded in its directory's manifest: every flag that changes the results
 * (not --format, --quiet, --out), input files by real path with the SHA-256 of their content. An
 * audit directory is replaced only by the same request ({@link AuditDirectory}).
 */
final class AuditRequest {
    private AuditRequest() {
    }

    /** The inputs a command must never write over: the table, the test table, the budget and model files. */
    static List<Path> inputs(AuditCommand c) {
        List<Path> in = new ArrayList<>();
        for (Path p : new Path[] {c.file, c.testFile, c.budget, c.model}) {
            if (p != null) {
                in.add(p);
            }
        }
        return in;
    }

    /** The request of an audit, with the parsed λ and α grids. */
    static ObjectNode of(AuditCommand c, double[] lambdas, double[] alphas) throws IOException {
        ObjectNode r = JsonNodeFactory.instance.objectNode();
        r.put("dataset", c.dataset);
        file(r, "file", c.file);
        r.put("target", c.target);
        r.put("features", c.features);
        r.put("drop", c.drop);
        r.put("missing", c.missing);
        file(r, "test", c.testFile);
        r.put("test_fraction", c.testFraction);
        r.put("split_seed", c.splitSeed);
        r.put("repeats", c.repeats);
        r.put("cv", c.cv);
        r.put("standardize", c.standardize);
        r.put("drop_constant", c.dropConstant);
        lambdas(r.putArray("lambda"), lambdas);
        lambdas(r.putArray("alpha"), alphas);
        r.put("attack", c.attack);
        r.put("alpha_scale", c.alphaScale);
        file(r, "budget", c.budget);
        r.put("map", c.map);
        r.put("estimator", c.estimators.estimator);
        r.put("delta", c.estimators.delta);
        r.put("train_attack", c.estimators.trainAttack);
        r.put("time", c.estimators.time);
        r.put("eta", c.estimators.eta);
        r.put("steps", c.estimators.steps);
        r.put("seed", c.seed);
        r.put("pgd_steps", c.pgdSteps);
        r.put("pgd_restarts", c.pgdRestarts);
        file(r, "model", c.model);
        r.put("save_model", c.saveModel == null ? null : c.saveModel.toAbsolutePath().normalize().toString());
        r.put("choose", c.choose);
        // as it reads back from the manifest (ints as ints), so that the same request compares equal
        return (ObjectNode) JsonMappers.PLAIN.readTree(JsonMappers.PLAIN.writeValueAsString(r));
    }

    private static void lambdas(com.fasterxml.jackson.databind.node.ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }

    private static void file(ObjectNode r, String field, Path p) throws IOException {
        if (p == null) {
            r.putNull(field);
            return;
        }
        if (!Files.isRegularFile(p)) {
            r.put(field, p.toAbsolutePath().normalize().toString()); // the reader names the problem
            return;
        }
        ObjectNode f = r.putObject(field);
        f.put("path", p.toRealPath().toString());
        f.put("sha256", InputFiles.sha256("--" + field, p));
    }
}
