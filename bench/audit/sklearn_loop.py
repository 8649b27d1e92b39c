#!/usr/bin/python3
"""scikit-learn side of bench/audit: the same split (test fraction 0.2), StandardScaler on the training
rows, Ridge(alpha = n_train * lambda) refit for each of 100 lambdas (logspace -6..2), test MSE and the
certified l2 adversarial test MSE mean((|r| + a*||theta||_2)^2) at three budgets. The arrays are made
in memory (data.make, no CSV parsing) and only the fit loop is timed. Prints seconds and a checksum."""
import sys
import time
import numpy as np
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler
from sklearn.model_selection import train_test_split
import data

kind = sys.argv[1]
fits = int(sys.argv[2]) if len(sys.argv) > 2 else 100
t0 = time.time()
x, y = data.make(kind)
xtr, xte, ytr, yte = train_test_split(x, y, test_size=0.2, random_state=0)
sc = StandardScaler().fit(xtr)
ztr, zte = sc.transform(xtr), sc.transform(xte)
t1 = time.time()
lambdas = np.logspace(-6, 2, 100)
alphas = [0.01, 0.05, 0.1]
n = ztr.shape[0]
best = np.inf
t2 = time.time()
for lam in lambdas[:fits]:
    m = Ridge(alpha=n * lam).fit(ztr, ytr)
    r = np.abs(m.predict(zte) - yte)
    nd = np.linalg.norm(m.coef_)
    for a in alphas:
        best = min(best, np.mean((r + a * nd) ** 2))
t3 = time.time()
print(f"prep {t1 - t0:.1f}s fits {fits} in {t3 - t2:.1f}s -> 100 fits {(t3 - t2) * 100 / fits:.1f}s best_adv {best:.6g}")
