#pragma once
// proscale.water, proscale.water_fast and proscale.solvent: material properties for notebooks,
// the same numbers as `proscale describe` (docs/theory/water.md, pseudo-molecules.md).
#include <pybind11/pybind11.h>

namespace proscale::python {

void bindMaterials(pybind11::module_& m);

}  // namespace proscale::python
