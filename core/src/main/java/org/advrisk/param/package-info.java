/**
 * One declaration per shared parameter (name, parser, allowed range, default, help text), read by
 * every front door: the CLI's picocli options (their defaults and help strings are the constants of
 * {@link org.advrisk.param.Parameters}), spec files ({@code experiment.SpecReader}), the NTK
 * configuration, and the core checks themselves (λ, α, trials, test size). Depends on nothing.
 */
package org.advrisk.param;
