package org.advrisk.audit;

import org.advrisk.data.Rows;

/**
 * What {@link AuditRunner#run} gives back: the table's rows as read (in memory when small), their count and
 * the audit's result.
 *
 * @param rows   the rows of the table (for a refit on every row)
 * @param n      the number of rows
 * @param result the audit's rows and summaries
 */
public record AuditOutcome(Rows rows, long n, AuditResult result) {
}
