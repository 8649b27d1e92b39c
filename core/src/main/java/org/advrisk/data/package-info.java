/**
 * A user's tables: CSV/TSV files (optionally gzip-compressed), Parquet files (through DuckDB) and
 * shipped datasets, read once (CSV: split by hand in pieces parsed in parallel and added in file
 * order) into numeric rows kept on the heap or in a temporary binary file; train/test splits seeded
 * through {@code org.advrisk.random}, standardisation from training statistics only, and Gram
 * accumulation (XᵀX when p &lt; n, XXᵀ otherwise) so that a large table is never held in memory.
 */
package org.advrisk.data;
