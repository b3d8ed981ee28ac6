"""The design-chart and bar-chart renderers (python/proscale/chart.py, bars.py) on synthetic
tables whose values are known (run by ctest; no proscale run involved)."""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

import numpy as np

ROOT = os.environ["PROSCALE_SOURCE_DIR"]
RENDERERS = os.path.join(ROOT, "python", "proscale")
sys.path.insert(0, RENDERERS)  # the renderers import their sibling render_support


def load(name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(RENDERERS, name + ".py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


chart = load("chart")


def table(path, rows):
    with open(path, "w") as f:
        f.write("run,a.x [K],b.y [mol/m^3],status,z [m],w [-],problem\n")
        for r in rows:
            f.write(",".join(str(v) for v in r) + "\n")


class ChartTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "sweep.csv")
        rows, run = [], 1
        # z = x y * 1e-9 m on a 6 x 5 grid (x in K: 290..340, y: 1..16 mol/m^3 log-spaced); run 7
        # failed, run 12 suspect.
        for x in np.linspace(290.0, 340.0, 6):
            for y in np.geomspace(1.0, 16.0, 5):
                status = "incomplete" if run == 7 else "suspect" if run == 12 else "complete"
                rows.append([run, x, y, status, x * y * 1e-9, y / 16.0, ""])
                run += 1
        table(self.path, rows)

    def tearDown(self):
        self.dir.cleanup()

    def spec(self, **changes):
        s = {
            "title": "test",
            "table": self.path,
            "x": {"column": "a.x [K]", "label": "x", "unit": "degC", "scale": 1.0, "offset": 273.15, "log": False},
            "y": {"column": "b.y [mol/m^3]", "label": "y", "unit": "mmol/L", "scale": 1.0, "offset": 0.0, "log": True},
            "metric": {"column": "z [m]", "label": "z", "unit": "um", "scale": 1e-6, "offset": 0.0, "levels": None},
            "overlay": [{"column": "w [-]", "label": "w", "unit": "", "scale": 1.0, "offset": 0.0, "levels": [0.25, 0.5]}],
            "window": [{"column": "z [m]", "label": "z", "min": 1e-6, "max": 3e-6},
                       {"column": "w [-]", "label": "w", "min": None, "max": 0.5}],
            "outputs": [os.path.join(self.dir.name, "chart.png"), os.path.join(self.dir.name, "chart.svg")],
        }
        s.update(changes)
        return s

    def test_draws_png_and_svg_with_the_window_and_the_failed_run(self):
        written = chart.render(self.spec())
        self.assertEqual(written, self.spec()["outputs"])
        with open(written[0], "rb") as f:
            self.assertEqual(f.read(8), b"\x89PNG\r\n\x1a\n")
        svg = ET.parse(written[1]).getroot()  # well-formed XML
        text = " ".join(t for t in svg.itertext())
        # The window in the metric's display unit (1e-6 m = 1 um) and the overlay's plain number.
        self.assertIn("specification window: 1 um ≤ z ≤ 3 um, w ≤ 0.5", text)
        self.assertIn("failed (1)", text)
        self.assertIn("suspect: a self-check failed (1)", text)
        self.assertIn("runs (28)", text)

    def test_window_margin(self):
        # Two-sided bound [1, 3] (width 2) and one-sided <= 0.5 (magnitude 0.5): the least of the
        # relative margins, >= 0 exactly where both hold.
        bounds = self.spec()["window"]
        z = np.array([0.5e-6, 1.0e-6, 2.0e-6, 2.0e-6, 4.0e-6])
        w = np.array([0.1, 0.1, 0.1, 0.75, 0.1])
        m = chart.window_margin(bounds, {"z [m]": z, "w [-]": w})
        np.testing.assert_allclose(m, [-0.25, 0.0, 0.5, -0.5, -0.5], rtol=0, atol=1e-12)

    def test_a_missing_column_and_collinear_runs_are_refused(self):
        with open(os.path.join(self.dir.name, "bad.json"), "w") as f:
            json.dump(self.spec(metric={"column": "d50 [m]", "label": "d50", "unit": "", "scale": 1, "offset": 0}), f)
        p = subprocess.run([sys.executable, os.path.join(RENDERERS, "chart.py"), f.name],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("chart: " + self.path + " has no column 'd50 [m]'; columns: run, a.x [K]", p.stderr)
        self.assertFalse(os.path.exists(self.spec()["outputs"][0]))  # nothing written
        table(self.path, [[k + 1, 300.0 + k, 2.0, "complete", 1e-6, 0.1, ""] for k in range(5)])
        with self.assertRaisesRegex(chart.ChartError, "do not span an area"):
            chart.render(self.spec(window=[], overlay=[]))


class ResidualsTest(unittest.TestCase):
    def test_residuals(self):
        residuals = load("residuals")
        with tempfile.TemporaryDirectory() as d:
            out = [os.path.join(d, "r.png"), os.path.join(d, "r.svg")]
            spec = {"title": "t", "response": "d50", "unit": "m", "log": True, "prediction": "in-sample",
                    "runs": ["1", "2", "3"], "observed": [1e-7, 2e-7, 3e-7], "predicted": [1.1e-7, 1.9e-7, 3e-7],
                    "residual": [-0.0953, 0.0513, 0.0], "outputs": out}
            self.assertEqual(residuals.render(spec), out)
            text = " ".join(ET.parse(out[1]).getroot().itertext())
            self.assertIn("residual ln(observed/predicted)", text)
            spec["runs"] = ["1"]
            with self.assertRaises(ValueError):
                residuals.render(spec)


class BarsTest(unittest.TestCase):
    def test_bars(self):
        bars = load("bars")
        with tempfile.TemporaryDirectory() as d:
            out = [os.path.join(d, "s.png"), os.path.join(d, "s.svg")]
            spec = {"title": "t", "outputs": out, "panels": [{"metric": "m", "note": "", "keys": ["a", "b"],
                    "bars": [{"name": "S1", "values": [0.5, 0.2], "low": [0.4, 0.1], "high": [0.6, 0.3]},
                             {"name": "ST", "values": [0.6, 0.3], "low": None, "high": None}]}]}
            self.assertEqual(bars.render(spec), out)
            text = " ".join(ET.parse(out[1]).getroot().itertext())
            self.assertIn("S1", text)
            spec["panels"][0]["bars"][0]["values"] = [0.5]
            with self.assertRaises(bars.SpecError):
                bars.render(spec)


if __name__ == "__main__":
    unittest.main()
