/**
 * One declaration per shared parameter (name, parser, allowed range or values, default, help text), read by
 * every front door: the CLI's picocli options (their defaults, converters and completion candidates), spec
 * files ({@code experiment.SpecReader}), the audit, the explorer's API and page, and the core checks
 * themselves. {@link org.advrisk.param.NumberParam}/{@link org.advrisk.param.IntParam} declare numbers,
 * {@link org.advrisk.param.Choice} string choices ({@link org.advrisk.param.Choices});
 * {@link org.advrisk.param.Lists} is the one list grammar and {@link org.advrisk.param.SizeExpr} the one
 * p(n) grammar. Depends on nothing.
 */
package org.advrisk.param;
