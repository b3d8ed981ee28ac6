#pragma once
// Primary nucleation rates B [1/m^3/s]. Equations and sources: docs/theory/nucleation.md.
#include <limits>

#include "core/Registry.h"
#include "models/particles/DrivingForce.h"

namespace proscale {

class NucleationLaw {
 public:
  virtual ~NucleationLaw() = default;
  virtual RateAndSlopes rate(const DrivingForce& f) const = 0;
  /// Diameter of the critical nucleus [m]; NaN when the law has no such notion or S <= 1.
  virtual double criticalDiameter(const DrivingForce&) const {
    return std::numeric_limits<double>::quiet_NaN();
  }
};

/// Classical nucleation theory (Volmer-Weber, Becker-Döring):
///   B = A exp(-f 16 pi gamma^3 v_m^2 / (3 (k T)^3 (ln S)^2)),  v_m = V_m / N_A,
/// with A given or from Mersmann (1990): A = 1.5 D (c N_A)^(7/3) sqrt(gamma / kT) v_m.
class ClassicalNucleation final : public NucleationLaw {
 public:
  ClassicalNucleation(double interfacialEnergy, double heterogeneousFactor, double prefactor,
                      double diffusivity);
  RateAndSlopes rate(const DrivingForce& f) const override;
  double criticalDiameter(const DrivingForce& f) const override;

 private:
  double m_gamma, m_factor, m_prefactor, m_diffusivity;  // prefactor 0 -> Mersmann
};

/// CNT with fitted constants: B = A exp(-b / (ln S)^2).
class FittedClassicalNucleation final : public NucleationLaw {
 public:
  FittedClassicalNucleation(double prefactor, double exponent) : m_A(prefactor), m_b(exponent) {}
  RateAndSlopes rate(const DrivingForce& f) const override;

 private:
  double m_A, m_b;
};

/// Empirical power law: B = k_b (S - 1)^b for S > 1, else 0.
class PowerLawNucleation final : public NucleationLaw {
 public:
  PowerLawNucleation(double k, double order) : m_k(k), m_order(order) {}
  RateAndSlopes rate(const DrivingForce& f) const override;

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
