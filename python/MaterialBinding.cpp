#include "MaterialBinding.h"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

#include <pybind11/numpy.h>

#include "PythonValues.h"
#include "core/Errors.h"
#include "core/Units.h"
#include "models/thermo/dispersion/HansenSolvents.h"
#include "models/thermo/water/Water.h"
#include "models/thermo/water/WaterTable.h"

namespace py = pybind11;

namespace proscale::python {
namespace {

/// A number in SI, or a string with its unit ("400 degC") of dimension `d`.
double siValue(const py::handle& x, Dimension d, const char* what) {
  if (py::isinstance<py::str>(x)) {
    const std::string text = x.cast<std::string>();
    Quantity q;
    try {
      q = parseQuantity(text);
    } catch (const UnitError& e) {
      throw py::value_error(std::string(what) + ": " + e.what());
    }
    if (!q.hasUnit || q.dimension != d)
      throw py::value_error(std::string(what) + ": '" + text + "' needs a unit of " + d.toString());
    return q.value;
  }
  return x.cast<double>();
}

py::dict describe(const WaterDescription& d) {
  const WaterState& s = d.state;
  py::dict r;
  r["temperature"] = s.T;
  r["pressure"] = s.p;
  r["phase"] = phaseName(s.phase);
  r["density"] = s.rho;
  r["enthalpy"] = s.h;
  r["entropy"] = s.s;
  r["cp"] = s.cp;
  r["cv"] = s.cv;
  r["speed_of_sound"] = s.w;
  r["viscosity"] = d.viscosity;
  r["thermal_conductivity"] = d.conductivity;
  r["dielectric_constant"] = d.dielectric;
  r["pKw"] = d.pKw;
  r["equations"] = d.equations;
  return r;
}

}  // namespace

void bindMaterials(py::module_& m) {
  m.def(
      "water",
      [](const py::object& T, const py::object& p, const py::object& rho) {
        const double t = siValue(T, dim::temperature, "T");
        try {
          if (!rho.is_none()) {
            if (!p.is_none()) throw py::value_error("give p or rho, not both");
            return describe(describeWaterTRho(t, siValue(rho, dim::density, "rho")));
          }
          if (p.is_none()) throw py::value_error("give p (or rho)");
          return describe(describeWater(t, siValue(p, dim::pressure, "p")));
        } catch (const RecoverableError& e) {
          throw py::value_error(e.what());
        }
      },
      py::arg("T"), py::arg("p") = py::none(), py::arg("rho") = py::none(),
      "Water at (T, p) or (T, rho) by IAPWS-95 with viscosity (2008), thermal conductivity "
      "(2011), dielectric constant (1997) and pK_w (R11-24): a dict in SI units (K, Pa, kg/m^3, "
      "J/kg, J/(kg K), m/s, Pa s, W/(m K)). T, p, rho: numbers in SI or strings with units "
      "('400 degC', '25 MPa'). Outside 0-800 degC, 100 MPa: ValueError naming the range.");
  m.def(
      "water_fast",
      [](py::array_t<double, py::array::c_style | py::array::forcecast> T,
         py::array_t<double, py::array::c_style | py::array::forcecast> p) {
        if (T.size() != p.size()) throw py::value_error("T and p need the same number of values");
        const auto n = static_cast<std::size_t>(T.size());
        std::vector<double> rho(n), h(n), cp(n);
        const double* t = T.data();
        const double* q = p.data();
        const WaterTable& table = WaterTable::shared();
        try {
          for (std::size_t i = 0; i < n; ++i) {
            const WaterTableState s = table.at(t[i], q[i]);
            rho[i] = s.rho;
            h[i] = s.h;
            cp[i] = s.cp;
          }
        } catch (const RecoverableError& e) {
          throw py::value_error(e.what());
        }
        py::dict r;
        r["density"] = ownedArray(std::move(rho));
        r["enthalpy"] = ownedArray(std::move(h));
        r["cp"] = ownedArray(std::move(cp));
        return r;
      },
      py::arg("T"), py::arg("p"),
      "Density [kg/m^3], enthalpy [J/kg] and cp [J/(kg K)] of water at arrays of T [K] and "
      "p [Pa] through the tabulated fast path (within 1e-6 of IAPWS-95 outside +-0.2 K x "
      "+-0.2 MPa around the critical point; docs/theory/water.md).");
  m.def(
      "solvent",
      [](const std::string& name) {
        HansenSolvent s;
        try {
          s = hansenSolvent(name);
        } catch (const std::invalid_argument& e) {
          throw py::value_error(e.what());
        }
        py::dict r;
        r["name"] = s.name;
        r["delta_d"] = s.parameters.dispersion;
        r["delta_p"] = s.parameters.polar;
        r["delta_h"] = s.parameters.hydrogenBonding;
        r["molar_volume"] = s.molarVolume;
        r["flag"] = s.flag();
        r["source"] = s.source;
        return r;
      },
      py::arg("name"),
      "Hansen solubility parameters [MPa^0.5] and molar volume [m^3/mol] of a tabulated "
      "solvent at 25 degC; ValueError listing the known ones for another name.");
}

}  // namespace proscale::python
