package org.advrisk.theory;

import java.util.List;
import java.util.Map;

/**
 * What {@link TheoryComposer#compose} produces for a {@link TheoryRequest}: the rows of every section asked
 * for (ordered maps, in the column order of their row types), the benign diagnosis over the n grid, the
 * trade-off verdict per (attack, target, α) and the largest tail ratio λ_{P+1}/κ met.
 *
 * @param label         the spectrum's label (of the last n)
 * @param ranks         effective-rank rows, one per n
 * @param diagnosis     the benign diagnosis over the n grid
 * @param de            deterministic-equivalent rows (empty unless asked for)
 * @param tradeoff      trade-off rows (empty unless tradeoff or frontier is asked for)
 * @param tradeVerdicts verdict per "attack/target/alpha=α"
 * @param frontier      Pareto points of the trade-offs
 * @param oracle        oracle-frontier rows (empty unless asked for)
 * @param maxTailRatio  the largest λ_{P+1}/κ of the de rows (0 without them)
 */
public record TheoryTables(String label, List<Map<String, Object>> ranks, BenignDiagnosis diagnosis,
                           List<Map<String, Object>> de, List<Map<String, Object>> tradeoff,
                           Map<String, String> tradeVerdicts, List<Map<String, Object>> frontier,
                           List<Map<String, Object>> oracle, double maxTailRatio) {
}
