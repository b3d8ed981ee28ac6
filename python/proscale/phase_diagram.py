#!/usr/bin/python3
"""The phase diagram of a nanoparticle dispersion (run by `proscale run` on a dispersion case).

    /usr/bin/python3 phase_diagram.py SPEC.json

SPEC (written by src/app/DispersionCommand.cpp):
    {"title": str,
     "temperatures": [degC, ...],
     "spinodal_low": [...], "spinodal_high": [...], "binodal_low": [...], "binodal_high": [...],
                                  # effective-particle volume fractions, null above T_c
     "condition": {"phi": float, "T": degC},
     "critical_T": degC | null,    # where B2/B2_HS crosses the model's critical value
     "critical_phi": float,         # the model's critical volume fraction (0.130)
     "note": str,                   # why there is no critical point in the range, or ""
     "outputs": ["/abs/phase_diagram.png", "/abs/phase_diagram.svg"]}

Temperature (y) over volume fraction (x, logarithmic): the binodal (coexistence) as a line and
the spinodal dashed, the two-phase region shaded, the critical point (critical_phi,
critical_T) and the case's condition marked; without a two-phase region, the note. Each output is written atomically (render_support). Prints each path written;
on bad input one line "phase_diagram: ..." on stderr and exit code 2.
"""
import sys

import render_support  # first: sets matplotlib up for files
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


class SpecError(Exception):
    pass


def _column(spec, key, n):
    values = np.array([np.nan if v is None else float(v) for v in spec[key]])
    if values.shape != (n,):
        raise SpecError(f"{key}: {values.size} values for {n} temperatures")
    return values


def render(spec):
    T = np.asarray(spec["temperatures"], dtype=float)
    if T.size < 2:
        raise SpecError("the spec needs at least two temperatures")
    outputs = spec.get("outputs")
    if not outputs:
        raise SpecError("the spec needs outputs")
    bl, bh = _column(spec, "binodal_low", T.size), _column(spec, "binodal_high", T.size)
    sl, sh = _column(spec, "spinodal_low", T.size), _column(spec, "spinodal_high", T.size)
    fig, ax = plt.subplots(figsize=(7.0, 5.0))
    two = np.isfinite(bl) & np.isfinite(bh)
    critical = spec.get("critical_T")
    if two.any():
        Tt, low, high = T[two], np.maximum(bl[two], 1e-12), bh[two]
        slo, shi = sl[two], sh[two]
        if critical is not None and spec.get("critical_phi") is not None and critical > Tt.max():
            # Binodal and spinodal meet at the critical point: close the curves there.
            pc = float(spec["critical_phi"])
            Tt, low, high = np.append(Tt, critical), np.append(low, pc), np.append(high, pc)
            slo, shi = np.append(slo, pc), np.append(shi, pc)
        ax.fill_betweenx(Tt, low, high, color="tab:red", alpha=0.12,
                         label="two phases (inside the binodal)")
        ax.plot(low, Tt, color="tab:red", label="binodal")
        ax.plot(high, Tt, color="tab:red")
        ax.plot(slo, Tt, color="tab:orange", linestyle="--", label="spinodal")
        ax.plot(shi, Tt, color="tab:orange", linestyle="--")
    if critical is not None:
        ax.axhline(critical, color="0.4", linewidth=0.8, linestyle=":")
        if spec.get("critical_phi") is not None:
            ax.plot([spec["critical_phi"]], [critical], marker="*", markersize=11, color="tab:red",
                    linestyle="none", label=f"critical point ({critical:.1f} °C)")
    c = spec["condition"]
    ax.plot([c["phi"]], [c["T"]], marker="o", color="k", linestyle="none", label="case condition")
    ax.set_xscale("log")
    ax.set_xlim(1e-6, 0.7)
    ax.set_ylim(T.min(), T.max())
    ax.set_xlabel("volume fraction of core + shell particles φ [-]")
    ax.set_ylabel("temperature [°C]")
    if not two.any():
        note = spec.get("note") or "one phase over the whole range"
        ax.text(0.5, 0.5, note.replace(" (", "\n(").replace("): ", "):\n"), transform=ax.transAxes,
                ha="center", va="center", color="0.3", fontsize=9)
    ax.set_title(spec.get("title", ""), fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="best")
    fig.tight_layout()
    return render_support.save(fig, outputs)


if __name__ == "__main__":
    sys.exit(render_support.main("phase_diagram", render, sys.argv, (SpecError,)))
