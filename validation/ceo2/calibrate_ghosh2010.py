"""Calibrates the CeO2 solubility of cases/ripening_ceo2.yaml on Ghosh et al. (2010).

Fits c*(35 degC) and the dissolution enthalpy of solid.solubility so that the model's number
mean diameter after 2 h matches the TEM means of samples K1 (35 degC) and K4 (80 degC)
(../shared/data/nano/ceo2_precipitation_ghosh_2010.csv). K2 and K3 (50, 65 degC) are not
used: they test the model. gamma follows c* through Mersmann's estimate.

    PYTHONPATH=build/python /usr/bin/python3 validation/ceo2/calibrate_ghosh2010.py
"""
import math
import os

import proscale
from scipy.optimize import least_squares

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CASE = os.path.join(ROOT, "cases", "ripening_ceo2.yaml")
TEM_NM = {35: 5.1, 80: 8.5}  # Ghosh et al. (2010), K1 and K4


def mean_diameter_nm(log_c, enthalpy_kj, t_c):
    r = proscale.run(CASE, set={
        "reactor.temperature": f"{t_c} degC",
        "solid.solubility.ksp": repr(10 ** log_c),
        "solid.solubility.dissolution-enthalpy": f"{enthalpy_kj!r} kJ/mol",
        "solution.species.CeO2(aq).initial": f"{10 ** log_c!r} mol/L"})
    return r["metrics"]["mean_diameter"] * 1e9


def residuals(p):
    return [math.log10(mean_diameter_nm(p[0], p[1], t) / d) for t, d in TEM_NM.items()]


def main():
    fit = least_squares(residuals, [-12.5, 50.0], diff_step=[1e-4, 1e-3])
    log_c, enthalpy = fit.x
    print(f"c*(35 degC) = {10 ** log_c:.3g} mol/L, dissolution enthalpy = {enthalpy:.3g} kJ/mol")
    for t in (35, 50, 65, 80):
        print(f"  {t} degC: mean diameter {mean_diameter_nm(log_c, enthalpy, t):.2f} nm")


if __name__ == "__main__":
    main()
