#include "models/kinetics/ReactionNetwork.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/Constants.h"
#include "core/NumberFormat.h"
#include "core/Units.h"
#include "models/kinetics/Stoichiometry.h"

namespace proscale {
namespace {
constexpr int kMaxReactionOrder = 10;
}  // namespace

SchemaPtr ReactionNetwork::schema() {
  auto s = std::make_shared<Schema>("reaction", "An irreversible mass-action reaction.");
  s->add(ParamSpec::string("equation", "Reaction equation, e.g. 'A + B -> C'; reactant "
                                       "coefficients are the reaction orders.")
             .isRequired());
  s->add(ParamSpec::string("rate-constant",
                           "Rate constant k in (concentration)^(1 - order)/time, e.g. "
                           "'0.1 1/s' (first order) or '2 L/mol/s' (second order).")
             .isRequired());
  s->add(ParamSpec::real("enthalpy", dim::molarEnergy,
                         "Reaction enthalpy Delta H_r per mole of reaction (negative: "
                         "exothermic); used by an energy balance (reactor.energy-balance).")
             .unit("kJ/mol")
             .defaultsTo("0 J/mol"));
  s->add(ParamSpec::real("activation-energy", dim::molarEnergy,
                         "Arrhenius activation energy E_a: k(T) = k exp(-(E_a/R)(1/T - 1/T_ref)), "
                         "k the rate-constant at reference-temperature; 0: k constant.")
             .unit("kJ/mol")
             .defaultsTo("0 J/mol")
             .atLeast(0));
  s->add(ParamSpec::real("reference-temperature", dim::temperature,
                         "Temperature T_ref at which rate-constant is given (with an activation "
                         "energy).")
             .unit("degC")
             .defaultsTo("25 degC")
             .above(0));
  return s;
}

ReactionNetwork::ReactionNetwork(const Parameters::List& list,
                                 const std::vector<std::string>& species) {
  auto indexOf = [&](const Parameters& p, const std::string& name) {
    auto it = std::find(species.begin(), species.end(), name);
    if (it == species.end())
      throw p.error("equation", "species '" + name + "' is not declared in solution.species");
    return static_cast<std::size_t>(it - species.begin());
  };
  for (const Parameters& p : list) {
    Reaction r;
    r.equation = p.string("equation");
    ReactionEquation eq;
    try {
      eq = parseEquation(r.equation);
    } catch (const std::invalid_argument& e) {
      throw p.error("equation", e.what());
    }
    r.netStoichiometry.assign(species.size(), 0.0);
    double order = 0.0;
    for (const auto& [name, nu] : eq.reactants) {
      const std::size_t i = indexOf(p, name);
      r.reactants.emplace_back(i, nu);
      r.netStoichiometry[i] -= nu;
      order += nu;
    }
    for (const auto& [name, nu] : eq.products) r.netStoichiometry[indexOf(p, name)] += nu;
    // Mass-action rate laws are elementary steps: molecularity 1..3 in practice; empirical
    // orders stay small too. Beyond 10 the equation is a typing error.
    if (order > kMaxReactionOrder)
      throw p.error("equation", "the reactants' coefficients add up to order " +
                                    formatNumber(order) + "; a mass-action rate law of order above " +
                                    std::to_string(kMaxReactionOrder) + " is not supported");
    // k carries (mol/m^3)^(1-order)/s; only integer total orders have a unit to check.
    Quantity k;
    try {
      k = parseQuantity(p.string("rate-constant"));
    } catch (const UnitError& e) {
      throw p.error("rate-constant", e.what());
    }
    if (order == std::round(order)) {
      const Dimension want = dim::concentration.pow(1 - static_cast<int>(order)) / dim::time;
      if (k.dimension != want)
        throw p.error("rate-constant", "unit has dimension " + k.dimension.toString() +
                                           ", a reaction of order " + std::to_string(static_cast<int>(order)) +
                                           " needs " + want.toString());
    }
    if (!(k.value >= 0.0)) throw p.error("rate-constant", "must be >= 0");
    r.rateConstant = k.value;
    r.enthalpy = p.real("enthalpy");
    r.activationEnergy = p.real("activation-energy");
    r.referenceTemperature = p.real("reference-temperature");
    m_reactions.push_back(std::move(r));
  }
}

namespace {
// c^nu; integer orders keep the polynomial (smooth through c = 0, as BDF needs when a
// concentration undershoots slightly), fractional orders use max(c, 0).
double power(double c, double nu) {
  return nu == std::round(nu) ? std::pow(c, nu) : std::pow(std::max(c, 0.0), nu);
}
}  // namespace

double ReactionNetwork::Reaction::rateConstantAt(double T) const {
  if (activationEnergy == 0.0) return rateConstant;
  return rateConstant * std::exp(-activationEnergy / constants::R * (1.0 / T - 1.0 / referenceTemperature));
}

bool ReactionNetwork::dependsOnTemperature() const {
  return std::any_of(m_reactions.begin(), m_reactions.end(),
                     [](const Reaction& r) { return r.activationEnergy != 0.0; });
}

double ReactionNetwork::rate(const Reaction& r, std::span<const double> c, double T) {
  double rate = r.rateConstantAt(T);
  for (const auto& [i, nu] : r.reactants) rate *= power(c[i], nu);
  return rate;
}

// d rate / d c_j = k nu_j c_j^(nu_j - 1) prod_{l != j} c_l^nu_l
double ReactionNetwork::rateSlope(const Reaction& r, std::span<const double> c, double T,
                                  std::size_t j, double nuj) {
  double d = nuj == std::round(nuj) || c[j] > 0.0 ? r.rateConstantAt(T) * nuj * power(c[j], nuj - 1.0)
                                                  : 0.0;
  for (const auto& [l, nul] : r.reactants)
    if (l != j) d *= power(c[l], nul);
  return d;
}

void ReactionNetwork::addRates(std::span<const double> c, double T, std::span<double> dcdt) const {
  for (const auto& r : m_reactions) {
    const double k = rate(r, c, T);
    for (std::size_t i = 0; i < dcdt.size(); ++i) dcdt[i] += r.netStoichiometry[i] * k;
  }
}

void ReactionNetwork::addJacobian(std::span<const double> c, double T, BorderedBandJacobian& J) const {
  for (const auto& r : m_reactions)
    for (const auto& [j, nuj] : r.reactants) {
      const double d = rateSlope(r, c, T, j, nuj);
      for (std::size_t i = 0; i < r.netStoichiometry.size(); ++i)
        if (r.netStoichiometry[i] != 0.0) J.D(i, j) += r.netStoichiometry[i] * d;
    }
}

double ReactionNetwork::heatRelease(std::span<const double> c, double T) const {
  double q = 0.0;
  for (const auto& r : m_reactions)
    if (r.enthalpy != 0.0) q -= r.enthalpy * rate(r, c, T);
  return q;
}

void ReactionNetwork::addHeatReleaseSlopes(std::span<const double> c, double T,
                                           std::span<double> dq) const {
  for (const auto& r : m_reactions)
    if (r.enthalpy != 0.0)
      for (const auto& [j, nuj] : r.reactants) dq[j] -= r.enthalpy * rateSlope(r, c, T, j, nuj);
}

}  // namespace proscale
