/**
 * Reports of run directories: aggregated tables, plots (PNG and SVG through XChart), verdicts
 * computed from the numbers by stated rules, and one self-contained report.html.
 */
package org.advrisk.report;
