#pragma once
// The parameters a model exposes to studies, fitting and sensitivity analysis: name, SI value,
// unit, a typical magnitude (the scale a solver perturbs by), and whether it may be perturbed.
// A model registers each parameter with a getter and a setter that write to where the model
// keeps the value; `set` applies a new value and then runs the model's recompute hooks, so that
// tables built from the parameters (ion-pair tables, nucleation prefactors, K_sp(T)) follow.
// Values are SI throughout (core/Units.h); names are the case-file key paths
// ("nucleation.interfacial-energy") so a study and a case file speak the same language.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace proscale {

struct ModelParameter {
  std::string name;          ///< key path, e.g. "nucleation.interfacial-energy"
  std::string unit;          ///< SI unit of the value, e.g. "J/m^2"
  double scale = 1.0;        ///< typical magnitude, > 0 (perturbation and sensitivity scaling)
  bool perturbable = true;   ///< false for values a perturbation would make meaningless
  std::string doc;
  std::function<double()> get;
  std::function<void(double)> set;
};

class ParameterRegistry {
 public:
  /// Adds a parameter; std::invalid_argument for a duplicate name, a missing getter or setter,
  /// or a non-positive scale.
  void add(ModelParameter parameter);
  /// Adds a parameter stored in `value` (which must outlive the registry's use), scale |value|
  /// (1 if zero).
  void bind(std::string name, std::string unit, double& value, std::string doc,
            bool perturbable = true);
  /// As bind, and `recompute` runs after each set() of this parameter only: the rebuild of a
  /// table made from it (a pair table, per-class selection rates).
  void bind(std::string name, std::string unit, double& value, std::string doc,
            std::function<void()> recompute);
  /// Runs after every set(): rebuild what depends on the parameters.
  void onChange(std::function<void()> recompute);

  std::size_t size() const { return m_parameters.size(); }
  const std::vector<ModelParameter>& all() const { return m_parameters; }
  bool has(const std::string& name) const;
  /// Index of `name`; std::out_of_range naming the known parameters if absent.
  std::size_t index(const std::string& name) const;
  const ModelParameter& at(std::size_t i) const { return m_parameters.at(i); }

  double value(std::size_t i) const { return m_parameters.at(i).get(); }
  double value(const std::string& name) const { return value(index(name)); }
  /// Applies a value (SI) and runs the recompute hooks. std::invalid_argument if not finite.
  void set(std::size_t i, double value);
  void set(const std::string& name, double value) { set(index(name), value); }

 private:
  std::vector<ModelParameter> m_parameters;
  std::vector<std::function<void()>> m_recompute;
};

}  // namespace proscale
