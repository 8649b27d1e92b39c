#!/usr/bin/python3
"""Tables for bench/audit: make(kind) returns (X, y) from a fixed seed; `data.py KIND FILE` writes it as CSV.
tall: 1e6 rows x 100 features; mid: 2e5 x 100; wide: 500 rows x 50000 features. Values are rounded to 5 decimals (as written, %.5f),
so both sides see the same numbers."""
import sys
import numpy as np

SIZES = {"tall": (1_000_000, 100), "mid": (200_000, 100), "wide": (500, 50_000)}


def make(kind):
    n, p = SIZES[kind]
    rng = np.random.default_rng(7)
    x = rng.standard_normal((n, p)).astype(np.float64)
    x *= np.linspace(0.5, 3.0, p)
    x += np.linspace(-5, 5, p)
    theta = rng.standard_normal(p) / np.sqrt(p)
    y = x @ theta + 0.5 * rng.standard_normal(n)
    x = np.round(x, 5)
    y = np.round(y, 5)
    return x, y


if __name__ == "__main__":
    kind, path = sys.argv[1], sys.argv[2]
    x, y = make(kind)
    p = x.shape[1]
    with open(path, "w") as f:
        f.write(",".join([f"x{j}" for j in range(p)] + ["y"]) + "\n")
        block = 50 if kind == "wide" else 10000
        for s in range(0, x.shape[0], block):
            xb = np.column_stack([x[s:s + block], y[s:s + block]])
            np.savetxt(f, xb, fmt="%.5f", delimiter=",")
