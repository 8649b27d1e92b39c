/**
 * The registry of output columns: every column a row of advrisk can carry ({@link Columns}: name,
 * meaning, unit, value kind), the column order of every row type ({@link RowTypes}), and the rows
 * themselves ({@link Row}), built column by column and turned into the ordered maps that the CSV
 * writers, the JSON writers and the run directory take. A column is renamed or added here and nowhere
 * else; the report and the explorer look columns up through these constants. Depends on nothing.
 */
package org.advrisk.columns;
