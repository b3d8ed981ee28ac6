#include "models/particles/EmpiricalKinetics.h"

#include <cmath>

#include "core/Constants.h"

namespace proscale {
namespace {

/// k x^n and its slope for x > 0 (n >= 1, so the slope is finite at x -> 0+); 0 otherwise.
SigmaRate powerLaw(double k, double x, double n) {
  if (!(x > 0.0) || k == 0.0) return {};
  return {k * std::pow(x, n), k * n * std::pow(x, n - 1.0), 0.0};
}

ParamSpec order(const char* key, const char* doc) {
  return ParamSpec::real(key, dim::none, doc).defaultsTo("1").atLeast(1);
}

ParamSpec activationEnergy(const char* key, const char* constant) {
  return ParamSpec::real(key, dim::molarEnergy,
                         std::string("Activation energy E: ") + constant +
                             " becomes the pre-exponential factor of " + constant +
                             " exp(-E/(R T)), T in K; absent: no temperature dependence.")
      .unit("kJ/mol")
      .atLeast(0);
}

SigmaRate scaled(SigmaRate r, double f) { return {r.value * f, r.dSigma * f, r.dPhi * f}; }

}  // namespace

double arrheniusFactor(double E, double T) {
  return E == 0.0 ? 1.0 : std::exp(-E / (constants::R * T));
}

SchemaPtr EmpiricalNucleation::schema() {
  auto s = std::make_shared<Schema>(
      "nucleation",
      "Primary B_p = k_p sigma^u and secondary B_s = k_b sigma^b (M_T / (1 kg/m^3))^k "
      "nucleation; nuclei are born in the first size class (population.min-size).");
  s->add(ParamSpec::real("primary-rate-constant", dim::numberDensity / dim::time, "k_p.")
             .unit("1/m^3/s")
             .defaultsTo("0 1/m^3/s")
             .atLeast(0));
  s->add(order("primary-order", "u (>= 1)."));
  s->add(activationEnergy("primary-activation-energy", "k_p"));
  s->add(ParamSpec::real("secondary-rate-constant", dim::numberDensity / dim::time,
                         "k_b, with M_T entering as its value in kg/m^3 (= g/L).")
             .unit("1/m^3/s")
             .defaultsTo("0 1/m^3/s")
             .atLeast(0));
  s->add(order("secondary-order", "b (>= 1)."));
  s->add(ParamSpec::real("suspension-density-exponent", dim::none,
                         "k, the exponent of M_T (kg crystals per m^3 of suspension).")
             .defaultsTo("1")
             .atLeast(0));
  s->add(activationEnergy("secondary-activation-energy", "k_b"));
  return s;
}

EmpiricalNucleation::EmpiricalNucleation(const Parameters& p, double crystalDensity)
    : m_kp(p.real("primary-rate-constant")),
      m_u(p.real("primary-order")),
      m_kb(p.real("secondary-rate-constant")),
      m_b(p.real("secondary-order")),
      m_k(p.real("suspension-density-exponent")),
      m_density(crystalDensity),
      m_Ep(p.has("primary-activation-energy") ? p.real("primary-activation-energy") : 0.0),
      m_Eb(p.has("secondary-activation-energy") ? p.real("secondary-activation-energy") : 0.0),
      m_hasEp(p.has("primary-activation-energy")),
      m_hasEb(p.has("secondary-activation-energy")) {}

SigmaRate EmpiricalNucleation::primary(const Supersaturation& s, double T) const {
  return s.excess > 0.0 ? scaled(powerLaw(m_kp, s.sigma, m_u), arrheniusFactor(m_Ep, T))
                        : SigmaRate{};
}

SigmaRate EmpiricalNucleation::secondary(const Supersaturation& s, double phi, double T) const {
  if (!(s.excess > 0.0)) return {};
  SigmaRate r = scaled(powerLaw(m_kb, s.sigma, m_b), arrheniusFactor(m_Eb, T));
  // M_T as a number in kg/m^3; a slightly negative phi (a solver's trial step) counts as 0. At
  // M_T = 0 with 0 < k < 1 the slope is infinite: it is left at 0 there (inexact Jacobian).
  const double MT = std::max(phi, 0.0) * m_density;
  const double f = std::pow(MT, m_k);
  const double df = MT > 0.0 ? m_k * std::pow(MT, m_k - 1.0) * m_density : 0.0;
  return {r.value * f, r.dSigma * f, r.value * df};
}

// The rate constants always (perturbing a zero one switches the mechanism on, which a study
// may want); a mechanism's order and exponent only when it is on: at k = 0 they multiply zero.
void EmpiricalNucleation::registerParameters(ParameterRegistry& registry,
                                             const std::string& section) {
  registry.bind(section + ".primary-rate-constant", "1/m^3/s", m_kp, "k_p of k_p sigma^u");
  if (m_kp > 0.0) registry.bind(section + ".primary-order", "-", m_u, "u of k_p sigma^u");
  if (m_kp > 0.0 && m_hasEp)
    registry.bind(section + ".primary-activation-energy", "J/mol", m_Ep,
                  "E of k_p exp(-E/(R T))");
  registry.bind(section + ".secondary-rate-constant", "1/m^3/s", m_kb,
                "k_b of k_b sigma^b M_T^k");
  if (m_kb > 0.0) {
    registry.bind(section + ".secondary-order", "-", m_b, "b of k_b sigma^b M_T^k");
    registry.bind(section + ".suspension-density-exponent", "-", m_k, "k of k_b sigma^b M_T^k");
    if (m_hasEb)
      registry.bind(section + ".secondary-activation-energy", "J/mol", m_Eb,
                    "E of k_b exp(-E/(R T))");
  }
}

SchemaPtr EmpiricalGrowth::schema() {
  auto s = std::make_shared<Schema>(
      "growth",
      "G = k_g sigma^g (a + gamma L)^p while supersaturated, -k_d |sigma - sigma_sat|^d while "
      "undersaturated (0 without k_d); growth-rate dispersion D_g.");
  s->add(ParamSpec::real("rate-constant", dim::velocity, "k_g.")
             .unit("um/s")
             .isRequired()
             .atLeast(0));
  s->add(order("order", "g (>= 1)."));
  s->add(activationEnergy("activation-energy", "k_g"));
  s->add(ParamSpec::real("size-constant", dim::none, "a of (a + gamma L)^p (ASL: 1).")
             .defaultsTo("1")
             .above(0));
  s->add(ParamSpec::real("size-coefficient", dim::none / dim::length,
                         "gamma of (a + gamma L)^p; 0: size-independent growth.")
             .unit("1/um")
             .defaultsTo("0 1/m")
             .atLeast(0));
  s->add(ParamSpec::real("size-exponent", dim::none, "p of (a + gamma L)^p (ASL: b < 1).")
             .defaultsTo("1")
             .atLeast(0));
  s->add(ParamSpec::real("dissolution-rate-constant", dim::velocity,
                         "k_d: dissolution G = -k_d |sigma - sigma_sat|^d below saturation; 0: "
                         "no dissolution (G = 0).")
             .unit("um/s")
             .defaultsTo("0 m/s")
             .atLeast(0));
  s->add(order("dissolution-order", "d (>= 1)."));
  s->add(ParamSpec::real("dispersion", dim::diffusivity,
                         "Growth-rate dispersion: a constant size-space diffusivity D_g.")
             .unit("um^2/s")
             .defaultsTo("0 m^2/s")
             .atLeast(0));
  return s;
}

EmpiricalGrowth::EmpiricalGrowth(const Parameters& p)
    : m_kg(p.real("rate-constant")),
      m_g(p.real("order")),
      m_a(p.real("size-constant")),
      m_gamma(p.real("size-coefficient")),
      m_p(p.real("size-exponent")),
      m_kd(p.real("dissolution-rate-constant")),
      m_d(p.real("dissolution-order")),
      m_dispersion(p.real("dispersion")),
      m_Eg(p.has("activation-energy") ? p.real("activation-energy") : 0.0),
      m_hasEg(p.has("activation-energy")) {}

// The Arrhenius factor scales growth only; dissolution (k_d) and dispersion keep their constants.
SigmaRate EmpiricalGrowth::rate(const Supersaturation& s, double L, double T) const {
  if (s.excess > 0.0) {
    SigmaRate r = scaled(powerLaw(m_kg, s.sigma, m_g), arrheniusFactor(m_Eg, T));
    const double f = std::pow(m_a + m_gamma * L, m_p);
    return {r.value * f, r.dSigma * f, 0.0};
  }
  // d|excess|/d sigma = -1 below saturation, so dG/dsigma = +k_d d |excess|^(d-1).
  const SigmaRate d = powerLaw(m_kd, -s.excess, m_d);
  return {-d.value, d.dSigma, 0.0};
}

// The dissolution constants are registered only when the case dissolves at all: at k_d = 0 a
// perturbation would switch a mechanism on rather than vary it.
void EmpiricalGrowth::registerParameters(ParameterRegistry& registry, const std::string& section) {
  registry.bind(section + ".rate-constant", "m/s", m_kg, "k_g of k_g sigma^g (a + gamma L)^p");
  registry.bind(section + ".order", "-", m_g, "g of k_g sigma^g (a + gamma L)^p");
  if (m_hasEg)
    registry.bind(section + ".activation-energy", "J/mol", m_Eg, "E of k_g exp(-E/(R T))");
  registry.bind(section + ".size-constant", "-", m_a, "a of (a + gamma L)^p");
  if (sizeDependent()) {
    registry.bind(section + ".size-coefficient", "1/m", m_gamma, "gamma of (a + gamma L)^p");
    registry.bind(section + ".size-exponent", "-", m_p, "p of (a + gamma L)^p");
  }
  if (dissolves()) {
    registry.bind(section + ".dissolution-rate-constant", "m/s", m_kd, "k_d of -k_d |sigma|^d");
    registry.bind(section + ".dissolution-order", "-", m_d, "d of -k_d |sigma|^d");
  }
  if (m_dispersion > 0.0)
    registry.bind(section + ".dispersion", "m^2/s", m_dispersion, "growth-rate dispersion D_g");
}

}  // namespace proscale
