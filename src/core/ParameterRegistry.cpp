#include "core/ParameterRegistry.h"

#include <cmath>
#include <stdexcept>

namespace proscale {

void ParameterRegistry::add(ModelParameter p) {
  if (has(p.name)) throw std::invalid_argument("parameter '" + p.name + "' registered twice");
  if (!p.get || !p.set) throw std::invalid_argument("parameter '" + p.name + "' needs get and set");
  if (!(p.scale > 0) || !std::isfinite(p.scale))
    throw std::invalid_argument("parameter '" + p.name + "' needs a positive scale");
  m_parameters.push_back(std::move(p));
}

void ParameterRegistry::bind(std::string name, std::string unit, double& value, std::string doc,
                             bool perturbable) {
  ModelParameter p;
  p.name = std::move(name);
  p.unit = std::move(unit);
  p.scale = value != 0.0 && std::isfinite(value) ? std::abs(value) : 1.0;
  p.perturbable = perturbable;
  p.doc = std::move(doc);
  p.get = [&value] { return value; };
  p.set = [&value](double v) { value = v; };
  add(std::move(p));
}

void ParameterRegistry::bind(std::string name, std::string unit, double& value, std::string doc,
                             std::function<void()> recompute) {
  bind(std::move(name), std::move(unit), value, std::move(doc), true);
  m_parameters.back().set = [&value, recompute = std::move(recompute)](double v) {
    value = v;
    recompute();
  };
}

void ParameterRegistry::onChange(std::function<void()> recompute) {
  m_recompute.push_back(std::move(recompute));
}

bool ParameterRegistry::has(const std::string& name) const {
  for (const auto& p : m_parameters)
    if (p.name == name) return true;
  return false;
}

std::size_t ParameterRegistry::index(const std::string& name) const {
  for (std::size_t i = 0; i < m_parameters.size(); ++i)
    if (m_parameters[i].name == name) return i;
  std::string known;
  for (const auto& p : m_parameters) known += (known.empty() ? "" : ", ") + p.name;
  throw std::out_of_range("no parameter '" + name + "' (the model has: " +
                          (known.empty() ? "none" : known) + ")");
}

void ParameterRegistry::set(std::size_t i, double value) {
  if (!std::isfinite(value))
    throw std::invalid_argument("parameter '" + m_parameters.at(i).name + "' set to a non-finite value");
  m_parameters.at(i).set(value);
  for (const auto& recompute : m_recompute) recompute();
}

}  // namespace proscale
