#!/usr/bin/python3
"""Fixture for AdversarialTrainingTest: adversarial training solved by scipy.optimize (SLSQP) on a
smooth epigraph reformulation, independent of the Java reweighted ridge.

    min_{theta,b,e,t} (1/n) sum_i (e_i + delta t)^2
    s.t. e_i >= +-(y_i - b - x_i^T theta),   t >= ||theta||_q

q = 2: the cone constraint is written t^2 - ||theta||^2 >= 0, t >= 0 (smooth).
q = 1: theta = u - v with u, v >= 0 and t = sum(u + v) (a convex QP with linear constraints).
SLSQP is restarted from its own answer until the objective stops moving (ftol 1e-16).

Run:  /usr/bin/python3 make_fixture.py > fixture.json
"""
import json
import sys

import numpy as np
from scipy.optimize import minimize


def objective(X, y, theta, b, delta, q):
    r = y - b - X @ theta
    t = np.linalg.norm(theta, q)
    return np.mean((np.abs(r) + delta * t) ** 2)


def solve(X, y, delta, q, intercept):
    n, p = X.shape
    Xc = X - X.mean(0) if intercept else X
    yc = y - y.mean() if intercept else y
    th0 = np.linalg.solve(Xc.T @ Xc + n * delta ** 2 * np.eye(p), Xc.T @ yc)
    b0 = float(np.mean(y - X @ th0)) if intercept else 0.0
    nb = 1 if intercept else 0
    if q == 2:
        # z = [theta (p), b (nb), e (n), t]
        def unpack(z):
            return z[:p], (z[p] if intercept else 0.0), z[p + nb:p + nb + n], z[-1]
        r0 = y - b0 - X @ th0
        z0 = np.concatenate([th0, [b0] * nb, np.abs(r0) + 1e-3, [np.linalg.norm(th0) + 1e-3]])
        cons = [
            {'type': 'ineq', 'fun': lambda z: unpack(z)[2] - (y - unpack(z)[1] - X @ unpack(z)[0])},
            {'type': 'ineq', 'fun': lambda z: unpack(z)[2] + (y - unpack(z)[1] - X @ unpack(z)[0])},
            {'type': 'ineq', 'fun': lambda z: np.array([unpack(z)[3] ** 2 - unpack(z)[0] @ unpack(z)[0]])},
            {'type': 'ineq', 'fun': lambda z: np.array([unpack(z)[3]])},
        ]
        theta_of = lambda z: unpack(z)[0]
    else:
        # z = [u (p), v (p), b (nb), e (n)]
        def unpack(z):
            th = z[:p] - z[p:2 * p]
            return th, (z[2 * p] if intercept else 0.0), z[2 * p + nb:], np.sum(z[:2 * p])
        r0 = y - b0 - X @ th0
        z0 = np.concatenate([np.maximum(th0, 0) + 1e-4, np.maximum(-th0, 0) + 1e-4, [b0] * nb, np.abs(r0) + 1e-3])
        cons = [
            {'type': 'ineq', 'fun': lambda z: unpack(z)[2] - (y - unpack(z)[1] - X @ unpack(z)[0])},
            {'type': 'ineq', 'fun': lambda z: unpack(z)[2] + (y - unpack(z)[1] - X @ unpack(z)[0])},
        ]
        theta_of = lambda z: unpack(z)[0]
    bounds = None
    if q == 1:
        bounds = [(0, None)] * (2 * p) + [(None, None)] * (nb + n)

    def f(z):
        th, b, e, t = unpack(z)
        return np.mean((e + delta * t) ** 2)

    z = z0
    prev = np.inf
    for _ in range(30):
        res = minimize(f, z, method='SLSQP', constraints=cons, bounds=bounds,
                       options={'ftol': 1e-16, 'maxiter': 2000})
        z = res.x
        if abs(prev - res.fun) <= 1e-15 * abs(res.fun):
            break
        prev = res.fun
    th, b, e, t = unpack(z)
    return th, float(b)


def main():
    rng = np.random.default_rng(20261202)
    cases = []
    for (n, p) in [(40, 20), (30, 80)]:
        X = rng.standard_normal((n, p)) * np.sqrt(1.0 / (1 + np.arange(p)) ** 0.5)
        theta_star = np.zeros(p)
        theta_star[:3] = [1.0, -0.7, 0.4]
        y = X @ theta_star + 0.5 * rng.standard_normal(n) + 1.5
        for q in [2, 1]:
            pexp = 2 if q == 2 else np.inf
            for intercept in [False, True]:
                Xc = X - X.mean(0) if intercept else X
                yc = y - y.mean() if intercept else y
                d0 = np.linalg.norm(Xc.T @ yc, pexp) / np.sum(np.abs(yc))
                fits = []
                for frac in [0.15, 0.4, 0.75]:
                    delta = frac * d0
                    th, b = solve(X, y, delta, q, intercept)
                    F = objective(X, y, th, b, delta, q)
                    fits.append({'delta': delta, 'objective': F, 'theta': th.tolist(), 'b': b})
                    print(f'n={n} p={p} q={q} icpt={intercept} delta={delta:.4g} F={F:.15g}', file=sys.stderr)
                cases.append({'n': n, 'p': p, 'q': q, 'intercept': intercept, 'delta0': d0,
                              'x_colmajor': X.flatten(order='F').tolist(), 'y': y.tolist(), 'fits': fits})
    json.dump({'generator': 'make_fixture.py (scipy SLSQP, epigraph form)', 'cases': cases}, sys.stdout)


if __name__ == '__main__':
    main()
