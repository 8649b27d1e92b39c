#!/usr/bin/python3
"""The loop a typical user writes: scikit-learn Ridge(alpha=n·λ, fit_intercept=False) refit per λ,
risks from coef_ (standard risk Σ λ_j(θ̂_j − θ*_j)², l2 adversarial risk at 3 budgets, Gaussian
closed form). Same problem and data generation as numpy_eigen.py. With --fits F < 100 it refits only
F of the λ (evenly spread) and also reports the time scaled to all of them (say so when quoting it).
"""
import argparse
import json
import time

import numpy as np
import sklearn
from sklearn.linear_model import Ridge

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=2000)
ap.add_argument("--p", type=int, default=20000)
ap.add_argument("--lambdas", type=int, default=100)
ap.add_argument("--fits", type=int, default=100)
ap.add_argument("--seed", type=int, default=0)
a = ap.parse_args()
n, p = a.n, a.p
sigma = 0.5
alphas = np.array([0.05, 0.1, 0.2])
lambdas = np.logspace(-6, 1, a.lambdas)
idx = np.unique(np.linspace(0, len(lambdas) - 1, min(a.fits, len(lambdas))).round().astype(int))

t0 = time.perf_counter()
rng = np.random.default_rng(a.seed)
lam = 1.0 / np.arange(1, p + 1)
theta = np.zeros(p); theta[0] = 1.0
X = rng.standard_normal((n, p)) * np.sqrt(lam)
y = X @ theta + sigma * rng.standard_normal(n)
t1 = time.perf_counter()
rows = []
for i in idx:
    coef = Ridge(alpha=n * lambdas[i], fit_intercept=False).fit(X, y).coef_
    d = coef - theta
    risk = float(lam @ d**2)
    norm = float(np.linalg.norm(coef))
    adv = risk + 2 * alphas * norm * np.sqrt(2 * risk / np.pi) + (alphas * norm)**2
    rows.append((lambdas[i], risk))
t2 = time.perf_counter()
per_fit = (t2 - t1) / len(idx)
print(json.dumps({"tool": "sklearn-loop", "n": n, "p": p, "lambdas": len(lambdas), "fits_timed": len(idx),
                  "generate_s": t1 - t0, "per_fit_s": per_fit, "timed_s": t2 - t0,
                  "total_s": (t1 - t0) + per_fit * len(lambdas),
                  "risk_first": rows[0][1], "risk_last": rows[-1][1], "sklearn": sklearn.__version__}))
