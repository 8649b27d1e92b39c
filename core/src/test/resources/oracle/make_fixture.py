#!/usr/bin/python3
"""Fixture for OracleFrontierTest: the oracle path theta(mu) = argmin ||theta - theta*||^2_Sigma + mu pen(theta)
evaluated directly, independent of the Java code path.

l2 (pen = ||theta||_2^2): Sigma and theta* are rotated by a random orthogonal Q (Sigma' = Q diag(lam) Q^T,
theta*' = Q theta*) and the normal equations (Sigma' + mu I) theta' = Sigma' theta*' are solved densely with
numpy, in the equivalent form (Sigma' + mu I) e = -mu theta*' for the error e = theta' - theta*' (no
cancellation at small mu); R = e^T Sigma' e and the l2 norms are rotation invariant (the l2 path's l1 norms
are not written: the l2 attack does not use them).
linf (pen = ||theta||_1, Sigma diagonal): each coordinate minimises lam (t - t*)^2 + mu |t|, a piecewise
quadratic; its minimiser is found by comparing the objective at the three candidates (the stationary point
of the t > 0 piece, of the t < 0 piece, and t = 0), not by the soft-thresholding formula.
Adversarial risks (Gaussian design): R_alpha = m2 + 2 alpha D m1 + alpha^2 D^2 with m2 = R (+ sigma^2 for the
noisy target with Gaussian noise), m1 = sqrt(2/pi) sqrt(m2), D = ||theta||_q (clean, noisy) or
||theta - theta*||_q (consistent).

Run:  /usr/bin/python3 make_fixture.py > fixture.json
"""
import json
import math

import numpy as np

ALPHA = 0.3
SIGMA = 0.5
MUS = [0.0, 1e-4, 1e-3, 0.01, 0.05, 0.1, 0.3, 0.5, 1.0, 2.0, 3.0, 10.0, 100.0, 1e4]


def l2_path(lam, ts, mu, rng):
    p = len(lam)
    q, _ = np.linalg.qr(rng.standard_normal((p, p)))
    sig = q @ np.diag(lam) @ q.T
    sig = 0.5 * (sig + sig.T)
    tsr = q @ ts
    e = np.zeros(p) if mu == 0 else np.linalg.solve(sig + mu * np.eye(p), -mu * tsr)
    th = tsr + e
    return dict(std_risk=float(e @ sig @ e), norm_l2_sq=float(th @ th), error_l2_sq=float(e @ e))


def l1_coordinate(l, t, mu):
    if mu == 0:
        return t
    if l == 0:
        return 0.0
    cands = [0.0]
    pos = t - mu / (2 * l)
    neg = t + mu / (2 * l)
    if pos > 0:
        cands.append(pos)
    if neg < 0:
        cands.append(neg)
    obj = [l * (c - t) ** 2 + mu * abs(c) for c in cands]
    return cands[int(np.argmin(obj))]


def l1_path(lam, ts, mu):
    th = np.array([l1_coordinate(l, t, mu) for l, t in zip(lam, ts)])
    e = th - ts
    return dict(std_risk=float((lam * e * e).sum()), norm_l2_sq=float(th @ th), error_l2_sq=float(e @ e),
                norm_l1=float(np.abs(th).sum()), error_l1=float(np.abs(e).sum()))


def risks(pt, q):
    out = {}
    for target in ("clean", "noisy", "consistent"):
        if q == 2:  # l2 attack: D = ||.||_2
            d = math.sqrt(pt["error_l2_sq"] if target == "consistent" else pt["norm_l2_sq"])
        else:
            d = pt["error_l1"] if target == "consistent" else pt["norm_l1"]
        m2 = pt["std_risk"] + (SIGMA ** 2 if target == "noisy" else 0.0)
        m1 = math.sqrt(2 / math.pi) * math.sqrt(m2)
        out[target] = m2 + 2 * ALPHA * d * m1 + ALPHA ** 2 * d ** 2
    return out


def main():
    rng = np.random.default_rng(21)
    cases = []
    lam = np.array([3.0, 1.0, 1.0, 0.5, 0.2, 0.05, 0.01, 0.0])
    ts = np.array([0.5, -1.0, 0.3, 0.0, 2.0, -0.7, 0.1, 0.4])
    cases.append(("mixed", lam, ts))
    k = np.arange(1, 31)
    lam = 1.0 / (k * np.log(k + 1) ** 2)
    ts = rng.standard_normal(30) * (rng.random(30) < 0.6)
    cases.append(("powerlaw30", lam, ts))
    out = {"alpha": ALPHA, "sigma": SIGMA, "mus": MUS, "cases": []}
    for name, lam, ts in cases:
        c = {"name": name, "eigenvalues": lam.tolist(), "theta": ts.tolist(), "l2": [], "linf": []}
        for mu in MUS:
            pt = l2_path(lam, ts, mu, rng)
            pt["adv_risk"] = risks(pt, 2)
            c["l2"].append(pt)
            pt = l1_path(lam, ts, mu)
            pt["adv_risk"] = risks(pt, 1)
            c["linf"].append(pt)
        out["cases"].append(c)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
