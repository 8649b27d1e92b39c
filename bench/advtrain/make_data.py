#!/usr/bin/python3
"""Writes one benchmark training set: Gaussian X (n×p, column-major float64), y = Xθ* + 0.5·noise,
and 50 budgets δ = logspace(-2, -0.02)·δ₀ (δ₀ = ‖Xᵀy‖₂/‖y‖₁, where θ̂ becomes 0).
Usage: make_data.py N P OUT_PREFIX"""
import sys

import numpy as np

n, p, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
rng = np.random.default_rng(14)
X = rng.standard_normal((n, p))
theta = np.zeros(p)
theta[:10] = 1 / np.sqrt(10)
y = X @ theta + 0.5 * rng.standard_normal(n)
d0 = np.linalg.norm(X.T @ y) / np.abs(y).sum()
deltas = d0 * np.logspace(-2, -0.02, 50)
X.flatten(order='F').tofile(out + '.x')
y.tofile(out + '.y')
np.savetxt(out + '.deltas', deltas, fmt='%.17g')
