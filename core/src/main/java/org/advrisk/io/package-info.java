/**
 * Writing files and JSON the one way: {@link org.advrisk.io.AtomicFiles} replaces a file atomically (a
 * sibling temporary file, forced to disk, moved over the target) and {@link org.advrisk.io.JsonMappers}
 * holds the one Jackson configuration with its few named variants. Uses no other package of advrisk.
 */
package org.advrisk.io;
