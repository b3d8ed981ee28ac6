#pragma once
// proscale.Case and proscale.Results: a case loaded once (from a file, a YAML text or a dict,
// with typed overrides), its state layout and parameters, run as often as wanted (after
// changing parameters), results as numpy arrays.
#include <pybind11/pybind11.h>

namespace proscale::python {

void bindCase(pybind11::module_& m);

}  // namespace proscale::python
