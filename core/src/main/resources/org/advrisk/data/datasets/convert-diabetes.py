#!/usr/bin/python3
"""Converts scikit-learn's diabetes files (Debian package python3-sklearn) to diabetes.csv.gz.

Not run by the build. Usage: /usr/bin/python3 convert-diabetes.py
The raw (unscaled) features are kept; advrisk standardises them itself.
"""
import gzip
import os

SRC = "/usr/lib/python3/dist-packages/sklearn/datasets/data"
names = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
with gzip.open(os.path.join(SRC, "diabetes_data_raw.csv.gz"), "rt") as f:
    x = [line.split() for line in f if line.strip()]
with gzip.open(os.path.join(SRC, "diabetes_target.csv.gz"), "rt") as f:
    y = [repr(float(line)) for line in f if line.strip()]
assert len(x) == len(y) == 442 and all(len(r) == 10 for r in x)
here = os.path.dirname(os.path.abspath(__file__))
with gzip.GzipFile(os.path.join(here, "diabetes.csv.gz"), "wb", mtime=0) as g:
    g.write((",".join(names + ["progression"]) + "\n").encode())
    for r, t in zip(x, y):
        g.write((",".join(r + [t]) + "\n").encode())
