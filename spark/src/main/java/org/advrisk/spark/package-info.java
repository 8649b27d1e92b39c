/**
 * The Apache Spark engine ({@code --engine spark}): {@link org.advrisk.spark.SparkEngine} implements
 * core's {@link org.advrisk.experiment.Engine}, found by the CLI through
 * {@link org.advrisk.experiment.Engine.Provider} (ServiceLoader), so neither core nor the app links
 * against Spark. Sweeps run as one task per trial, huge-p Gram sums as one task per chunk of feature
 * blocks; results come back to the driver and are stored or added in the local path's order, which
 * makes every output bit-identical to a local run.
 */
package org.advrisk.spark;
