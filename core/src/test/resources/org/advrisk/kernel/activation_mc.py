"""Monte Carlo fixture for the activation NTK expectations (advrisk issue 23).

For (u, v) centred Gaussian with Var u = p, Var v = q, Cov = c, estimates
E1 = E[s'(u) s'(v)] and E2 = E[s(u) s(v)] for each activation with N = 2e7 draws
(seed 23, chunks of 1e6) and writes activation_mc.csv: activation,p,q,c,e1,e1_se,e2,e2_se.
Run: /usr/bin/python3 activation_mc.py  (about a few minutes).
"""
import numpy as np
from scipy.special import erf

ACT = {
    "relu": (lambda t: np.maximum(t, 0), lambda t: (t > 0).astype(float)),
    "abs": (np.abs, np.sign),
    "erf": (erf, lambda t: 2 / np.sqrt(np.pi) * np.exp(-t * t)),
    "quadratic": (lambda t: t * t, lambda t: 2 * t),
    "tanh": (np.tanh, lambda t: 1 - np.tanh(t) ** 2),
    "softplus": (lambda t: np.logaddexp(0, t), lambda t: 1 / (1 + np.exp(-t))),
}
POINTS = [(1.0, 1.0, 0.3), (0.8, 1.2, -0.5), (1.5, 0.7, 0.9), (0.5, 0.5, 0.1)]
N, CHUNK = 20_000_000, 1_000_000

rng = np.random.default_rng(23)
rows = []
for name, (f, df) in ACT.items():
    for p, q, c in POINTS:
        rho = c / np.sqrt(p * q)
        s1 = s1q = s2 = s2q = 0.0
        for _ in range(N // CHUNK):
            z1 = rng.standard_normal(CHUNK)
            z2 = rng.standard_normal(CHUNK)
            u = np.sqrt(p) * z1
            v = np.sqrt(q) * (rho * z1 + np.sqrt(1 - rho * rho) * z2)
            a = df(u) * df(v)
            b = f(u) * f(v)
            s1 += a.sum(); s1q += (a * a).sum(); s2 += b.sum(); s2q += (b * b).sum()
        m1, m2 = s1 / N, s2 / N
        se1 = np.sqrt(max(s1q / N - m1 * m1, 0) / N)
        se2 = np.sqrt(max(s2q / N - m2 * m2, 0) / N)
        rows.append(f"{name},{p},{q},{c},{m1!r},{se1!r},{m2!r},{se2!r}")
        print(rows[-1], flush=True)
with open("activation_mc.csv", "w") as out:
    out.write("activation,p,q,c,e1,e1_se,e2,e2_se\n")
    out.write("\n".join(rows) + "\n")
