/**
 * {@code advrisk explore}: a local web server (127.0.0.1 only) with one page and a small JSON API
 * over the theory package (deterministic equivalents, trade-off, benign diagnosis; milliseconds per
 * request) and the linear package (simulated training sets in the background). The API's parameter
 * names are the command line's flags, so a view, its URL, a command and a spec say the same thing.
 */
package org.advrisk.explore;
