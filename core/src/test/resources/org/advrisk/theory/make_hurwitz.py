"""Fixture for TailSumsTest: sum_{k>K} k^-c = Hurwitz zeta(c, K+1), by scipy (run: python3 make_hurwitz.py)."""
from scipy.special import zeta

cases = [(1.5, 10), (2.0, 1000), (3.0, 7), (50.0, 10), (75.0, 10), (100.0, 10), (1.05, 100000), (25.0, 1)]
with open("hurwitz_tails.csv", "w") as out:
    out.write("c,K,sum\n")
    for c, k in cases:
        out.write(f"{c!r},{k},{zeta(c, k + 1)!r}\n")
