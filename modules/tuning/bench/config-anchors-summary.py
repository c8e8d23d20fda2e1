#!/usr/bin/env python3
"""Summary of config-anchors.sh's results.csv (round,config,workload,item,unit,value) as Markdown.

Per configuration: the median over the rounds and the range (min..max). Because the machine's load changes from
minute to minute, each configuration is also compared with the defaults *of the same round* (paired ratios): the
TPC-H geomean of per-query ratios and the pgbench tps ratio per round, with their median and range over the rounds.
A difference counts as beyond noise only when every round's paired ratio is on the same side of 1 by more than 10%
(the pgbench run-to-run noise the issue measured); otherwise it is called within noise.
"""
import csv
import math
import statistics
import sys

rows = list(csv.DictReader(open(sys.argv[1])))
configs = ["defaults", "pgtune", "planwright"]
rounds = sorted({int(r["round"]) for r in rows})


def val(c, w, i, rnd=None):
    v = [float(r["value"]) for r in rows if r["config"] == c and r["workload"] == w and r["item"] == i and r["value"]
         and (rnd is None or int(r["round"]) == rnd)]
    return v


def med(v):
    return statistics.median(v) if v else float("nan")


def rng(v, fmt="{:.1f}"):
    return (fmt + ".." + fmt).format(min(v), max(v)) if v else "-"


T95 = {1: 12.71, 2: 4.30, 3: 3.18, 4: 2.78, 5: 2.57, 6: 2.45, 7: 2.36, 8: 2.31, 9: 2.26, 10: 2.23, 11: 2.20,
       12: 2.18, 13: 2.16, 14: 2.14, 15: 2.13, 16: 2.12, 17: 2.11, 18: 2.10, 19: 2.09, 20: 2.09}


def paired_test(ratios):
    """Per-round ratios: the geometric mean with a 95 % t interval of the log ratios (Student's t, two-sided), and the
    exact two-sided sign test (rounds below 1 vs above 1): the statistical reading beside the every-round rule."""
    n = len(ratios)
    if n < 2:
        return "too few rounds for a test"
    logs = [math.log(x) for x in ratios]
    m, sd = statistics.mean(logs), statistics.stdev(logs)
    h = T95.get(n - 1, 1.96) * sd / math.sqrt(n)
    below = sum(1 for x in ratios if x < 1)
    k = min(below, n - below)
    p = min(1.0, 2 * sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n)
    return (f"geometric mean over rounds {math.exp(m):.3f}x, 95% CI {math.exp(m - h):.3f}..{math.exp(m + h):.3f}; "
            f"below 1 in {below} of {n} rounds, sign test p = {p:.3f}")


def verdict(ratios, time=True):
    """ratios of times (lower is better) or, with time=False, of throughputs (higher is better)"""
    if ratios and all(r < 0.9 for r in ratios):
        return ("faster" if time else "lower throughput") + " in every round, beyond noise"
    if ratios and all(r > 1.1 for r in ratios):
        return ("slower" if time else "higher throughput") + " in every round, beyond noise"
    return "within noise"


print(f"{len(rounds)} rounds.\n\n## pgbench (median over rounds, min..max)\n")
print("| configuration | rw tps | rw latency ms | ro tps | ro latency ms |\n|---|---|---|---|---|")
for c in configs:
    cells = []
    for w in ("pgbench-rw", "pgbench-ro"):
        for i in ("tps", "latency"):
            v = val(c, w, i)
            cells.append(f"{med(v):.1f} ({rng(v)})")
    print(f"| {c} | " + " | ".join(cells) + " |")
print("\nPaired with the defaults of the same round (tps ratio per round):\n")
for w in ("pgbench-rw", "pgbench-ro"):
    for c in configs[1:]:
        ratios = [val(c, w, "tps", r)[0] / val("defaults", w, "tps", r)[0] for r in rounds
                  if val(c, w, "tps", r) and val("defaults", w, "tps", r)]
        print(f"- {w} {c}: median {med(ratios):.2f}x ({rng(ratios, '{:.2f}')}): {verdict(ratios, time=False)}")
for w in ("pgbench-rw", "pgbench-ro"):
    ratios = [val("planwright", w, "tps", r)[0] / val("pgtune", w, "tps", r)[0] for r in rounds
              if val("planwright", w, "tps", r) and val("pgtune", w, "tps", r)]
    print(f"- {w} planwright vs pgtune: median {med(ratios):.2f}x ({rng(ratios, '{:.2f}')}): "
          f"{verdict(ratios, time=False)}")

qs = [f"q{n}" for n in range(1, 23)]
print("\n## TPC-H (ms, median over rounds, min..max; ratio of the medians to the defaults')\n")
print("| query | " + " | ".join(configs) + " | pgtune/defaults | planwright/defaults |\n|---|---|---|---|---|---|")
for q in qs:
    d = val("defaults", "tpch", q)
    cells = [f"{med(val(c, 'tpch', q)):.0f} ({rng(val(c, 'tpch', q), '{:.0f}')})" for c in configs]
    ratios = [f"{med(val(c, 'tpch', q)) / med(d):.2f}x" for c in configs[1:]]
    print(f"| {q} | " + " | ".join(cells) + " | " + " | ".join(ratios) + " |")
print()
for c in configs[1:]:
    g = math.exp(statistics.mean(math.log(med(val(c, "tpch", q)) / med(val("defaults", "tpch", q))) for q in qs))
    per_round = []
    for r in rounds:
        logs = [math.log(val(c, "tpch", q, r)[0] / val("defaults", "tpch", q, r)[0]) for q in qs
                if val(c, "tpch", q, r) and val("defaults", "tpch", q, r)]
        if logs:
            per_round.append(math.exp(statistics.mean(logs)))
    print(f"- {c}: geomean of the medians {g:.2f}x the defaults' time; paired per round {med(per_round):.2f}x "
          f"({rng(per_round, '{:.2f}')}): {verdict(per_round)}")
    print(f"  - {paired_test(per_round)}")
    for q in qs:
        qr = [val(c, "tpch", q, r)[0] / val("defaults", "tpch", q, r)[0] for r in rounds
              if val(c, "tpch", q, r) and val("defaults", "tpch", q, r)]
        v = verdict(qr)
        if v != "within noise":
            print(f"  - {q}: {med(qr):.2f}x ({rng(qr, '{:.2f}')}), {v}")
pp = []
for r in rounds:
    logs = [math.log(val("planwright", "tpch", q, r)[0] / val("pgtune", "tpch", q, r)[0]) for q in qs
            if val("planwright", "tpch", q, r) and val("pgtune", "tpch", q, r)]
    if logs:
        pp.append(math.exp(statistics.mean(logs)))
print(f"- planwright vs pgtune, paired per round: {med(pp):.2f}x ({rng(pp, '{:.2f}')}): {verdict(pp)}")
print(f"  - {paired_test(pp)}")
tot = []
for r in rounds:
    a = [val("planwright", "tpch", q, r) for q in qs]
    b = [val("pgtune", "tpch", q, r) for q in qs]
    if all(a) and all(b):
        tot.append(sum(x[0] for x in a) / sum(x[0] for x in b))
print(f"- planwright vs pgtune, the whole TPC-H pass (sum of the 22 queries' times) per round: {med(tot):.2f}x "
      f"({rng(tot, '{:.2f}')}): {verdict(tot)}")
print(f"  - {paired_test(tot)}")
spread = [(max(val("defaults", "tpch", q)) - min(val("defaults", "tpch", q))) / med(val("defaults", "tpch", q))
          for q in qs if val("defaults", "tpch", q)]
print(f"- the defaults' own round-to-round spread per query ((max-min)/median): median {statistics.median(spread):.0%}, "
      f"max {max(spread):.0%}")
