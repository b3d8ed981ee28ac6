#!/usr/bin/python3
"""Sensitivity bar charts for proscale (run by `proscale run` on a global-sensitivity study).

    /usr/bin/python3 bars.py SPEC.json

SPEC (written by src/app/SensitivityCommand.cpp):
    {"title": str,
     "panels": [{"metric": str, "note": str,
                 "keys": [str, ...],                       # most influential first
                 "bars": [{"name": "S1", "values": [...], "low": [...] | null, "high": [...] | null},
                          ...]}],
     "outputs": ["/abs/sensitivity.png", "/abs/sensitivity.svg"]}

One panel per metric: horizontal grouped bars per key (the first key at the top), with the
intervals as error bars where given. Each output is written to a temporary file beside it and
renamed, so nothing is half-written. Prints each path written; on bad input one line
"bars: ..." on stderr and exit code 2. Uses only the standard library, numpy and matplotlib
(Agg); it does not import the proscale package.
"""
import sys

import render_support  # first: sets matplotlib up for files
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


class SpecError(Exception):
    pass


def _panel(ax, panel):
    keys = panel["keys"]
    bars = panel["bars"]
    if not keys or not bars:
        raise SpecError(f"panel {panel.get('metric')!r} has no keys or no bars")
    y = np.arange(len(keys))
    height = 0.8 / len(bars)
    for b, bar in enumerate(bars):
        values = np.asarray(bar["values"], dtype=float)
        if values.shape != (len(keys),):
            raise SpecError(f"bars {bar['name']!r} of {panel['metric']!r}: {values.size} values for {len(keys)} keys")
        offset = (b - (len(bars) - 1) / 2) * height
        err = None
        if bar.get("low") is not None and bar.get("high") is not None:
            low, high = np.asarray(bar["low"], float), np.asarray(bar["high"], float)
            err = np.vstack([np.maximum(values - low, 0), np.maximum(high - values, 0)])
        ax.barh(y + offset, values, height=height, xerr=err, capsize=3, label=bar["name"])
    ax.set_yticks(y, keys)
    ax.invert_yaxis()  # the most influential key on top
    ax.axvline(0.0, color="0.3", linewidth=0.8)
    ax.set_title(panel["metric"] + (f" ({panel['note']})" if panel.get("note") else ""), fontsize=10)
    ax.grid(axis="x", alpha=0.3)
    ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)


def render(spec):
    """Draws the spec's panels; returns the paths written."""
    panels = spec.get("panels")
    outputs = spec.get("outputs")
    if not panels or not outputs:
        raise SpecError("the spec needs panels and outputs")
    rows = max(len(p["keys"]) for p in panels)
    fig, axes = plt.subplots(len(panels), 1, figsize=(8.0, 1.2 + (0.45 * rows + 0.8) * len(panels)),
                             squeeze=False)
    for ax, panel in zip(axes[:, 0], panels):
        _panel(ax, panel)
    fig.suptitle(spec.get("title", ""), fontsize=11)
    fig.tight_layout()
    return render_support.save(fig, outputs)


if __name__ == "__main__":
    sys.exit(render_support.main("bars", render, sys.argv, (SpecError,)))
