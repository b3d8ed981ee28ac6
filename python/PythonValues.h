#pragma once
// Python values into case-file text and out of C++ results:
//  * overrides: `set={"reactor.temperature": "40 degC", "population.classes": 100,
//    "solver.sensitivities": ["growth.interfacial-energy"]}` -- numbers, booleans, strings,
//    lists and dicts become YAML (yaml-cpp's emitter), so no value needs quoting by hand;
//  * a whole case as a dict (Case.from_dict) becomes the YAML text the loader reads;
//  * result vectors become numpy arrays that own the moved vector (no copy).
#include <string>
#include <vector>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include "case/Overrides.h"

namespace proscale::python {

/// YAML text of a Python value (None, bool, int, float, str, list/tuple, dict with str keys).
/// TypeError for anything else, naming `where`.
std::string yamlText(pybind11::handle value, const std::string& where);

/// The overrides of a `set=` dict (None: none).
std::vector<Override> overridesFrom(const pybind11::object& set);

/// A 1-D array that owns `values` (moved in, freed with the array).
pybind11::array_t<double> ownedArray(std::vector<double>&& values);
/// A 2-D C-ordered array rows x columns that owns `values` (size rows * columns).
pybind11::array_t<double> ownedArray(std::vector<double>&& values, std::size_t rows,
                                     std::size_t columns);
/// A C-ordered array of `shape` that owns `values` (size the product of shape).
pybind11::array_t<double> ownedArray(std::vector<double>&& values, const std::vector<std::size_t>& shape);

}  // namespace proscale::python
