#!/usr/bin/python3
"""The 64 runs of cases/baso4_design_chart.yaml (the BaSO4 batch over 8 concentrations x 8
temperatures) as one sweep three ways: 1 thread, 2 threads, and 2 MPI ranks of 1 thread each.
Median wall time of repeated sweeps, the speed-ups against one thread, and the sweep machinery's
overhead per run: (sweep wall time on 1 thread - sum of the runs' own wall times) / that sum,
each run's time as its journal records it (load, build and simulate). The three tables must be
identical byte for byte (checked here too).

    /usr/bin/python3 bench/sweep_scaling.py [--repeats 3] [--binary build/bin/proscale]

Timings only here, never in tests (bench/README.md). The sweep runs from a copy of the study
without its chart section: drawing the chart is not the sweep's time."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STUDY = os.path.join(ROOT, "cases", "baso4_design_chart.yaml")


def without_chart(tmp):
    """The study without its chart section (the renderer's time is not the sweep's)."""
    lines = open(STUDY).read().splitlines()
    cut = next(i for i, line in enumerate(lines) if line.startswith("chart:"))
    text = "\n".join(lines[:cut]).replace("case: baso4_batch.yaml",
                                          "case: " + os.path.join(ROOT, "cases", "baso4_batch.yaml"))
    path = os.path.join(tmp, "sweep.yaml")
    with open(path, "w") as f:
        f.write(text + "\n")
    return path


def sweep(binary, study, out, threads, ranks):
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    cmd = [binary, "sweep", study, "-o", out, "--quiet", "--set", f"threads={threads}"]
    if ranks > 1:
        cmd = ["mpirun", "-n", str(ranks), "--oversubscribe"] + cmd
    start = time.perf_counter()
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stdout}{p.stderr}")
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    with open(os.path.join(out, "sweep.csv")) as f:
        table = f.read()
    return wall, sum(row["seconds"] for row in summary["rows"]), table


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "proscale"))
    a = ap.parse_args()
    ways = {"1 thread": (1, 1), "2 threads": (2, 1), "2 MPI ranks": (1, 2)}
    walls = {w: [] for w in ways}
    overhead = []
    tables = set()
    with tempfile.TemporaryDirectory() as tmp:
        study = without_chart(tmp)
        for _ in range(a.repeats):
            for way, (threads, ranks) in ways.items():
                out = os.path.join(tmp, way.replace(" ", "_"))
                subprocess.run(["rm", "-rf", out])
                wall, runs, table = sweep(a.binary, study, out, threads, ranks)
                walls[way].append(wall)
                tables.add(table)
                if way == "1 thread":
                    overhead.append((wall - runs) / runs)
    one = statistics.median(walls["1 thread"])
    print(f"64 runs of the BaSO4 batch (cases/baso4_design_chart.yaml), median of {a.repeats} sweeps:")
    for way in ways:
        m = statistics.median(walls[way])
        print(f"  {way:12s} {m:7.2f} s   speed-up {one / m:.2f}x")
    print(f"  sweep overhead on 1 thread: {100 * statistics.median(overhead):.2f} % of the runs' "
          f"own time (median; checks of every run, journal, table, summary)")
    print(f"  tables identical in all {len(ways) * a.repeats} sweeps: {len(tables) == 1}")


if __name__ == "__main__":
    main()
