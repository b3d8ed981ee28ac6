#pragma once
// Crystallizer kinetics as engineers fit them, in the driving force sigma of Supersaturation.h
// (the chosen definition) and the suspension density M_T [kg crystals / m^3 suspension].
// Equations, units and sources: docs/theory/crystallizer-chemistry.md.
//
//   primary nucleation    B_p = k_p sigma^u
//   secondary nucleation  B_s = k_b sigma^b (M_T / (1 kg/m^3))^k
//   growth                G   = k_g sigma^g (a + gamma L)^p        (ASL form; L the diameter)
//   dissolution           G   = -k_d |sigma - sigma_sat|^d          (only if k_d > 0)
//   dispersion            D_g  constant size-space diffusivity [m^2/s]
// With an activation energy E (optional key), k_p, k_b and k_g are pre-exponential factors:
// k(T) = k exp(-E/(R T)) (Arrhenius). T is not an argument of the rates' slopes: the vessel
// differentiates in T by differences where T is a state (energy balance).
// Nucleation and growth vanish unless the solution is supersaturated (c > c*, excess > 0);
// below saturation G is the dissolution rate (0 without k_d). Every rate comes with its slopes
// in sigma and in the solid volume fraction phi (M_T = rho_c phi) for the Jacobian.
#include <string>

#include "core/ParameterRegistry.h"
#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/particles/Supersaturation.h"

namespace proscale {

/// A rate and its partial derivatives in the crystallizer's two arguments.
struct SigmaRate {
  double value = 0.0;
  double dSigma = 0.0;  ///< d rate / d sigma
  double dPhi = 0.0;    ///< d rate / d phi [per m^3/m^3 of solid]
};

class EmpiricalNucleation {
 public:
  /// The `nucleation` section; `crystalDensity` rho_c [kg/m^3] turns phi into M_T.
  static SchemaPtr schema();
  EmpiricalNucleation(const Parameters& nucleation, double crystalDensity);

  /// T: temperature [K] (for the Arrhenius factors).
  SigmaRate primary(const Supersaturation& s, double T) const;
  /// phi: solid volume fraction [m^3/m^3].
  SigmaRate secondary(const Supersaturation& s, double phi, double T) const;
  void registerParameters(ParameterRegistry& registry, const std::string& section);

 private:
  double m_kp = 0.0, m_u = 1.0;              ///< k_p [1/(m^3 s)], u [-]
  double m_kb = 0.0, m_b = 1.0, m_k = 1.0;   ///< k_b [1/(m^3 s)], b, k [-]
  double m_density;                          ///< rho_c [kg/m^3]
  double m_Ep = 0.0, m_Eb = 0.0;             ///< activation energies [J/mol] (0: none)
  bool m_hasEp = false, m_hasEb = false;     ///< given in the case (then registered)
};

class EmpiricalGrowth {
 public:
  /// The `growth` section.
  static SchemaPtr schema();
  explicit EmpiricalGrowth(const Parameters& growth);

  /// G [m/s] at diameter L [m] and temperature T [K].
  SigmaRate rate(const Supersaturation& s, double L, double T) const;
  bool sizeDependent() const { return m_gamma != 0.0; }
  /// D_g [m^2/s] (0: no growth-rate dispersion).
  double dispersion() const { return m_dispersion; }
  bool dissolves() const { return m_kd > 0.0; }
  void registerParameters(ParameterRegistry& registry, const std::string& section);

 private:
  double m_kg = 0.0, m_g = 1.0;                   ///< k_g [m/s], g [-]
  double m_a = 1.0, m_gamma = 0.0, m_p = 1.0;     ///< a [-], gamma [1/m], p [-]
  double m_kd = 0.0, m_d = 1.0;                   ///< k_d [m/s], d [-]
  double m_dispersion = 0.0;                      ///< D_g [m^2/s]
  double m_Eg = 0.0;                              ///< activation energy of k_g [J/mol]
  bool m_hasEg = false;
};

/// exp(-E/(R T)), the Arrhenius factor of a rate constant (1 for E = 0).
double arrheniusFactor(double activationEnergy, double T);

}  // namespace proscale
