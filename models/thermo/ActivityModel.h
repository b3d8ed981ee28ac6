#pragma once
// Activity coefficients of dissolved species. Concentrations are in mol/m^3 (SI); the models
// work on the molar scale, I = 1/2 sum c_i z_i^2 / c°, m_i = c_i / c°, c° = 1000 mol/m^3
// (1 mol/L; equal to the molal scale for dilute aqueous solutions to within the solution's
// density). Theory and sources: docs/theory/solution-thermodynamics.md.
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/Registry.h"

namespace proscale {

inline constexpr double kStandardConcentration = 1000.0;  // c° [mol/m^3] = 1 mol/L

/// I [mol/L] from concentrations [mol/m^3] and charges.
double ionicStrength(std::span<const double> c, std::span<const int> charges);

/// What an activity model may know of a dissolved species (from `solution.species`).
struct SpeciesInfo {
  std::string name;
  int charge = 0;
  std::optional<double> activityCoefficient;  ///< for `constant`
  std::optional<double> bromleyB, bromleyDelta;  ///< Bromley's individual-ion B and delta
};

class ActivityModel {
 public:
  virtual ~ActivityModel() = default;
  /// ln(gamma_i) at concentrations c [mol/m^3] and temperature T [K], and the slopes
  /// dLnGamma[i * n + j] = d ln(gamma_i)/dc_j [m^3/mol], n species.
  virtual void lnGamma(std::span<const double> c, double T, std::span<double> lnGamma,
                       std::span<double> dLnGamma) const = 0;
  /// Largest ionic strength [mol/L] at which the model may be used.
  virtual double maxIonicStrength() const = 0;
  /// The model's name for messages ("Davies").
  virtual std::string name() const = 0;
  /// Temperatures [K] at which the model may be used (its A(T) correlation's range).
  virtual double minTemperature() const { return 0.0; }
  virtual double maxTemperature() const { return std::numeric_limits<double>::infinity(); }
};

/// gamma = 1: dilute or molecular solutes.
class IdealActivity final : public ActivityModel {
 public:
  void lnGamma(std::span<const double> c, double T, std::span<double> lnGamma,
               std::span<double> dLnGamma) const override;
  double maxIonicStrength() const override;
  std::string name() const override { return "ideal"; }
};

/// gamma_i held constant (as some authors fit their data, e.g. Peters et al. 2024).
class ConstantActivity final : public ActivityModel {
 public:
  explicit ConstantActivity(std::vector<double> gamma) : m_lnGamma(std::move(gamma)) {}
  void lnGamma(std::span<const double> c, double T, std::span<double> lnGamma,
               std::span<double> dLnGamma) const override;
  double maxIonicStrength() const override;
  std::string name() const override { return "constant"; }

 private:
  std::vector<double> m_lnGamma;
};

using ActivityFactory = Factory<ActivityModel, const std::vector<SpeciesInfo>&>;
const ActivityFactory& activityModels();

}  // namespace proscale
