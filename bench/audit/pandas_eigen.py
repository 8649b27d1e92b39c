#!/usr/bin/python3
"""The audit's ridge path the pandas + numpy way, for bench/audit/speed.sh: read_csv (or, with --read-only, nothing
more), a random 20 % test split, standardise with the training mean/sd, one eigendecomposition of the centred
training Gram, then for every lambda (logspace -6..2, 100 values) theta, the test residuals and the certified
adversarial MSE mean((|r| + alpha*||theta||_2)^2) at alpha = 0.01, 0.05, 0.1. Prints the seconds taken."""
import sys
import time

t0 = time.time()
import numpy as np
import pandas as pd

path = sys.argv[1]
df = pd.read_csv(path)
if "--read-only" in sys.argv:
    print(f"{time.time() - t0:.2f}")
    sys.exit(0)
y = df.pop("y").to_numpy()
x = df.to_numpy()
n, p = x.shape
rng = np.random.default_rng(0)
test = np.zeros(n, bool)
test[rng.permutation(n)[: int(np.ceil(0.2 * n))]] = True
xt, yt, xs, ys = x[~test], y[~test], x[test], y[test]
mu, sd = xt.mean(0), xt.std(0)
z = (xt - mu) / sd
zs = (xs - mu) / sd
ym = yt.mean()
g = z.T @ z
c = z.T @ (yt - ym)
s, u = np.linalg.eigh(g)
uc = u.T @ c
lams = np.logspace(-6, 2, 100)
nt = z.shape[0]
out = []
for lam in lams:
    theta = u @ (uc / (s + nt * lam))
    r = np.abs(ym + zs @ theta - ys)
    nrm = np.linalg.norm(theta)
    for a in (0.01, 0.05, 0.1):
        out.append(np.mean((r + a * nrm) ** 2))
print(f"{time.time() - t0:.2f}")
