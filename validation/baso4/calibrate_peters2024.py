"""Calibrates the heterogeneous nucleation of validation/baso4/peters2024_batch.yaml.

Fits the site density n_s and the barrier factor f of nucleation.heterogeneous so that the
model's final particle number matches the mean fitted number of Peters et al. (2024) at the
five stoichiometric conditions (r_aq0 = 1, SI0 = 1.7 ... 2.5), by least squares in log10 N.
The other 30 conditions (r_aq0 != 1) are not used: they are the test of the model.

    PYTHONPATH=build/python /usr/bin/python3 validation/baso4/calibrate_peters2024.py
"""
import csv
import math
import os
import statistics

import proscale
from scipy.optimize import least_squares

HERE = os.path.dirname(os.path.abspath(__file__))
CASE = os.path.join(HERE, "peters2024_batch.yaml")
DATA = os.path.join(HERE, "peters2024_fitted_particle_numbers.csv")


def stoichiometric_means():
    """(SI0, c_Ba, c_SO4, mean n [1/m^3]) at r_aq0 = 1, replicates with t_n > 0."""
    rows = csv.DictReader(line for line in open(DATA) if not line.startswith("#"))
    groups = {}
    for r in rows:
        if float(r["r_aq0"]) != 1.0 or float(r["t_n_s"]) <= 0.0:
            continue
        key = (float(r["SI0"]), r["c_Ba_mM"], r["c_SO4_mM"])
        groups.setdefault(key, []).append(float(r["n_1e13_per_m3"]) * 1e13)
    return [(si, ba, so, statistics.mean(n)) for (si, ba, so), n in sorted(groups.items())]


def residuals(p, points):
    f, log_ns = p
    out = []
    for si, ba, so, n in points:
        r = proscale.run(CASE, set={
            "nucleation.heterogeneous.barrier-factor": repr(f),
            "nucleation.heterogeneous.site-density": f"{10 ** log_ns!r} 1/m^3",
            "solution.species.Ba+2.initial": f"{ba} mmol/L",
            "solution.species.SO4-2.initial": f"{so} mmol/L"})
        out.append(math.log10(r["metrics"]["number_density"] / n))
    return out


def main():
    points = stoichiometric_means()
    fit = least_squares(residuals, [0.02, 9.0], args=(points,),
                        bounds=([0.005, 5.0], [0.3, 20.0]), diff_step=[1e-3, 1e-4])
    f, log_ns = fit.x
    print(f"barrier-factor f = {f:.4g}, site-density n_s = {10 ** log_ns:.4g} 1/m^3")
    for (si, _, _, n), r in zip(points, fit.fun):
        print(f"  SI0 = {si}: measured {n:.3g} 1/m^3, log10(model/measured) = {r:+.3f}")


if __name__ == "__main__":
    main()
