#!/usr/bin/python3
"""Times the anchor's reweighted-ridge adversarial training (Ribeiro, Zachariah, Bach & Schön;
their package `linadvtrain`, function lin_advregr(method='w-ridge'), run unmodified from a scratch
checkout given as ANCHOR_DIR) over the δ path of a data set written by make_data.py.
Debian has no cvxpy and the package's Cython module is not built: both are imported at module load
but not used by method='w-ridge', so they are replaced by empty stand-in modules here.
Prints one JSON line: total seconds, objectives F(θ̂_δ) and iterations.
Usage: anchor_run.py ANCHOR_DIR PREFIX N P [MAX_ITER]"""
import json
import sys
import time
import types

import numpy as np

anchor, prefix, n, p = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
max_iter = int(sys.argv[5]) if len(sys.argv) > 5 else 100
sys.modules['cvxpy'] = types.ModuleType('cvxpy')
fom = types.ModuleType('linadvtrain.first_order_methods')
fom.cg = None
sys.modules['linadvtrain.first_order_methods'] = fom
sys.path.insert(0, anchor)
from linadvtrain.regression import lin_advregr  # noqa: E402

X = np.fromfile(prefix + '.x').reshape((p, n)).T.copy()
y = np.fromfile(prefix + '.y')
deltas = np.loadtxt(prefix + '.deltas')
objs, iters = [], []
t0 = time.perf_counter()
for d in deltas:
    th, info = lin_advregr(X, y, adv_radius=d, p=2, method='w-ridge', max_iter=max_iter, utol=1e-12)
    objs.append(float(np.mean((np.abs(y - X @ th) + d * np.linalg.norm(th)) ** 2)))
    iters.append(int(info['n_iter']) + 1)
total = time.perf_counter() - t0
print(json.dumps({'total_s': total, 'objectives': objs, 'iterations': iters}))
