#!/usr/bin/python3
"""Fixture for FlowFixtureTest: gradient flow and gradient descent on the audit's tables (../sklearn/*.csv).

The audit standardises the features with the training mean and sd (ddof 0), centres y, and runs
gradient flow / descent from theta = 0 on (1/(2n))||y_c - Z theta||^2; the intercept is free and
unpenalised, b = mean(y) (standardised units). Computed here independently of advrisk:
  gf: theta(t) = sum_k v_k (1 - exp(-t d_k/n))/d_k v_k^T Z^T y_c over numpy.linalg.eigh(Z^T Z)
      (eigenvalues below d_max*max(n,p)*eps count as zero, as numpy's lstsq cut-off); t = inf: lstsq;
  gd: K explicit steps theta <- theta + (eta/n) Z^T (y_c - Z theta).
Run: /usr/bin/python3 make_fixture.py  (writes fixture.json here).
"""
import json
import os

import numpy as np

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "..", "sklearn")
TIMES = [0.0, 0.05, 1.0, 20.0, "inf"]
STEPS = [0, 1, 5, 40, 300]


def read(path):
    a = np.loadtxt(path, delimiter=",", skiprows=1)
    return a[:, :-1], a[:, -1]


cases = {}
for name in ["primal", "dual"]:
    xtr, ytr = read(os.path.join(src, f"{name}-train.csv"))
    xte, yte = read(os.path.join(src, f"{name}-test.csv"))
    n, p = xtr.shape
    mean, sd = xtr.mean(axis=0), xtr.std(axis=0)
    z, zte = (xtr - mean) / sd, (xte - mean) / sd
    yc = ytr - ytr.mean()
    d, v = np.linalg.eigh(z.T @ z)
    g = v.T @ (z.T @ yc)
    cut = d.max() * max(n, p) * np.finfo(float).eps
    eta = 1.5 * n / np.linalg.eigvalsh(z.T @ z).max()  # stable: < 2n/s_max

    def result(theta, key, value):
        pred_te = zte @ theta + ytr.mean()
        return {key: value, "coef_standardized": theta.tolist(), "intercept_standardized": float(ytr.mean()),
                "test_mse": float(np.mean((pred_te - yte) ** 2)),
                "train_mse": float(np.mean((z @ theta + ytr.mean() - ytr) ** 2))}

    gf = []
    for t in TIMES:
        if t == "inf":
            theta = np.linalg.lstsq(z, yc, rcond=None)[0]
        else:
            filt = np.where(d > cut, -np.expm1(-t * np.maximum(d, cut) / n) / np.maximum(d, cut), 0.0)
            theta = v @ (filt * g)
        gf.append(result(theta, "time", t))
    gd = []
    for k in STEPS:
        theta = np.zeros(p)
        for _ in range(k):
            theta = theta + eta / n * (z.T @ (yc - z @ theta))
        gd.append(result(theta, "steps", k))
    cases[name] = {"n_train": n, "p": p, "eta": eta, "gf": gf, "gd": gd}
with open(os.path.join(here, "fixture.json"), "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, indent=1)
