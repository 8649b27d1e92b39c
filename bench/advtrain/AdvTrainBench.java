import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.advrisk.advtrain.AdvTrainData;
import org.advrisk.advtrain.AdvTrainFit;
import org.advrisk.advtrain.AdvTrainPath;
import org.advrisk.advtrain.AdversarialTraining;
import org.advrisk.model.AttackNorm;

/**
 * Times advrisk's adversarial-training path (l2, no intercept, warm-started) on a data set written by
 * make_data.py; best of REPS runs in one JVM, stopping at relative duality gap TOL (default the solver's).
 * Prints one JSON line. Usage: PREFIX N P [REPS] [TOL]
 */
public class AdvTrainBench {
    public static void main(String[] args) throws IOException {
        String prefix = args[0];
        int n = Integer.parseInt(args[1]);
        int p = Integer.parseInt(args[2]);
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        double tol = args.length > 4 ? Double.parseDouble(args[4]) : AdversarialTraining.Options.DEFAULT.tolerance();
        AdversarialTraining.Options options = new AdversarialTraining.Options(tol, 5000);
        double[] x = read(prefix + ".x", (long) n * p);
        double[] y = read(prefix + ".y", n);
        double[] deltas = Files.readAllLines(Path.of(prefix + ".deltas")).stream().filter(s -> !s.isBlank())
                .mapToDouble(Double::parseDouble).toArray();
        AdvTrainData data = new AdvTrainData(n, p, x, y, false);
        double best = Double.POSITIVE_INFINITY;
        AdvTrainPath path = null;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            path = new AdversarialTraining(data, AttackNorm.L2, options).path(deltas);
            best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        }
        List<AdvTrainFit> fits = path.fits();
        StringBuilder obj = new StringBuilder();
        StringBuilder it = new StringBuilder();
        StringBuilder gap = new StringBuilder();
        StringBuilder st = new StringBuilder();
        for (AdvTrainFit f : fits) {
            String sep = obj.length() == 0 ? "" : ",";
            obj.append(sep).append(f.objective());
            it.append(sep).append(f.iterations());
            gap.append(sep).append(f.relativeGap());
            st.append(sep).append('"').append(f.status().label()).append('"');
        }
        System.out.println("{\"total_s\": " + best + ", \"delta0\": " + path.thresholds().delta0() + ", \"deltaBar\": "
                + path.thresholds().deltaBar() + ", \"objectives\": [" + obj + "], \"iterations\": [" + it
                + "], \"gaps\": [" + gap + "], \"status\": [" + st + "]}");
    }

    private static double[] read(String file, long count) throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of(file));
        if (bytes.length != count * 8) {
            throw new IllegalArgumentException(file + ": " + bytes.length + " bytes, expected " + count * 8);
        }
        double[] out = new double[(int) count];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }
}
