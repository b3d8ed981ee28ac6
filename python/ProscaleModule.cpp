// pybind11 module `proscale._proscale`: the Case and Results classes (CaseBinding.h) and the
// one-call helpers proscale.run(case, set={...}) and proscale.check(case, set={...}); water and
// solvent properties (MaterialBinding.h).
#include <pybind11/pybind11.h>

#include "CaseBinding.h"
#include "MaterialBinding.h"
#include "PythonValues.h"
#include "app/CaseRun.h"
#include "core/Errors.h"
#include "core/Version.h"

namespace py = pybind11;
using namespace proscale;

PYBIND11_MODULE(_proscale, m) {
  m.doc() = "proscale: process-science simulation (case files in YAML, results as numpy arrays)";
  m.attr("__version__") = kVersion;
  py::register_exception<InputError>(m, "InputError", PyExc_ValueError);
  python::bindCase(m);
  python::bindMaterials(m);

  m.def(
      "run",
      [](const std::string& file, const py::object& set) -> py::object {
        return py::module_::import("proscale._proscale").attr("Case")(file, set).attr("run")();
      },
      py::arg("case_file"), py::arg("set") = py::none(),
      "Case(case_file, set).run(): simulate a case file; `set` overrides keys with typed "
      "values. Bad input raises proscale.InputError; a solver failure returns status "
      "'incomplete'.");
  m.def(
      "check",
      [](const std::string& file, const py::object& set) {
        return LoadedCase::load(file, python::overridesFrom(set)).modelType;
      },
      py::arg("case_file"), py::arg("set") = py::none(),
      "Validate a case file and build its model; returns the model type.");
}
