#!/usr/bin/python3
"""The dispersed plug-flow crystallizer (cases/dpfr_crystallizer.yaml, 160 classes x 160 cells)
to its steady outflow on 1 and 2 MPI ranks, two ways: the steady state by SNES (the case's
solver, pseudo-transient continuation from the particle-free tube) and the start-up by PETSc TS
over 5 tau (solver.type=petsc). Median solver time of repeated runs, the ratios, the outflow's
d50 from both, and PETSc's -log_view summary of where the time goes (each way, 2 ranks).

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
    ways = {"snes": "steady state by SNES", "petsc": "start-up by TS to 5 tau"}
    keep = ("SNESSolve", "SNESFunctionEval", "SNESJacobianEval", "KSPSolve", "PCApply", "MatMult ",
            "TSStep", "VecScatterBegin", "VecScatterEnd", "Time (sec):")
    with tempfile.TemporaryDirectory() as tmp:
        for way, what in ways.items():
            times = {1: [], 2: []}
            for _ in range(a.repeats):
                for ranks in (1, 2):
                    p, s = run(a.binary, ranks, os.path.join(tmp, f"{way}{ranks}"),
                               ["--set", f"solver.type={way}"])
                    if p.returncode not in (0, 4):
                        sys.exit(f"{way} on {ranks} ranks: exit {p.returncode}\n{p.stdout}{p.stderr}")
                    times[ranks].append(s["solver"]["integration_wall_time_s"])
                    stats, d50 = s["solver"], s["metrics"]["d50_volume"]["value"]
            m1, m2 = statistics.median(times[1]), statistics.median(times[2])
            print(f"{what}, median of {a.repeats} runs (solver time): 1 rank {m1:.2f} s, "
                  f"2 ranks {m2:.2f} s, speed-up {m1 / m2:.2f}x; outflow d50 (volume) "
                  f"{d50 * 1e6:.6f} um")
            print(f"  last run: {stats['steps']} steps, {stats['nonlinear_iterations']} Newton, "
                  f"{stats['linear_iterations']} GMRES iterations; {stats['method']}")
            p, _ = run(a.binary, 2, os.path.join(tmp, "log"),
                       ["--set", f"solver.type={way}", "--set", "solver.petsc-options=-log_view"])
            print(f"  PETSc -log_view on 2 ranks (event, count, max time s, ratio, ...):")
            for line in p.stdout.splitlines():
                if line.startswith(keep):
                    print("    " + line)


if __name__ == "__main__":
    main()
