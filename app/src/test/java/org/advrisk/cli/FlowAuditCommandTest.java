package org.advrisk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code advrisk audit --estimator ridge,gf,gd}: gf/gd rows with ridge's columns plus time, steps, eta and
 * lambda_equiv; gf at t = inf equals ridge at λ = 0; the summary is ridge's; misuse exits 2.
 */
class FlowAuditCommandTest {
    @TempDir
    Path dir;

    @Test
    void gfRowsCarryTimeAndEqualLambdaZeroAtInfinity() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, AuditCommandTest.table(60));
        CliRunner r = CliRunner.run("audit", f.toString(), "--target", "y", "--lambda", "0,0.1", "--alpha", "0.1",
                "--estimator", "ridge,gf,gd", "--time", "0.5,inf", "--eta", "0.5", "--steps", "3", "--format", "csv",
                "--quiet");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, String>> rows = AdvTrainSpecRunTest.csv(r.out());
        assertThat(r.out().lines().findFirst().orElseThrow()).isEqualTo("split,estimator,lambda,time,steps,eta,lambda_equiv,"
                + "attack,alpha,train_mse,test_mse,adv_test_mse,adv_test_mse_se,certified,norm_dual,n_train,n_test,p");
        assertThat(rows).hasSize(2 + 2 + 1);
        Map<String, String> ridge0 = rows.get(0);
        Map<String, String> gfInf = rows.get(3);
        assertThat(ridge0.get("estimator") + ridge0.get("lambda") + ridge0.get("time")).isEqualTo("ridge0.0NaN");
        assertThat(gfInf.get("estimator") + gfInf.get("time") + gfInf.get("steps") + gfInf.get("lambda_equiv"))
                .isEqualTo("gfInfinityinf0.0");
        for (String c : List.of("train_mse", "test_mse", "adv_test_mse", "norm_dual")) {
            assertThat(gfInf.get(c)).as(c).isEqualTo(ridge0.get(c));
        }
        Map<String, String> gd = rows.get(4);
        assertThat(gd.get("estimator") + "|" + gd.get("steps") + "|" + gd.get("eta") + "|" + gd.get("time"))
                .isEqualTo("gd|3|0.5|1.5");
    }

    @Test
    void gfWithoutRidgeOrWithAMapIsRefused() throws IOException {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, AuditCommandTest.table(30));
        for (String[] args : List.of(new String[] {"--estimator", "gf", "--time", "1"},
                new String[] {"--estimator", "ridge,gf", "--time", "1", "--map", "rff:features=10"},
                new String[] {"--estimator", "ridge,gf"})) {
            String[] all = new String[args.length + 4];
            all[0] = "audit";
            all[1] = f.toString();
            all[2] = "--target";
            all[3] = "y";
            System.arraycopy(args, 0, all, 4, args.length);
            CliRunner r = CliRunner.run(all);
            assertThat(r.code()).as(String.join(" ", args) + r.err()).isEqualTo(2);
            assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }
}
