/**
 * The only code of advrisk that calls BLAS/LAPACK (OpenBLAS through bytedeco/javacpp).
 *
 * <p>All matrices are dense {@code double[]} in <b>column-major</b> order with an explicit leading
 * dimension equal to the row count. Symmetric results are returned with both triangles filled.
 */
package org.advrisk.linalg;
