"""What proscale's chart renderers (chart.py, bars.py, residuals.py) share: matplotlib set up
for files (Agg; SVG text kept as text, searchable and editable in a report), each figure
written atomically (a temporary file beside the target, renamed over it: nothing
half-written), and the command line `RENDERER.py SPEC.json` (prints the paths written; on bad
input one line "NAME: ..." on stderr and exit code 2). The renderers import it as a sibling
module; it does not import the proscale package (whose __init__ loads a compiled extension).
"""
import json
import os
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.fonttype"] = "none"
import matplotlib.pyplot as plt  # noqa: E402


def save(fig, paths, **savefig):
    """Writes `fig` to each path (the format from its extension, 150 dpi), atomically, then
    closes it. Returns the paths."""
    for path in paths:
        directory, name = os.path.split(path)
        fd, tmp = tempfile.mkstemp(prefix=name + ".tmp-", dir=directory or ".")
        os.close(fd)
        try:
            fig.savefig(tmp, format=os.path.splitext(name)[1][1:], dpi=150, **savefig)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.remove(tmp)
    plt.close(fig)
    return list(paths)


def main(name, render, argv, errors=()):
    """`name.py SPEC.json`: render(spec) and print the paths; exit 2 with one line on bad input
    (OSError, ValueError, KeyError, TypeError and `errors`)."""
    if len(argv) != 2:
        print(f"{name}: usage: {name}.py SPEC.json", file=sys.stderr)
        return 2
    try:
        with open(argv[1]) as f:
            for path in render(json.load(f)):
                print(path)
    except (OSError, ValueError, KeyError, TypeError, *errors) as e:
        print(f"{name}: {e}", file=sys.stderr)
        return 2
    return 0
