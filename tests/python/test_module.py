"""The Python module against the command line's own case files (run by ctest)."""
import math
import os
import sys
import unittest

import numpy as np
import proscale

ROOT = os.environ["PROSCALE_SOURCE_DIR"]


class ModuleTest(unittest.TestCase):
    def test_run_flagship(self):
        r = proscale.run(os.path.join(ROOT, "cases/baso4_batch.yaml"),
                         set={"output.vtk": "false"})
        self.assertEqual(r["status"], "complete")
        # Requirement: solute + solid conserved to 1e-8.
        self.assertLess(r["metrics"]["mass_balance_error"], 1e-8)
        self.assertEqual(r["units"]["d50_volume"], "m")
        ts = r["timeseries"]
        self.assertEqual(len(ts["time"]), 81)
        self.assertTrue(np.all(np.isfinite(ts["supersaturation"])))
        # S falls from its initial value (~800) close to saturation.
        self.assertGreater(ts["supersaturation"][0], 100.0)
        self.assertLess(ts["supersaturation"][-1], 1.2)
        # The flagship leaves its grid to the tool: the classes it chose, as a number.
        classes = int(r.tool_settings["chosen"]["population.classes"])
        self.assertTrue(r.tool_settings["settled"])
        psd = r["psd"]
        self.assertEqual(psd["number"].shape, (81, classes))
        self.assertEqual(len(psd["faces"]), classes + 1)
        # The number density is the sum over classes of the final PSD.
        total = psd["number"][-1].clip(min=0).sum()
        self.assertTrue(math.isclose(total, r["metrics"]["number_density"], rel_tol=1e-12))

    def test_moment_method_msmpr(self):
        # MSMPR with QMOM: N = B0 tau exactly (validation/analytic/msmpr.yaml), no distribution.
        r = proscale.run(os.path.join(ROOT, "validation/analytic/msmpr.yaml"),
                         set={"population.method": "qmom"})
        self.assertEqual(r["status"], "complete")
        self.assertTrue(math.isclose(r["metrics"]["number_density"], 1e13 * 100.0, rel_tol=1e-6))
        self.assertIn("node_L1", r["timeseries"])
        self.assertTrue(np.all(np.isfinite(r["timeseries"]["mu5"])))
        self.assertEqual(len(r["psd"]), 0)

    def test_bad_input_raises(self):
        with self.assertRaises(proscale.InputError) as ctx:
            proscale.check(os.path.join(ROOT, "cases/baso4_batch.yaml"),
                           set={"reactor.temprature": "40 degC"})
        self.assertIn("did you mean 'temperature'", str(ctx.exception))
        self.assertTrue(issubclass(proscale.InputError, ValueError))


if __name__ == "__main__":
    sys.exit(unittest.main())
