#pragma once
// Aggregation (coagulation) kernels beta(L_i, L_j) [m^3/s] on particle diameters L [m], with
// particle volumes x = k_v L^3 [m^3] and radii r = L/2, each divided by a stability ratio W:
//   constant   beta = beta0                                       (Smoluchowski 1917)
//   sum        beta = beta1 (x_i + x_j)                           (Golovin 1963)
//   product    beta = beta2 x_i x_j                               (gels at finite time)
//   brownian   continuum: beta = 2kT/(3 mu) (1/r_i + 1/r_j)(r_i + r_j)   (Smoluchowski 1917)
//              transition: Fuchs (1964) interpolation, see BrownianKernel
//   shear      beta = (4/3) G_s (r_i + r_j)^3                     (Smoluchowski 1917, orthokinetic)
// Sources and discussion: docs/theory/aggregation.md.
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "core/ParameterRegistry.h"
#include "core/Registry.h"
#include "models/particles/StabilityRatio.h"

namespace proscale {

/// The state of the continuous phase a kernel depends on.
struct AggregationConditions {
  double temperature = 298.15;      ///< T [K]
  double viscosity = 8.9e-4;        ///< dynamic viscosity mu of the continuous phase [Pa s]
  double meanFreePath = 0.0;        ///< of a gas [m] (Brownian transition regime); 0 in a liquid
  std::optional<double> shearRate;  ///< G_s [1/s]; when set, overrides a shear kernel's own value
};

/// Stability ratio W dividing a kernel: a given number, or the Fuchs ratio of a DLVO potential
/// (StabilityRatio.h) evaluated either at a fixed radius or, for each pair, at the radius of
/// equal spheres with the same Derjaguin reduced radius, a_eff = 2 r_i r_j / (r_i + r_j).
class StabilitySetting {
 public:
  StabilitySetting() = default;  ///< W = 1
  static StabilitySetting fixed(double ratio);
  /// `radius` 0: per pair at a_eff.
  static StabilitySetting dlvo(const DlvoParameters& parameters, double radius);

  /// W [-] for diameters L_i, L_j [m] at temperature T [K] (+infinity: no aggregation). A
  /// DLVO ratio costs one quadrature (~0.1 ms).
  double ratio(double Li, double Lj, double temperature) const;
  /// True when W does not depend on the sizes (fixed, or DLVO at a fixed radius).
  bool sizeIndependent() const { return !m_dlvo || m_radius > 0.0; }
  /// True when W depends on the temperature (DLVO: kT, the Debye length).
  bool dependsOnTemperature() const { return m_dlvo.has_value(); }

 private:
  double m_fixed = 1.0;
  std::optional<DlvoParameters> m_dlvo;
  double m_radius = 0.0;
};

class AggregationKernel {
 public:
  explicit AggregationKernel(StabilitySetting stability) : m_stability(std::move(stability)) {}
  virtual ~AggregationKernel() = default;

  /// beta / W [m^3/s] for diameters L [m] and volumes x [m^3] of the two particles.
  double rate(double Li, double Lj, double xi, double xj, const AggregationConditions& c) const;
  /// beta without the stability ratio [m^3/s].
  virtual double collisionRate(double Li, double Lj, double xi, double xj,
                               const AggregationConditions& c) const = 0;
  const StabilitySetting& stability() const { return m_stability; }
  /// True when beta / W depends on the liquid's temperature (and so its viscosity): the
  /// representation tabulates it once, at the conditions it was built with.
  virtual bool dependsOnTemperature() const { return m_stability.dependsOnTemperature(); }
  /// Registers the kernel's constant under `section` (the case key path, "aggregation");
  /// `changed` runs after it is set (a representation rebuilding its pair table).
  virtual void registerParameters(ParameterRegistry& /*registry*/, const std::string& /*section*/,
                                  const std::function<void()>& /*changed*/) {}

 private:
  StabilitySetting m_stability;
};

class ConstantKernel final : public AggregationKernel {
 public:
  ConstantKernel(double beta0, StabilitySetting s = {})
      : AggregationKernel(std::move(s)), m_beta0(beta0) {}
  double collisionRate(double, double, double, double,
                       const AggregationConditions&) const override {
    return m_beta0;
  }

  void registerParameters(ParameterRegistry& registry, const std::string& section,
                          const std::function<void()>& changed) override {
    registry.bind(section + ".rate-constant", "m^3/s", m_beta0, "beta_0 of the constant kernel", changed);
  }

 private:
  double m_beta0;  // [m^3/s]
};

class SumKernel final : public AggregationKernel {
 public:
  SumKernel(double beta1, StabilitySetting s = {})
      : AggregationKernel(std::move(s)), m_beta1(beta1) {}
  double collisionRate(double, double, double xi, double xj,
                       const AggregationConditions&) const override {
    return m_beta1 * (xi + xj);
  }

  void registerParameters(ParameterRegistry& registry, const std::string& section,
                          const std::function<void()>& changed) override {
    registry.bind(section + ".rate-constant", "1/s", m_beta1, "beta_1 of the sum kernel beta_1 (x_i + x_j)", changed);
  }

 private:
  double m_beta1;  // [1/s]
};

class ProductKernel final : public AggregationKernel {
 public:
  ProductKernel(double beta2, StabilitySetting s = {})
      : AggregationKernel(std::move(s)), m_beta2(beta2) {}
  double collisionRate(double, double, double xi, double xj,
                       const AggregationConditions&) const override {
    return m_beta2 * xi * xj;
  }

  void registerParameters(ParameterRegistry& registry, const std::string& section,
                          const std::function<void()>& changed) override {
    registry.bind(section + ".rate-constant", "1/(m^3 s)", m_beta2, "beta_2 of the product kernel beta_2 x_i x_j", changed);
  }

 private:
  double m_beta2;  // [1/(m^3 s)]
};

enum class BrownianRegime { Continuum, Transition };

/// Perikinetic (Brownian) aggregation. Continuum: beta = 2kT/(3 mu) (1/r_i + 1/r_j)(r_i + r_j).
/// Transition (Fuchs 1964, The Mechanics of Aerosols; Seinfeld & Pandis, Atmospheric Chemistry
/// and Physics, 2nd ed. 2006, Table 13.1), D_p = L:
///   beta = 2 pi (D_i + D_j)(D_pi + D_pj) / [ (D_pi + D_pj)/(D_pi + D_pj + 2 sqrt(g_i^2 + g_j^2))
///                                           + 8 (D_i + D_j) / (sqrt(c_i^2 + c_j^2)(D_pi + D_pj)) ]
///   D = kT C_c / (3 pi mu D_p),  C_c = 1 + Kn (1.257 + 0.4 exp(-1.1/Kn)),  Kn = 2 lambda / D_p,
///   c = sqrt(8 kT / (pi m)),  m = rho_p x,  l = 8 D / (pi c),
///   g = ((D_p + l)^3 - (D_p^2 + l^2)^(3/2)) / (3 D_p l) - D_p.
/// It tends to the slip-corrected continuum kernel for D_p >> lambda, l and to the free-molecular
/// kernel pi (r_i + r_j)^2 sqrt(c_i^2 + c_j^2) for D_p << l.
class BrownianKernel final : public AggregationKernel {
 public:
  BrownianKernel(BrownianRegime regime, double particleDensity, StabilitySetting s = {})
      : AggregationKernel(std::move(s)), m_regime(regime), m_density(particleDensity) {}
  double collisionRate(double Li, double Lj, double xi, double xj,
                       const AggregationConditions& c) const override;
  bool dependsOnTemperature() const override { return true; }  // 2 k T / (3 mu(T))

 private:
  BrownianRegime m_regime;
  double m_density;  // rho_p [kg/m^3], transition regime only
};

/// Orthokinetic aggregation in laminar shear (Smoluchowski 1917): beta = (4/3) G_s (r_i + r_j)^3.
/// In turbulence G_s = sqrt(eps / nu) (Camp & Stein 1943; Saffman & Turner 1956 give the same
/// form with 1.29 instead of 4/3), set through AggregationConditions::shearRate.
class ShearKernel final : public AggregationKernel {
 public:
  ShearKernel(double shearRate, StabilitySetting s = {})
      : AggregationKernel(std::move(s)), m_G(shearRate) {}
  double collisionRate(double Li, double Lj, double, double,
                       const AggregationConditions& c) const override;

  void registerParameters(ParameterRegistry& registry, const std::string& section,
                          const std::function<void()>& changed) override {
    registry.bind(section + ".shear-rate", "1/s", m_G, "shear rate G_s", changed);
  }

 private:
  double m_G;  // [1/s]
};

using AggregationFactory = Factory<AggregationKernel>;
/// Family "aggregation": constant, sum, product, brownian, shear (AggregationKernelFactory.cpp).
const AggregationFactory& aggregationKernels();
/// Keys of the optional `dlvo:` section of every kernel.
SchemaPtr dlvoSchema();

}  // namespace proscale
