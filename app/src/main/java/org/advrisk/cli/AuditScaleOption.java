package org.advrisk.cli;

import org.advrisk.param.Parameters;
import picocli.CommandLine.Option;

/** {@code advrisk audit --attack-scale G}: budgets α·sd_j^G in raw units ({@link Parameters#ATTACK_SCALE}). */
public final class AuditScaleOption {
    @Option(names = "--attack-scale", defaultValue = "0", paramLabel = "G",
            description = {"Shape of the budget with --standardize off: feature j moves by at most α·sd_j^G in raw units",
                "(sd_j of the training rows; times its --budget weight). 0 = α in raw units (default), 1 = the",
                "standardised attack of --standardize on. G in [0, 2]. Default: ${DEFAULT-VALUE}."})
    String attackScale;

    /** G. */
    double value() {
        return Parameters.ATTACK_SCALE.parse(attackScale);
    }
}
