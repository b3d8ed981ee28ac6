#pragma once
// Primary nucleation rates B [1/m^3/s]. Equations and sources: docs/theory/nucleation.md.
#include <limits>
#include <optional>

#include <string>

#include "core/ParameterRegistry.h"
#include "core/Registry.h"
#include "models/particles/DrivingForce.h"
#include "models/particles/InterfacialEnergy.h"
#include "models/thermo/Diffusivity.h"

namespace proscale {

class NucleationLaw {
 public:
  virtual ~NucleationLaw() = default;
  virtual RateAndSlopes rate(const DrivingForce& f) const = 0;
  /// Diameter of the critical nucleus [m]; NaN when the law has no such notion or S <= 1.
  virtual double criticalDiameter(const DrivingForce&) const {
    return std::numeric_limits<double>::quiet_NaN();
  }
  /// Diameter at which a nucleus counted by rate() leaves the near-critical region and grows
  /// deterministically [m] (docs/theory/nucleation.md, "Where nuclei are born"); NaN without
  /// a critical size.
  virtual double birthDiameter(const DrivingForce& f) const { return criticalDiameter(f); }
  /// The lower edge of the near-critical region [m], where a size grid must start so that
  /// fluctuations can carry clusters back across L*; NaN without a critical size.
  virtual double lowerEdgeDiameter(const DrivingForce& f) const { return criticalDiameter(f); }
  /// Exposes the law's constants as parameters named `<section>.<key>` (bound to this law).
  virtual void registerParameters(ParameterRegistry& /*registry*/, const std::string& /*section*/) {}
};

/// Classical nucleation theory with the mean-ion supersaturation S of a solid of nu ions:
///   B_hom = A exp(-W*/kT),  W*/kT = 16 pi gamma^3 v_m^2 / (3 (k T)^3 (nu ln S)^2),
///   critical diameter L* = 4 gamma v_m / (nu k T ln S),  v_m = V_m / N_A,
/// with A given or Mersmann's A = 1.5 D (c' N_A)^(7/3) sqrt(gamma / kT) v_m, where c' is the
/// mean concentration c (basis `concentration`) or the activity-based S c_sat (`activity`).
/// Optionally plus heterogeneous nucleation on n_s active sites per m^3 with the barrier
/// reduced by f (contact-angle function), its own prefactor:
///   B_het = n_s z_het f*_het exp(-f W*/kT)  (docs/theory/nucleation.md).
/// Optionally with Tolman's gamma(r) = gamma / (1 + 2 delta / r) (delta > 0): the work
/// DeltaG(r) = -(4/3) pi r^3 nu kT ln S / v_m + 4 pi r^2 gamma(r) has its maximum at
///   r* = (r0 - 4 delta + sqrt(r0^2 + 4 r0 delta)) / 2,  r0 = 2 gamma v_m / (nu kT ln S),
///   W* = (4 pi / 3) gamma r*^4 / (r* + 2 delta)^2,
/// and none (W* = 0, r* = 0) for delta >= 3 r0 / 4; prefactors keep gamma
/// (docs/theory/nucleation.md, "Size-dependent interfacial energy (Tolman)").
class ClassicalNucleation final : public NucleationLaw {
 public:
  enum class PrefactorBasis { Concentration, Activity };
  struct Heterogeneous {
    double siteDensity = 0.0;    ///< n_s [1/m^3]
    double barrierFactor = 1.0;  ///< f in (0, 1]
  };
  struct Settings {
    InterfacialEnergy gamma;
    double prefactor = 0.0;  ///< A [1/(m^3 s)]; 0: Mersmann's from the diffusivity
    std::optional<AqueousDiffusivity> diffusivity;
    PrefactorBasis basis = PrefactorBasis::Concentration;
    std::optional<Heterogeneous> heterogeneous;
    double tolmanLength = 0.0;  ///< delta [m] of gamma(r); 0: the classical law exactly
  };
  explicit ClassicalNucleation(Settings s) : m_s(std::move(s)) {}
  RateAndSlopes rate(const DrivingForce& f) const override;
  double criticalDiameter(const DrivingForce& f) const override;
  /// x_b L*, where the cluster work is kT below the barrier: 3 x_b^2 - 2 x_b^3 = 1 - kT/W,
  /// W the barrier of homogeneous and heterogeneous nucleation weighted by their rates.
  double birthDiameter(const DrivingForce& f) const override;
  /// x_lo L* < L*, the other root of the same equation (at least L*/2).
  double lowerEdgeDiameter(const DrivingForce& f) const override;
  /// The two parts, for reports and tests.
  RateAndSlopes homogeneousRate(const DrivingForce& f) const;
  RateAndSlopes heterogeneousRate(const DrivingForce& f) const;
  void registerParameters(ParameterRegistry& registry, const std::string& section) override;

 private:
  /// W/kT of homogeneous and heterogeneous nucleation weighted by their rates.
  double weightedBarrier(const DrivingForce& f) const;
  /// With the Tolman correction: the radius above (upper) or below the critical one where the
  /// cluster work has fallen to (1 - kTOverBarrier) W* (below: at least r*/2).
  double tolmanEdgeRadius(const DrivingForce& f, double kTOverBarrier, bool upper) const;

  Settings m_s;
};

/// x_b > 1 with 3 x_b^2 - 2 x_b^3 = 1 - kTOverBarrier: the diameter, in units of L*, at which
/// the capillary cluster work W(L) = W* (3 x^2 - 2 x^3) has fallen kT below the barrier W*.
double nearCriticalEdge(double kTOverBarrier);
/// x_lo in [1/2, 1) with the same equation: the lower edge of the near-critical region (1/2
/// when the barrier is below about kT/0.5: a grid need not reach smaller clusters).
double nearCriticalLowerEdge(double kTOverBarrier);

/// CNT with fitted constants: B = A exp(-b / (ln S)^2) (b absorbs nu^2 and the shape).
class FittedClassicalNucleation final : public NucleationLaw {
 public:
  FittedClassicalNucleation(double prefactor, double exponent) : m_A(prefactor), m_b(exponent) {}
  RateAndSlopes rate(const DrivingForce& f) const override;
  void registerParameters(ParameterRegistry& registry, const std::string& section) override;

 private:
  double m_A, m_b;
};

/// Empirical power law: B = k_b (S - 1)^b for S > 1, else 0.
class PowerLawNucleation final : public NucleationLaw {
 public:
  PowerLawNucleation(double k, double order) : m_k(k), m_order(order) {}
  RateAndSlopes rate(const DrivingForce& f) const override;
  void registerParameters(ParameterRegistry& registry, const std::string& section) override;

 private:
  double m_k, m_order;
};

/// No primary nucleation (seeded processes).
class NoNucleation final : public NucleationLaw {
 public:
  RateAndSlopes rate(const DrivingForce&) const override { return {}; }
};

using NucleationFactory = Factory<NucleationLaw>;
const NucleationFactory& nucleationLaws();

}  // namespace proscale
