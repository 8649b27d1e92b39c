"""PyTorch reference for bench/ntk (same work as NtkBench.java, float64, CPU).

gd : full-batch GD of f(x) = (1/sqrt m) sum_j a_j relu(w_j.x), first layer, n=1000, d=500, m=20000,
     200 steps, eta = 1/lambda_max of the empirical NTK at init, plus the same diagnostics as advrisk
     (infinite-width K1 Gram, NTK at the end, eigenvalues).
pgd: 50 l2 PGD steps (both directions, best kept) on 1000 test points, K1 kernel interpolator on
     n=1000, d=500, gradients by autograd.
Usage: /usr/bin/python3 bench/ntk/torch_ntk.py THREADS [gd|pgd|all]
"""
import math
import sys
import time

import torch

threads = int(sys.argv[1])
which = sys.argv[2] if len(sys.argv) > 2 else "all"
torch.set_num_threads(threads)
torch.manual_seed(0)
dt = torch.float64
n, d, m = 1000, 500, 20000


def sphere(k):
    z = torch.randn(k, d, dtype=dt)
    return z * (math.sqrt(d) / z.norm(dim=1, keepdim=True))


X = sphere(n)
y = X[:, 0] + 0.5 * torch.randn(n, dtype=dt)
Z = sphere(1000)
fz = Z[:, 0]


def k1(A, B):
    g = A @ B.T
    na = A.norm(dim=1, keepdim=True)
    nb = B.norm(dim=1, keepdim=True)
    u = (g / (na * nb.T)).clamp(-1, 1)
    return g * (math.pi - torch.acos(u)) / (2 * math.pi)


def emp_ntk(W, a):
    S = (X @ W > 0).to(dt) * a.abs()
    return (X @ X.T) * (S @ S.T) / m


if which in ("gd", "all"):
    t0 = time.perf_counter()
    c0 = time.process_time()
    w = torch.randn(d, m // 2, dtype=dt)
    W = torch.cat([w, w], dim=1)
    a0 = torch.where(torch.rand(m // 2) < 0.5, 1.0, -1.0).to(dt)
    a = torch.cat([a0, -a0])
    W0 = W.clone()
    kinf = k1(X, X)
    th0 = emp_ntk(W, a)
    lmax = torch.linalg.eigvalsh(th0)[-1]
    eta = 1.0 / lmax
    torch.linalg.eigvalsh(th0 - kinf); torch.linalg.eigvalsh(kinf)
    s = 1 / math.sqrt(m)
    for step in range(200):
        H = X @ W
        f = torch.relu(H) @ a * s
        r = f - y
        D = (H > 0).to(dt) * (r[:, None] * (a * s)[None, :])
        W -= eta * (X.T @ D)
    H = X @ W
    mse = ((torch.relu(H) @ a * s - y) ** 2).mean()
    thT = emp_ntk(W, a)
    torch.linalg.eigvalsh(thT - kinf); torch.linalg.eigvalsh(kinf)
    move = (W - W0).norm() / W0.norm()
    print(f"gd {time.perf_counter() - t0:.3f} {time.process_time() - c0:.3f}  (train_mse={mse.item():.3e}, weight_move={move.item():.3e})")

if which in ("pgd", "all"):
    K = k1(X, X)
    c = torch.linalg.solve(K, y)
    alpha, steps = 0.5, 50
    eta = 2.5 * alpha / steps

    def f(P):
        return k1(P, X) @ c

    t0 = time.perf_counter()
    c0 = time.process_time()
    best = (f(Z) - fz) ** 2
    for sign in (1.0, -1.0):
        delta = torch.zeros_like(Z)
        for step in range(steps + 1):
            delta.requires_grad_(True)
            v = f(Z + delta)
            err = (v.detach() - fz) ** 2
            best = torch.maximum(best, err)
            if step == steps:
                break
            g, = torch.autograd.grad(v.sum(), delta)
            with torch.no_grad():
                delta = delta + sign * eta * g / g.norm(dim=1, keepdim=True).clamp_min(1e-300)
                nrm = delta.norm(dim=1, keepdim=True)
                delta = delta * torch.clamp(alpha / nrm, max=1.0)
            delta = delta.detach()
    print(f"pgd {time.perf_counter() - t0:.3f} {time.process_time() - c0:.3f}  (mean worst sq error={best.mean().item():.4f})")
