/**
 * A user's tables: CSV/TSV files (optionally gzip-compressed) and shipped datasets read as streams
 * of numeric rows, train/test splits seeded through {@code org.advrisk.random}, standardisation from
 * training statistics only, and streaming Gram accumulation (XᵀX when p &lt; n, XXᵀ otherwise) so
 * that a large table is never held in memory.
 */
package org.advrisk.data;
