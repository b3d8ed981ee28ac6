#pragma once
// Crystal growth rates G = dL/dt [m/s] (L = diameter). Equations and sources:
// docs/theory/growth.md.
#include <optional>

#include <string>

#include "core/ParameterRegistry.h"
#include "core/Registry.h"
#include "models/particles/DrivingForce.h"
#include "models/particles/InterfacialEnergy.h"
#include "models/particles/InterfaceFlux.h"
#include "models/thermo/Diffusivity.h"

namespace proscale {

class GrowthLaw {
 public:
  virtual ~GrowthLaw() = default;
  /// G at particle size L [m] (size-independent laws ignore L).
  virtual RateAndSlopes rate(const DrivingForce& f, double L) const = 0;
  virtual bool sizeDependent() const { return false; }
  /// ln S_eq(L): the supersaturation at which a particle of size L neither grows nor dissolves
  /// (Gibbs-Thomson); 0 for a law without a size-dependent solubility.
  virtual double lnEquilibriumRatio(const DrivingForce& /*f*/, double /*L*/) const { return 0.0; }
  /// True if the law has a size-dependent solubility (Gibbs-Thomson): G vanishes at the
  /// critical size and particles below it dissolve.
  virtual bool hasCriticalSize() const { return false; }
  /// Exposes the law's constants as parameters named `<section>.<key>` (bound to this law).
  virtual void registerParameters(ParameterRegistry& /*registry*/, const std::string& /*section*/) {}
};

/// Surface-integration (reaction) limited: G = k_g (S - 1)^g for S > 1, else 0.
class PowerLawGrowth final : public GrowthLaw {
 public:
  PowerLawGrowth(double k, double order) : m_k(k), m_order(order) {}
  RateAndSlopes rate(const DrivingForce& f, double L = 0.0) const override;
  void registerParameters(ParameterRegistry& registry, const std::string& section) override;

 private:
  double m_k, m_order;
};

/// Growth through a diffusion layer from the individual ion concentrations (InterfaceFlux.h),
/// G = 2 V_m k_d u, with
/// * mass transfer across a film of thickness delta (k_d = D/delta, size independent) or to a
///   sphere in still liquid (Sherwood number 2: k_d = 2 D / L);
/// * optionally Gibbs-Thomson solubility, ln S_eq(L) = 4 gamma V_m / (nu R T L), so that
///   particles below the critical size dissolve (Ostwald ripening);
/// * the interface in equilibrium (diffusion control) or, with an integration law, diffusion
///   and surface integration in series.
class InterfaceGrowth final : public GrowthLaw {
 public:
  struct Settings {
    AqueousDiffusivity diffusivity{1e-9, 298.15};
    double filmThickness = 0.0;        ///< delta [m]; 0: sphere, Sherwood number 2
    InterfacialEnergy gibbsThomson;    ///< gamma; none: no Gibbs-Thomson term
    std::optional<IntegrationLaw> integration;
  };
  explicit InterfaceGrowth(Settings s) : m_s(std::move(s)) {}
  RateAndSlopes rate(const DrivingForce& f, double L) const override;
  bool sizeDependent() const override {
    return m_s.filmThickness == 0.0 || m_s.gibbsThomson.any();
  }
  double lnEquilibriumRatio(const DrivingForce& f, double L) const override;
  bool hasCriticalSize() const override { return m_s.gibbsThomson.any(); }
  void registerParameters(ParameterRegistry& registry, const std::string& section) override;

 private:
  Settings m_s;
};

using GrowthFactory = Factory<GrowthLaw>;
const GrowthFactory& growthLaws();

}  // namespace proscale
