#include "PythonValues.h"

#include <yaml-cpp/yaml.h>

namespace py = pybind11;

namespace proscale::python {
namespace {

void emit(YAML::Emitter& out, py::handle value, const std::string& where) {
  if (value.is_none()) {
    out << YAML::Null;
  } else if (py::isinstance<py::bool_>(value)) {  // before int: bool is an int in Python
    out << value.cast<bool>();
  } else if (py::isinstance<py::int_>(value)) {
    out << value.cast<long long>();
  } else if (py::isinstance<py::float_>(value)) {
    out << YAML::Precision(17) << value.cast<double>();
  } else if (py::isinstance<py::str>(value)) {
    out << value.cast<std::string>();
  } else if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    out << YAML::Flow << YAML::BeginSeq;
    for (py::handle item : value) emit(out, item, where);
    out << YAML::EndSeq;
  } else if (py::isinstance<py::dict>(value)) {
    out << YAML::BeginMap;
    for (auto [key, item] : value.cast<py::dict>()) {
      if (!py::isinstance<py::str>(key))
        throw py::type_error(where + ": keys must be strings, not " +
                             py::str(py::type::of(key)).cast<std::string>());
      out << YAML::Key << key.cast<std::string>() << YAML::Value;
      emit(out, item, where + "." + key.cast<std::string>());
    }
    out << YAML::EndMap;
  } else if (py::hasattr(value, "__float__")) {  // numpy scalars
    out << YAML::Precision(17) << value.attr("__float__")().cast<double>();
  } else {
    throw py::type_error(where + ": cannot use a " +
                         py::str(py::type::of(value)).cast<std::string>() +
                         " in a case (numbers, strings, booleans, lists and dicts can)");
  }
}

}  // namespace

std::string yamlText(py::handle value, const std::string& where) {
  YAML::Emitter out;
  emit(out, value, where);
  return out.c_str();
}

std::vector<Override> overridesFrom(const py::object& set) {
  std::vector<Override> overrides;
  if (set.is_none()) return overrides;
  for (auto [key, value] : set.cast<py::dict>()) {
    const std::string path = py::str(key).cast<std::string>();
    overrides.push_back({path, yamlText(value, path)});
  }
  return overrides;
}

py::array_t<double> ownedArray(std::vector<double>&& values) {
  auto* owner = new std::vector<double>(std::move(values));
  py::capsule free(owner, [](void* p) { delete static_cast<std::vector<double>*>(p); });
  return py::array_t<double>(static_cast<py::ssize_t>(owner->size()), owner->data(), free);
}

py::array_t<double> ownedArray(std::vector<double>&& values, std::size_t rows,
                               std::size_t columns) {
  return ownedArray(std::move(values), {rows, columns});
}

py::array_t<double> ownedArray(std::vector<double>&& values, const std::vector<std::size_t>& shape) {
  auto* owner = new std::vector<double>(std::move(values));
  py::capsule free(owner, [](void* p) { delete static_cast<std::vector<double>*>(p); });
  std::vector<py::ssize_t> extents(shape.begin(), shape.end());
  return py::array_t<double>(extents, owner->data(), free);
}

}  // namespace proscale::python
