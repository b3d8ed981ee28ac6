#!/usr/bin/python3
"""Residual plots of a correlation for proscale (run by `proscale correlate -o DIR`).

    /usr/bin/python3 residuals.py SPEC.json

SPEC (written by src/app/CorrelationResiduals.cpp): {title, response, unit, log, prediction
("in-sample" or "leave-one-out"), runs, observed, predicted, residual, outputs}, values in SI.
Two panels: the prediction against the observation with the line of equality (log axes for a
power law), and the residual against the prediction with the zero line and +-2 standard
deviations of the residuals; the runs that lie outside those are labelled with their run. Each
output is written to a temporary file and renamed. Prints the paths; on bad input one line
"residuals: ..." on stderr and exit 2. Uses only the standard library, numpy and matplotlib.
"""
import sys

import render_support  # first: sets matplotlib up for files
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def render(spec):
    observed = np.asarray(spec["observed"], dtype=float)
    predicted = np.asarray(spec["predicted"], dtype=float)
    residual = np.asarray(spec["residual"], dtype=float)
    runs = spec["runs"]
    if not (len(observed) == len(predicted) == len(residual) == len(runs)) or len(runs) < 2:
        raise ValueError("observed, predicted, residual and runs must have the same length, at least 2")
    unit = f" [{spec['unit']}]" if spec.get("unit") else ""
    name = spec["response"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9.0, 4.2))
    left.plot(observed, predicted, "o", ms=4)
    low, high = min(observed.min(), predicted.min()), max(observed.max(), predicted.max())
    left.plot([low, high], [low, high], "k--", lw=0.8, label="equality")
    if spec.get("log"):
        left.set_xscale("log")
        left.set_yscale("log")
    left.set_xlabel(f"observed {name}{unit}")
    left.set_ylabel(f"{spec['prediction']} prediction{unit}")
    left.legend(fontsize=8, frameon=False)
    right.plot(predicted, residual, "o", ms=4)
    right.axhline(0.0, color="k", lw=0.8)
    sd = residual.std(ddof=1) if len(residual) > 1 else 0.0
    for sign in (-2, 2):
        right.axhline(sign * sd, color="0.5", lw=0.8, ls=":")
    for run, p, r in zip(runs, predicted, residual):
        if sd > 0 and abs(r) > 2 * sd:
            right.annotate(f"run {run}", (p, r), fontsize=7, xytext=(3, 3), textcoords="offset points")
    if spec.get("log"):
        right.set_xscale("log")
    right.set_xlabel(f"{spec['prediction']} prediction{unit}")
    right.set_ylabel("residual ln(observed/predicted)" if spec.get("log") else f"residual{unit}")
    fig.suptitle(spec.get("title", ""), fontsize=10)
    fig.tight_layout()
    return render_support.save(fig, spec["outputs"])


if __name__ == "__main__":
    sys.exit(render_support.main("residuals", render, sys.argv))
