#!/usr/bin/python3
"""Fixture for SklearnFixtureTest: scikit-learn Ridge on StandardScaler'd data.

advrisk's ridge is argmin (1/n)||y_c - Z theta||^2 + lambda ||theta||^2 on training-centred,
training-standardised features (ddof 0); scikit-learn's Ridge(alpha) minimises
||y - Z theta - b||^2 + alpha ||theta||^2 with an unpenalised intercept, so alpha = n_train * lambda.
lambda = 0 is compared with numpy's lstsq (p < n: least squares; p >= n: minimum-norm solution).
Run: /usr/bin/python3 make_fixture.py  (writes the CSV tables and fixture.json here).
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

here = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261202)
LAMBDAS = [0.0, 1e-3, 0.1, 1.0, 10.0]


def table(n, p, name):
    scales = np.exp(rng.uniform(-2, 3, size=p))
    offsets = rng.uniform(-50, 50, size=p)
    x = offsets + scales * (rng.standard_normal((n, p)) @ (np.eye(p) + 0.3 * rng.standard_normal((p, p))))
    theta = rng.standard_normal(p) / scales
    y = 3.0 + x @ theta + 0.5 * rng.standard_normal(n)
    return x, y


def write(path, x, y):
    p = x.shape[1]
    with open(path, "w") as f:
        f.write(",".join([f"f{j}" for j in range(p)] + ["y"]) + "\n")
        for row, t in zip(x, y):
            f.write(",".join(repr(float(v)) for v in row) + "," + repr(float(t)) + "\n")


cases = {}
for name, (n, nt, p) in {"primal": (80, 40, 6), "dual": (20, 30, 50)}.items():
    x, y = table(n + nt, p, name)
    xtr, ytr, xte, yte = x[:n], y[:n], x[n:], y[n:]
    write(os.path.join(here, f"{name}-train.csv"), xtr, ytr)
    write(os.path.join(here, f"{name}-test.csv"), xte, yte)
    sc = StandardScaler().fit(xtr)
    ztr, zte = sc.transform(xtr), sc.transform(xte)
    out = []
    for lam in LAMBDAS:
        if lam == 0:
            zc = ztr - ztr.mean(axis=0)
            coef = np.linalg.lstsq(zc, ytr - ytr.mean(), rcond=None)[0]
            intercept = ytr.mean() - ztr.mean(axis=0) @ coef
        else:
            m = Ridge(alpha=n * lam, fit_intercept=True, solver="cholesky", tol=1e-12).fit(ztr, ytr)
            coef, intercept = m.coef_, m.intercept_
        pred = zte @ coef + intercept
        out.append({"lambda": lam, "coef_standardized": coef.tolist(), "intercept_standardized": float(intercept),
                    "test_mse": float(np.mean((pred - yte) ** 2)),
                    "train_mse": float(np.mean((ztr @ coef + intercept - ytr) ** 2))})
    cases[name] = {"n_train": n, "n_test": nt, "p": p, "mean": sc.mean_.tolist(), "scale": sc.scale_.tolist(),
                   "fits": out}
with open(os.path.join(here, "fixture.json"), "w") as f:
    json.dump({"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}, f, indent=1)
