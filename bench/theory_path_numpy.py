"""numpy reference for bench/theory-path.sh: the same deterministic equivalent (p = 1e6 exact,
lambda_k = 1/(k ln^2(k+1)), theta* = e1, sigma = 0.5) with kappa by vectorised bisection on log kappa
(the textbook approach), timed for one lambda and a 100-value path."""
import sys
import time
import numpy as np

n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
p = 1_000_000
k = np.arange(1, p + 1, dtype=float)
lam = 1.0 / (k * np.log(k + 1) ** 2)
theta = np.zeros(p)
theta[0] = 1.0
sigma = 0.5


def de(l):
    lo, hi = (np.log(l), np.log(l + lam.sum() / n)) if l > 0 else (np.log(1e-30), np.log(lam.sum() / n))
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        kap = np.exp(mid)
        h = (lam / (lam + kap)).sum() / n + l / kap - 1
        if h > 0:
            lo = mid
        else:
            hi = mid
    kap = np.exp(0.5 * (lo + hi))
    s = lam / (lam + kap)
    df2 = (s * s).sum()
    b0 = kap * kap * (lam * theta ** 2 / (lam + kap) ** 2).sum()
    tau2 = (sigma ** 2 + b0) / (1 - df2 / n)
    risk = tau2 - sigma ** 2
    norm = (s * s * theta ** 2).sum() + tau2 / n * (lam / (lam + kap) ** 2).sum()
    return kap, risk, norm


for l in (0.0, 0.01):
    t0 = time.perf_counter()
    kap, risk, norm = de(l)
    print(f"numpy p=1e6 exact n={n} lambda={l:g} one_lambda_ms={1e3 * (time.perf_counter() - t0):.1f} "
          f"kappa={kap:.15g} std_risk={risk:.15g} norm_sq={norm:.15g}")
grid = 10.0 ** np.linspace(-8, 1, 100)
t0 = time.perf_counter()
for l in grid:
    de(l)
print(f"numpy p=1e6 exact n={n} path_100_lambdas_ms={1e3 * (time.perf_counter() - t0):.1f}")
