#!/usr/bin/python3
"""Fixture for ThreatFixtureTest: shaped (attack_scale G) and label-preserving attacks on a design held in memory,
computed directly with numpy, independent of the Java code path.

A Gaussian design X (n x p, x = Sigma^{1/2} z, Sigma diagonal with a decaying head and a constant tail), theta* on
the first 5 coordinates, y = X theta* + sigma xi. Ridge theta_hat is solved in the PRIMAL form
(X^T X + n lam I) theta = X^T y for lam > 0 and as numpy's least-norm lstsq for lam = 0 (the Java code uses the
dual form through X X^T). For each G and attack norm p (dual exponent q):
  clean/noisy:  D = || Sigma^{G/2} theta_hat ||_q,
  consistent:   D = || Sigma^{G/2} (theta_hat - theta*) ||_q,
  label-preserving (l2, every target): D = || a - (a.v / v.v) v ||_2 with a = Sigma^{G/2} theta_hat,
                v = Sigma^{G/2} theta* (the projection formed explicitly),
and the ground truth's D* = || Sigma^{G/2} theta* ||_q (0 when label-preserving).
R = (theta_hat - theta*)^T Sigma (theta_hat - theta*); Gaussian closed form R_alpha = m2 + 2 alpha D m1 + alpha^2 D^2
with m2 = R (+ sigma^2, noisy target, Gaussian noise), m1 = sqrt(2/pi) sqrt(m2); the ground truth's risk
alpha^2 D*^2 (clean), 0 (consistent), sigma^2 + 2 alpha sigma sqrt(2/pi) D* + alpha^2 D*^2 (noisy).

Run:  /usr/bin/python3 make_fixture.py > fixture.json
"""
import json
import math

import numpy as np

N, P, SUPPORT = 30, 80, 5
SIGMA, ALPHA = 0.5, 0.3
LAMBDAS = [0.0, 0.05]
SCALES = [0.0, 0.5, 1.0, 1.5]
ATTACKS = {"l2": 2.0, "linf": 1.0, "l1": math.inf, "lp:1.5": 3.0}   # attack -> dual exponent q
TARGETS = ["clean", "consistent", "noisy"]


def qnorm(v, q):
    return float(np.max(np.abs(v))) if math.isinf(q) else float(np.sum(np.abs(v) ** q) ** (1.0 / q))


def main():
    rng = np.random.default_rng(20261207)
    lam = np.concatenate([1.0 / np.arange(1, 11) ** 1.2, np.full(P - 10, 0.02)])
    theta_star = np.zeros(P)
    theta_star[:SUPPORT] = rng.normal(size=SUPPORT)
    z = rng.normal(size=(N, P))
    x = z * np.sqrt(lam)
    y = x @ theta_star + SIGMA * rng.normal(size=N)
    cases = []
    for lmb in LAMBDAS:
        if lmb == 0:
            th = np.linalg.lstsq(x, y, rcond=None)[0]
        else:
            th = np.linalg.solve(x.T @ x + N * lmb * np.eye(P), x.T @ y)
        err = th - theta_star
        risk = float(err @ (lam * err))
        for g in SCALES:
            w = lam ** (g / 2)
            for lp in [False, True]:
                for attack, q in ATTACKS.items():
                    if lp and attack != "l2":
                        continue
                    for target in TARGETS:
                        if lp:
                            a, v = w * th, w * theta_star
                            dual = float(np.linalg.norm(a - (a @ v) / (v @ v) * v))
                            gt_dual = 0.0
                        else:
                            dual = qnorm(w * (err if target == "consistent" else th), q)
                            gt_dual = qnorm(w * theta_star, q)
                        m2 = risk + (SIGMA ** 2 if target == "noisy" else 0.0)
                        m1 = math.sqrt(2 / math.pi) * math.sqrt(m2)
                        adv = m2 + 2 * ALPHA * dual * m1 + ALPHA ** 2 * dual ** 2
                        if target == "clean":
                            gt = ALPHA ** 2 * gt_dual ** 2
                        elif target == "consistent":
                            gt = 0.0
                        else:
                            gt = SIGMA ** 2 + 2 * ALPHA * SIGMA * math.sqrt(2 / math.pi) * gt_dual + ALPHA ** 2 * gt_dual ** 2
                        cases.append({"lambda": lmb, "attack_scale": g, "label_preserving": lp, "attack": attack,
                                      "target": target, "std_risk": risk, "norm_dual": dual, "adv_risk": adv,
                                      "gt_adv_risk": gt})
    out = {"n": N, "p": P, "sigma": SIGMA, "alpha": ALPHA, "lambdas": LAMBDAS, "scales": SCALES,
           "spectrum": lam.tolist(), "theta_star": theta_star[:SUPPORT].tolist(),
           "x": x.flatten(order="F").tolist(), "y": y.tolist(), "cases": cases}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
