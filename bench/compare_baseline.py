#!/usr/bin/env python3
"""Times proscale against the shared scipy baseline, side by side, in one run.

For the baseline problem (../shared/baseline/pbe_scipy_peer.py, cases a and b where proscale
has them) at N = 100, 200, 400 size classes, each solver runs `--repeats` times; the table
shows the median integration wall time of each (proscale: `integration_wall_time_s` from
summary.json, CVODE only; baseline: its `solve_ivp` call only, set-up excluded on both sides),
their ratio, and the relative differences of the final number density and Sauter diameter.
It also times the flagship case end to end (median wall time of the whole command and peak
memory from getrusage).

    /usr/bin/python3 bench/compare_baseline.py [--repeats 5] [--Ns 100,200,400]

Needs build/bin/proscale (scripts/setup.sh; or PROSCALE_BIN=path) and python3-scipy for the baseline.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASELINE_DIR = os.path.join(os.path.dirname(ROOT), "shared", "baseline")
# PROSCALE_BIN selects another build (e.g. to compare two versions in one session).
PROSCALE = os.environ.get("PROSCALE_BIN", os.path.join(ROOT, "build", "bin", "proscale"))
CASES = {"a": "cases/pbe_benchmark_growth.yaml", "b": "cases/pbe_benchmark_aggregation.yaml"}


def run_proscale(case_file, n, out_dir):
    cmd = [PROSCALE, "run", os.path.join(ROOT, case_file), "-o", out_dir, "--quiet",
           "--set", f"population.classes={n}"]
    subprocess.run(cmd, check=True)
    with open(os.path.join(out_dir, "summary.json")) as f:
        s = json.load(f)
    m = s["metrics"]
    return dict(wall=s["solver"]["integration_wall_time_s"], steps=s["solver"]["steps"],
                N=m["number_density"]["value"], d32=m["sauter_diameter"]["value"])


def run_baseline(peer, case, n):
    r = peer.one(case, n, "sparsity", verbose=False)
    return dict(wall=r["wall_s"], steps=r["nsteps"], N=r["N_total_per_m3"], d32=r["d32_nm"] * 1e-9)


def flagship(repeats):
    walls = []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeats):
            t0 = time.perf_counter()
            subprocess.run([PROSCALE, "run", os.path.join(ROOT, "cases/baso4_batch.yaml"), "-o",
                            tmp, "--quiet"], check=True)
            walls.append(time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
    return statistics.median(walls), peak_mb


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--Ns", default="100,200,400")
    ap.add_argument("--cases", default="a,b")
    args = ap.parse_args()
    sys.path.insert(0, BASELINE_DIR)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    import pbe_scipy_peer as peer  # noqa: E402

    wall, peak = flagship(args.repeats)
    print(f"flagship cases/baso4_batch.yaml: median wall {wall:.3f} s over {args.repeats} runs "
          f"(whole command), peak memory {peak:.0f} MB\n")
    peer.one("a", 50, "sparsity", verbose=False)  # warm-up, as the baseline's own bench does
    header = (f"{'case':4} {'N':>5} {'proscale s':>11} {'baseline s':>11} {'speed-up':>9} "
              f"{'steps p/b':>11} {'rel dN':>9} {'rel d32':>9}")
    print(header)
    print("-" * len(header))
    rows = []
    for case in args.cases.split(","):
        if not os.path.exists(os.path.join(ROOT, CASES[case])):
            print(f"{case:4} (no {CASES[case]} yet)")
            continue
        for n in [int(s) for s in args.Ns.split(",")]:
            with tempfile.TemporaryDirectory() as tmp:
                ours = [run_proscale(CASES[case], n, tmp) for _ in range(args.repeats)]
            theirs = [run_baseline(peer, case, n) for _ in range(args.repeats)]
            p = statistics.median(r["wall"] for r in ours)
            b = statistics.median(r["wall"] for r in theirs)
            dn = abs(ours[-1]["N"] - theirs[-1]["N"]) / theirs[-1]["N"]
            dd = abs(ours[-1]["d32"] - theirs[-1]["d32"]) / theirs[-1]["d32"]
            rows.append((case, n, p))
            print(f"{case:4} {n:5d} {p:11.4f} {b:11.4f} {b / p:8.1f}x "
                  f"{ours[-1]['steps']:5d}/{theirs[-1]['steps']:<5d} {dn:9.1e} {dd:9.1e}",
                  flush=True)
    for case in sorted({r[0] for r in rows}):
        pts = [(n, t) for c, n, t in rows if c == case]
        if len(pts) >= 2:
            import math
            (n0, t0), (n1, t1) = pts[0], pts[-1]
            print(f"case {case}: proscale time ~ N^{math.log(t1 / t0) / math.log(n1 / n0):.2f} "
                  f"between N = {n0} and {n1}")


if __name__ == "__main__":
    main()
