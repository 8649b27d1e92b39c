#!/usr/bin/python3
"""The best a numpy user can do for a whole ridge path: one eigendecomposition (DESIGN.md §3).

Same problem as `advrisk linear --spectrum powerlaw:a=1,b=0 --theta top:k=1,norm=1 --sigma 0.5`:
draws X = Z·Σ^{1/2} (n×p), y = Xθ* + σξ, forms K = XXᵀ, M = XΣXᵀ, b = XΣθ*, eigendecomposes K once and
evaluates the exact standard risk, ‖θ̂‖ and the l2 adversarial risk (Gaussian closed form, clean
target) at every λ and budget. Prints the wall time of generation + fit + path (and its parts).
"""
import argparse
import json
import time

import numpy as np

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=2000)
ap.add_argument("--p", type=int, default=20000)
ap.add_argument("--lambdas", type=int, default=100)
ap.add_argument("--seed", type=int, default=0)
a = ap.parse_args()
n, p = a.n, a.p
sigma = 0.5
alphas = np.array([0.05, 0.1, 0.2])
lambdas = np.logspace(-6, 1, a.lambdas)

t0 = time.perf_counter()
rng = np.random.default_rng(a.seed)
lam = 1.0 / np.arange(1, p + 1)              # powerlaw a=1, b=0
theta = np.zeros(p); theta[0] = 1.0          # top:k=1,norm=1
X = rng.standard_normal((n, p)) * np.sqrt(lam)
y = X @ theta + sigma * rng.standard_normal(n)
t1 = time.perf_counter()
K = X @ X.T                                   # numpy uses syrk for X @ X.T
M = (X * lam) @ X.T
b = X @ (lam * theta)
xt = X @ theta
t2 = time.perf_counter()
s, U = np.linalg.eigh(K)
Mt = U.T @ M @ U
c, ub, ut = U.T @ y, U.T @ b, U.T @ xt
t3 = time.perf_counter()
signal = float(lam @ theta**2)
s = np.maximum(s, 0)
W = c[:, None] / (s[:, None] + n * lambdas[None, :])        # n × L
quad = np.einsum("il,il->l", W, Mt @ W)
risk = np.maximum(quad - 2 * ub @ W + signal, 0)
norm = np.sqrt(s @ W**2)
e1 = np.sqrt(2 * risk / np.pi)                # E|<x, θ̂-θ*>| for Gaussian x
adv = risk[:, None] + 2 * alphas[None, :] * norm[:, None] * e1[:, None] + (alphas[None, :] * norm[:, None])**2
t4 = time.perf_counter()
print(json.dumps({"tool": "numpy-eigen", "n": n, "p": p, "lambdas": len(lambdas),
                  "total_s": t4 - t0, "generate_s": t1 - t0, "gram_s": t2 - t1, "eigen_s": t3 - t2,
                  "path_s": t4 - t3, "risk_first": float(risk[0]), "risk_last": float(risk[-1]),
                  "numpy": np.__version__}))
