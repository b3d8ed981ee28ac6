"""proscale.water, water_fast and solvent as a notebook calls them (run by ctest)."""
import unittest

import numpy as np
import proscale


class MaterialsTest(unittest.TestCase):
    def test_water_state_with_units_and_in_si(self):
        # IAPWS-95 release (R6-95(2018)), Table 7, row T = 500 K, rho = 838.025 kg/m^3:
        # p = 0.100003858e2 MPa, cv = 0.322106219e1 kJ/(kg K), w = 0.127128441e4 m/s,
        # s = 0.256690919e1 kJ/(kg K), to the 9 digits printed.
        w = proscale.water(500.0, rho=838.025)
        self.assertAlmostEqual(w["pressure"] / 1e6, 10.0003858, delta=5e-8)
        self.assertAlmostEqual(w["cv"] / 1e3, 3.22106219, delta=5e-9)
        self.assertAlmostEqual(w["speed_of_sound"], 1271.28441, delta=5e-6)
        self.assertAlmostEqual(w["entropy"] / 1e3, 2.56690919, delta=5e-9)
        # Units in strings, SI in the dict; the same state either way.
        a = proscale.water("400 degC", "25 MPa")
        b = proscale.water(673.15, 25e6)
        self.assertEqual(a["phase"], "supercritical")
        self.assertEqual(a["density"], b["density"])
        self.assertIn("IAPWS-95", a["equations"])

    def test_water_out_of_range_is_a_value_error(self):
        with self.assertRaisesRegex(ValueError, "273.15-1073.15 K"):
            proscale.water("900 degC", "25 MPa")
        with self.assertRaisesRegex(ValueError, "needs a unit"):
            proscale.water("400", "25 MPa")

    def test_fast_path_arrays_agree_with_iapws95(self):
        T = np.linspace(300.0, 1000.0, 50)
        p = np.full_like(T, 25e6)
        fast = proscale.water_fast(T, p)
        exact = np.array([proscale.water(t, q)["density"] for t, q in zip(T, p)])
        # The fast path's stated bound outside the near-critical band (docs/theory/water.md).
        self.assertLess(np.max(np.abs(fast["density"] / exact - 1.0)), 1e-6)

    def test_solvent(self):
        s = proscale.solvent("Toluene")
        self.assertEqual((s["delta_d"], s["delta_p"], s["delta_h"]), (18.0, 1.4, 2.0))
        with self.assertRaisesRegex(ValueError, "known: Cyclohexane"):
            proscale.solvent("tolune")


if __name__ == "__main__":
    unittest.main()
