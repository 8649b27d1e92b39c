#!/usr/bin/python3
"""Prints min and mean per JMH benchmark from a JMH JSON result (java -jar benchmarks.jar -rf json)."""
import json
import sys

for b in json.load(open(sys.argv[1])):
    raw = [x for fork in b["primaryMetric"]["rawData"] for x in fork]
    name = ".".join(b["benchmark"].split(".")[-2:])
    params = ",".join(f"{k}={v}" for k, v in sorted(b.get("params", {}).items()))
    unit = b["primaryMetric"]["scoreUnit"]
    print(f"{name:24s} {params:32s} min {min(raw):10.1f} mean {sum(raw) / len(raw):10.1f} {unit}")
