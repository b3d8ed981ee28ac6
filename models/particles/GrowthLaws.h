#pragma once
// Size-independent crystal growth rates G = dL/dt [m/s] (L = diameter).
// Equations and sources: docs/theory/growth.md.
#include "core/Registry.h"
#include "models/particles/DrivingForce.h"

namespace proscale {

class GrowthLaw {
 public:
  virtual ~GrowthLaw() = default;
  /// G at particle size L [m] (size-independent laws ignore L).
  virtual RateAndSlopes rate(const DrivingForce& f, double L) const = 0;
  virtual bool sizeDependent() const { return false; }
};

/// Surface-integration (reaction) limited: G = k_g (S - 1)^g for S > 1, else 0.
class PowerLawGrowth final : public GrowthLaw {
 public:
  PowerLawGrowth(double k, double order) : m_k(k), m_order(order) {}
  RateAndSlopes rate(const DrivingForce& f, double L = 0.0) const override;

 private:
  double m_k, m_order;
};

/// Diffusion limited, film model: dL/dt = 2 k_d V_m (c - c_eq) = 2 k_d V_m c (1 - 1/S), with
/// k_d = D / delta. Negative below saturation: particles dissolve.
class DiffusionLimitedGrowth final : public GrowthLaw {
 public:
  explicit DiffusionLimitedGrowth(double massTransferCoefficient) : m_kd(massTransferCoefficient) {}
  RateAndSlopes rate(const DrivingForce& f, double L = 0.0) const override;

 private:
  double m_kd;
};

/// Diffusion to a sphere (Sherwood number 2) with Gibbs-Thomson solubility:
///   dL/dt = 4 D V_m c (1 - S_eq(L)/S) / L,   ln S_eq(L) = 4 gamma V_m / (nu R T L),
/// so particles smaller than the critical size L* = 4 gamma V_m / (nu R T ln S) dissolve and
/// larger ones grow: Ostwald ripening, with the Lifshitz-Slyozov-Wagner rate in the dilute limit.
class GibbsThomsonDiffusionGrowth final : public GrowthLaw {
 public:
  GibbsThomsonDiffusionGrowth(double diffusivity, double interfacialEnergy)
      : m_D(diffusivity), m_gamma(interfacialEnergy) {}
  RateAndSlopes rate(const DrivingForce& f, double L) const override;
  bool sizeDependent() const override { return true; }

 private:
  double m_D, m_gamma;
};

using GrowthFactory = Factory<GrowthLaw>;
const GrowthFactory& growthLaws();

}  // namespace proscale
