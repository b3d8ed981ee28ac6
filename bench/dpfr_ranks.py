#!/usr/bin/python3
"""The dispersed plug-flow crystallizer (cases/dpfr_crystallizer.yaml, 160 classes x 160 cells)
to its steady outflow on 1 and 2 MPI ranks: median integration time of repeated runs, the
ratio of the two, and PETSc's -log_view summary of where the time goes (on 2 ranks).

    /usr/bin/python3 bench/dpfr_ranks.py [--repeats 3] [--binary build/bin/proscale]

Timings only here, never in tests (bench/README.md). As root, Open MPI needs
OMPI_ALLOW_RUN_AS_ROOT; the script sets it for its own runs."""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASE = os.path.join(ROOT, "cases", "dpfr_crystallizer.yaml")


def run(binary, ranks, out, extra=()):
    env = dict(os.environ, OMPI_ALLOW_RUN_AS_ROOT="1", OMPI_ALLOW_RUN_AS_ROOT_CONFIRM="1")
    cmd = ["mpirun", "-n", str(ranks), "--oversubscribe", binary, "run", CASE, "-o", out,
           "--overwrite", "--quiet", *extra]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True)
    with open(os.path.join(out, "summary.json")) as f:
        summary = json.load(f)
    return p, summary


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "proscale"))
    a = ap.parse_args()
    times = {1: [], 2: []}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(a.repeats):
            for ranks in (1, 2):
                p, s = run(a.binary, ranks, os.path.join(tmp, f"r{ranks}"))
                if p.returncode not in (0, 4):
                    sys.exit(f"{ranks} ranks: exit {p.returncode}\n{p.stdout}{p.stderr}")
                times[ranks].append(s["solver"]["integration_wall_time_s"])
                stats = s["solver"]
        m1, m2 = statistics.median(times[1]), statistics.median(times[2])
        print(f"cases/dpfr_crystallizer.yaml to 5 tau, median of {a.repeats} runs "
              f"(integration only): 1 rank {m1:.2f} s, 2 ranks {m2:.2f} s, speed-up {m1 / m2:.2f}x")
        print(f"  last run: {stats['steps']} steps, {stats['nonlinear_iterations']} Newton, "
              f"{stats['linear_iterations']} GMRES iterations; {stats['method']}")
        p, _ = run(a.binary, 2, os.path.join(tmp, "log"), ["--set", "solver.petsc-options=-log_view"])
        keep = ("TSStep", "SNESSolve", "SNESFunctionEval", "SNESJacobianEval", "KSPSolve",
                "PCApply", "MatMult ", "VecScatterBegin", "VecScatterEnd", "TSFunctionEval",
                "TSJacobianEval")
        print("PETSc -log_view on 2 ranks (event, count, max time s, ratio, ...):")
        for line in p.stdout.splitlines():
            if line.startswith(keep) or line.startswith("Time (sec):"):
                print("  " + line)


if __name__ == "__main__":
    main()
