#!/usr/bin/python3
"""Design charts for proscale (run by `proscale sweep` and `proscale chart` on a sweep with a
`chart:` section; docs/theory/studies.md "Design charts").

    /usr/bin/python3 chart.py SPEC.json

SPEC (written by src/app/SweepChart.cpp): the table (the sweep's CSV), the axes x and y, the
contoured metric and the overlays -- each {column, label, unit, scale, offset, log[, levels]}
with SI = scale * shown + offset --, the specification window [{column, label, min, max}] in SI,
an optional correlation's prediction {label, equation, x, y, z[iy][ix]} in SI, and the outputs
(PNG, SVG). It draws the metric's filled contours over the complete and suspect runs (linear
interpolation on their Delaunay triangulation, in log10 of a log axis), the overlays' labelled
contour lines, the window shaded where every bound holds, the prediction's dashed contours,
every run as a dot and the failed ones as red crosses.

Each output goes to a temporary file beside it, renamed over the name: nothing half-written.
Prints the paths written. Bad input: one line "chart: ..." on stderr, exit code 2. Uses only the
standard library, numpy and matplotlib (Agg); it does not import the proscale package.
"""
import csv
import math
import sys

import render_support  # first: sets matplotlib up for files
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.tri as mtri  # noqa: E402
import numpy as np  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator  # noqa: E402


class ChartError(Exception):
    pass


def read_table(path):
    """The CSV as a header and rows of text."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    if not rows:
        raise ChartError(f"{path}: the table is empty")
    return rows[0], rows[1:]


def column(header, rows, name, path):
    """A column's numbers (NaN where empty or not a number)."""
    if name not in header:
        raise ChartError(f"{path} has no column '{name}'; columns: {', '.join(header)}")
    k = header.index(name)
    out = []
    for row in rows:
        try:
            out.append(float(row[k]) if k < len(row) and row[k] != "" else math.nan)
        except ValueError:
            out.append(math.nan)
    return np.array(out)


def shown(values, entry):
    return (np.asarray(values, dtype=float) - entry.get("offset", 0.0)) / entry.get("scale", 1.0)


def label(entry):
    unit = entry.get("unit", "")
    return f"{entry['label']} [{unit}]" if unit else entry["label"]


def axis_coordinate(values, entry):
    """Where a value sits on the drawing: its shown value, or log10 of it on a log axis."""
    v = shown(values, entry)
    return np.log10(v) if entry.get("log") else v


def window_margin(bounds, values):
    """The window's margin at each point: the least, over the bounds, of the distance inside the
    bound over the window's width (over the bound's magnitude for a one-sided bound); >= 0 where
    every bound holds."""
    margin = np.full(len(next(iter(values.values()))) if values else 0, np.inf)
    for b in bounds:
        v = values[b["column"]]
        low, high = b.get("min"), b.get("max")
        width = (high - low) if low is not None and high is not None else abs(low if low is not None else high) or 1.0
        if low is not None:
            margin = np.minimum(margin, (v - low) / width)
        if high is not None:
            margin = np.minimum(margin, (high - v) / width)
    return margin


def window_text(bounds, spec):
    """'350 nm <= d50_volume <= 500 nm, span_volume <= 0.85' in each column's display unit."""
    entries = {spec["metric"]["column"]: spec["metric"]}
    for o in spec.get("overlay", []):
        entries.setdefault(o["column"], o)
    parts = []
    for b in bounds:
        # A column not drawn is shown in SI, with the unit its header gives ("name [1/m^3]").
        header_unit = b["column"][b["column"].rfind("[") + 1:-1] if b["column"].endswith("]") else ""
        e = entries.get(b["column"], {"label": b["label"], "unit": "" if header_unit == "-" else header_unit,
                                      "scale": 1.0, "offset": 0.0})
        unit = f" {e['unit']}" if e.get("unit") else ""

        def fmt(v):
            return f"{float(shown(v, e)):.4g}{unit}"

        text = b["label"]
        if b.get("min") is not None:
            text = f"{fmt(b['min'])} ≤ {text}"
        if b.get("max") is not None:
            text = f"{text} ≤ {fmt(b['max'])}"
        parts.append(text)
    return ", ".join(parts)


def log_ticks(ax_set, low, high):
    """Ticks at 1, 2, 5 x 10^k inside [low, high] (log10 coordinates), labelled with the value."""
    ticks = [math.log10(m * 10.0 ** k) for k in range(math.floor(low) - 1, math.ceil(high) + 1)
             for m in (1, 2, 5) if low - 1e-9 <= math.log10(m * 10.0 ** k) <= high + 1e-9]
    ax_set.set_major_locator(FixedLocator(ticks))
    ax_set.set_major_formatter(FuncFormatter(lambda v, _: f"{10 ** v:g}"))


def render(spec):
    """Draws the chart the spec describes; returns the paths written."""
    for key in ("table", "x", "y", "metric", "outputs"):
        if key not in spec:
            raise ChartError(f"the spec has no '{key}'")
    path = spec["table"]
    header, rows = read_table(path)
    status = [row[header.index("status")] if "status" in header else "complete" for row in rows]
    x = column(header, rows, spec["x"]["column"], path)
    y = column(header, rows, spec["y"]["column"], path)
    metric = spec["metric"]
    z = column(header, rows, metric["column"], path)
    overlays = spec.get("overlay", [])
    bounds = spec.get("window", [])
    needed = {o["column"]: column(header, rows, o["column"], path) for o in overlays}
    for b in bounds:
        needed.setdefault(b["column"], column(header, rows, b["column"], path))
    needed.setdefault(metric["column"], z)

    ran = np.array([s in ("complete", "suspect") for s in status])
    usable = ran & np.isfinite(x) & np.isfinite(y) & np.isfinite(z)
    failed = ~ran & np.isfinite(x) & np.isfinite(y)
    if usable.sum() < 3:
        raise ChartError(f"{path}: {int(usable.sum())} runs with {metric['label']}; a chart needs at least 3")
    tx, ty = axis_coordinate(x, spec["x"]), axis_coordinate(y, spec["y"])
    try:
        tri = mtri.Triangulation(tx[usable], ty[usable])
    except (ValueError, RuntimeError) as e:
        raise ChartError(f"the runs do not span an area over {spec['x']['label']} and {spec['y']['label']} "
                         f"(they lie on a line?): {e}") from None

    fig, ax = plt.subplots(figsize=(6.4, 5.2))
    levels = metric.get("levels")
    zs = shown(z[usable], metric)
    if not levels:
        levels = MaxNLocator(10).tick_values(np.nanmin(zs), np.nanmax(zs))
    filled = ax.tricontourf(tri, zs, levels=levels, cmap="viridis", extend="both")
    fig.colorbar(filled, ax=ax, label=label(metric))
    handles = []

    for o in overlays:
        ov = shown(needed[o["column"]][usable], o)
        lines = ax.tricontour(tri, ov, levels=o.get("levels") or 6, colors="white", linewidths=1.0)
        ax.clabel(lines, fmt=lambda v, o=o: f"{v:g}" + (f" {o['unit']}" if o.get("unit") else ""), fontsize=8)
        handles.append(Line2D([], [], color="0.55", lw=1.0, label=f"{label(o)} (white contours)"))

    if bounds:
        values = {c: v[usable] for c, v in needed.items()}
        margin = window_margin(bounds, values)
        finite = np.where(np.isfinite(margin), margin, -1.0)
        if np.nanmax(finite) >= 0.0:
            ax.tricontourf(tri, finite, levels=[0.0, np.inf], colors="none", hatches=["///"])
            ax.tricontour(tri, finite, levels=[0.0], colors="red", linewidths=1.6)
        handles.append(Patch(facecolor="none", edgecolor="red", hatch="///",
                             label="specification window: " + window_text(bounds, spec)))

    prediction = spec.get("prediction")
    if prediction:
        px = axis_coordinate(prediction["x"], spec["x"])
        py = axis_coordinate(prediction["y"], spec["y"])
        pz = shown(np.asarray(prediction["z"], dtype=float), metric)
        ax.contour(px, py, pz, levels=levels, colors="black", linestyles="dashed", linewidths=0.8)
        handles.append(Line2D([], [], color="black", ls="--", lw=0.8, label=prediction["label"]))

    complete = usable & (np.array(status) == "complete")
    suspect = usable & (np.array(status) == "suspect")
    ax.plot(tx[complete], ty[complete], "o", ms=3, color="black", label=f"runs ({int(complete.sum())})")
    handles.append(Line2D([], [], ls="", marker="o", ms=3, color="black", label=f"runs ({int(complete.sum())})"))
    if suspect.any():
        ax.plot(tx[suspect], ty[suspect], "^", ms=5, color="orange")
        handles.append(Line2D([], [], ls="", marker="^", ms=5, color="orange",
                              label=f"suspect: a self-check failed ({int(suspect.sum())})"))
    if failed.any():
        ax.plot(tx[failed], ty[failed], "x", ms=8, mew=2, color="red")
    handles.append(Line2D([], [], ls="", marker="x", ms=8, mew=2, color="red", label=f"failed ({int(failed.sum())})"))

    for entry, axis, values in ((spec["x"], ax.xaxis, tx), (spec["y"], ax.yaxis, ty)):
        if entry.get("log"):
            finite = values[np.isfinite(values)]
            log_ticks(axis, finite.min(), finite.max())
    ax.set_xlabel(label(spec["x"]) + (" (log scale)" if spec["x"].get("log") else ""))
    ax.set_ylabel(label(spec["y"]) + (" (log scale)" if spec["y"].get("log") else ""))
    ax.set_title(spec.get("title", ""), fontsize=10)
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=1, fontsize=8,
              frameon=False)
    return render_support.save(fig, spec["outputs"], bbox_inches="tight")


if __name__ == "__main__":
    sys.exit(render_support.main("chart", render, sys.argv, (ChartError,)))
