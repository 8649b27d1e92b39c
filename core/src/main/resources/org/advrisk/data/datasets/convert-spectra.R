# Converts the tecator (r-cran-caret) and gasoline (r-cran-pls) data sets of Debian's R packages
# to gzip-compressed CSV. Not run by the build. Usage: Rscript convert-spectra.R (in this directory).
load("/usr/lib/R/site-library/caret/data/tecator.RData")   # absorp (215 x 100), endpoints (215 x 3)
stopifnot(all(dim(absorp) == c(215, 100)), all(dim(endpoints) == c(215, 3)))
tec <- data.frame(absorp, endpoints)
colnames(tec) <- c(sprintf("a%03d", 1:100), "water", "fat", "protein")
con <- gzfile("tecator.csv.gz", "w")
write.csv(format(tec, digits = 15), con, row.names = FALSE, quote = FALSE)
close(con)

library(pls)
data(gasoline)                                              # octane, NIR (60 x 401)
stopifnot(all(dim(gasoline$NIR) == c(60, 401)))
nir <- unclass(gasoline$NIR)
gas <- data.frame(octane = gasoline$octane, nir)
colnames(gas) <- c("octane", sub(" nm$", "", paste0("nir", colnames(nir))))
con <- gzfile("gasoline.csv.gz", "w")
write.csv(format(gas, digits = 15), con, row.names = FALSE, quote = FALSE)
close(con)
