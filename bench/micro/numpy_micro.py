#!/usr/bin/python3
"""numpy counterparts of the JMH benchmarks (bench/src/main/java/org/advrisk/bench): X @ X.T for an
n×p standard normal X (numpy calls syrk for this), np.linalg.eigh of an n×n Gram matrix, and one
path evaluation (Mt @ W with W n×L, plus the O(nL) sums). Best of REPS, per BLAS thread count
(threadpoolctl). Prints JSON lines.
"""
import argparse
import json
import time

import numpy as np
from threadpoolctl import threadpool_info, threadpool_limits

ap = argparse.ArgumentParser()
ap.add_argument("--n", type=int, default=2000)
ap.add_argument("--p", type=int, default=20000)
ap.add_argument("--reps", type=int, default=3)
ap.add_argument("--threads", default="1,2")
a = ap.parse_args()
rng = np.random.default_rng(1)
X = rng.standard_normal((a.n, a.p))


def best(f, reps):
    f()
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter(); f(); ts.append(time.perf_counter() - t0)
    return min(ts)


arch = threadpool_info()[0]["architecture"]
for th in [int(t) for t in a.threads.split(",")]:
    with threadpool_limits(limits=th, user_api="blas"):
        g = best(lambda: X @ X.T, a.reps)
        out = {"op": "gram X@X.T", "n": a.n, "p": a.p, "threads": th, "ms_min": g * 1e3, "arch": arch}
        print(json.dumps(out), flush=True)
        for n in (1000, 2000):
            Y = X[:n, :10 * n] if 10 * n <= a.p else rng.standard_normal((n, 10 * n))
            K = Y @ Y.T
            e = best(lambda: np.linalg.eigh(K), a.reps + 2)
            print(json.dumps({"op": "eigh", "n": n, "threads": th, "ms_min": e * 1e3, "arch": arch}), flush=True)
        n = a.n
        K = X[:, :10 * n] @ X[:, :10 * n].T if 10 * n <= a.p else X @ X.T
        s, U = np.linalg.eigh(K)
        Mt = U.T @ (K / 3) @ U
        c = U.T @ rng.standard_normal(n)
        lambdas = np.logspace(-6, 1, 100)

        def step():
            W = c[:, None] / (np.maximum(s, 0)[:, None] + n * lambdas[None, :])
            quad = np.einsum("il,il->l", W, Mt @ W)
            return quad - 2 * c @ W + np.sqrt(np.maximum(s, 0) @ W**2)

        st = best(step, 20)
        print(json.dumps({"op": "path 100 lambdas", "n": n, "threads": th, "ms_min": st * 1e3, "arch": arch}), flush=True)
