#pragma once
// Size-independent crystal growth rates G = dL/dt [m/s] (L = diameter).
// Equations and sources: docs/theory/growth.md.
#include "core/Registry.h"
#include "models/particles/DrivingForce.h"

namespace proscale {

class GrowthLaw {
 public:
  virtual ~GrowthLaw() = default;
  virtual RateAndSlopes rate(const DrivingForce& f) const = 0;
};

/// Surface-integration (reaction) limited: G = k_g (S - 1)^g for S > 1, else 0.
class PowerLawGrowth final : public GrowthLaw {
 public:
  PowerLawGrowth(double k, double order) : m_k(k), m_order(order) {}
  RateAndSlopes rate(const DrivingForce& f) const override;

 private:
  double m_k, m_order;
};

/// Diffusion limited, film model: dL/dt = 2 k_d V_m (c - c_eq) = 2 k_d V_m c (1 - 1/S), with
/// k_d = D / delta. Negative below saturation: particles dissolve.
class DiffusionLimitedGrowth final : public GrowthLaw {
 public:
  explicit DiffusionLimitedGrowth(double massTransferCoefficient) : m_kd(massTransferCoefficient) {}
  RateAndSlopes rate(const DrivingForce& f) const override;

 private:
  double m_kd;
};

using GrowthFactory = Factory<GrowthLaw>;
const GrowthFactory& growthLaws();

}  // namespace proscale
