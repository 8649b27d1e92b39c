package org.advrisk.report;

import static org.advrisk.report.Figures.N_AXIS;
import static org.advrisk.report.Figures.PALETTE;
import static org.advrisk.report.Figures.RISK;
import static org.advrisk.report.Figures.points;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.advrisk.columns.Columns;
import org.advrisk.experiment.Aggregation.Group;
import org.advrisk.report.Figure.Axis;
import org.advrisk.report.Figure.Marker;
import org.advrisk.report.Figure.Role;
import org.advrisk.report.Figure.Series;
import org.advrisk.report.Figure.Stroke;

/** The NTK family's figures against n: the interpolator's risks and its E‖∇ₓf̂‖², with linear ridge at λ_eff. */
final class NtkFigures {
    private NtkFigures() {
    }

    static Figure riskVsN(RunData data, Map<String, Object> s, List<Group> gs, String id) {
        double[] ns = RunData.distinct(gs, Columns.N);
        double[] alphas = RunData.distinct(gs, Columns.ALPHA);
        List<Series> series = new ArrayList<>();
        series.add(points("R (NTK)", ns, gs, alphas[0], Columns.STD_RISK, PALETTE[0], Marker.CIRCLE));
        series.add(Series.line("R (linear ridge at λ_eff)", Role.THEORY, ns,
                RunData.series(gs, ns, alphas[0], Columns.LIN_STD_RISK), PALETTE[0], Stroke.SOLID));
        series.addAll(TheoryLines.series(data, s, ns, alphas));
        series.addAll(Figures.perBudget(gs, ns, alphas, "R_α PGD (NTK), α = ", "R_α (linear ridge at λ_eff), α = ",
                Columns.LIN_ADV_RISK));
        return new Figure(id, "NTK interpolator: risks vs n (" + s.get(Columns.SPECTRUM.name()) + ", d = "
                + s.get(Columns.P_RULE.name()) + ")", "NTK (K1, first layer trained) kernel interpolator, λ = 0 (the"
                + " limit of gradient descent at infinite width): risks against n, log-log. Standard risk R (circles)"
                + " and PGD adversarial risk R_α per budget α (squares) on the test points; lines: the same risks of"
                + " linear ridge regression at the implicit ridge λ_eff = tr Σ/n (the linearisation of docs/ntk.md §3);"
                + " dashed: the ground truth's α²‖θ*‖². " + RunData.label(s), N_AXIS, RISK, series);
    }

    static Figure gradVsN(Map<String, Object> s, List<Group> gs, String id) {
        double[] ns = RunData.distinct(gs, Columns.N);
        double a0 = RunData.distinct(gs, Columns.ALPHA)[0];
        List<Series> series = new ArrayList<>();
        series.add(points("E‖∇ₓf̂‖² (NTK)", ns, gs, a0, Columns.NORM_L2_SQ, PALETTE[0], Marker.CIRCLE));
        double[] lin = RunData.series(gs, ns, a0, Columns.LIN_NORM_L2);
        for (int i = 0; i < lin.length; i++) {
            lin[i] *= lin[i];
        }
        series.add(Series.line("‖θ̂_ridge‖² (linear ridge at λ_eff)", Role.THEORY, ns, lin, PALETTE[1], Stroke.DASHED));
        return new Figure(id, "NTK interpolator: E‖∇ₓf̂‖² vs n (" + s.get(Columns.SPECTRUM.name()) + ", d = "
                + s.get(Columns.P_RULE.name()) + ")", "E‖∇ₓf̂‖² of the NTK interpolator (mean over test points of the"
                + " squared input-gradient norm, the non-linear analogue of ‖θ̂‖² that the attack exploits) against n,"
                + " with ‖θ̂_ridge‖² of linear ridge at λ_eff = tr Σ/n (line). " + RunData.label(s), N_AXIS,
                new Axis("E‖∇ₓf̂(x)‖₂² over test points, log scale", true), series);
    }
}
