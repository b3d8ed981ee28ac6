#pragma once
// The energy balance of a well-mixed vessel (`reactor.energy-balance`), with one volumetric heat
// capacity rho c_p for the contents and every feed:
//   rho c_p V dT/dt = sum_f Q_f rho c_p (T_f - T) + UA (T_j - T) + P + V q,
//   q = -sum_r Delta H_r r_r - Delta H_c P     [W/m^3], P the molar rate of solid formation,
// (the outflow leaves at T and the feeds' share is VesselFlows::heatFed). UA = 0 is adiabatic;
// T_j is constant or a recipe. With a stirrer (models/mixing/StirredTank) P = N_P rho N^3 D^5
// is the impeller's power, dissipated as heat, and UA may come from the jacket correlation. Sources: Fogler, Elements of Chemical Reaction Engineering, 5th
// ed., ch. 11-13 (CSTR and semi-batch energy balances); docs/theory/feeds-and-energy.md.
#include <optional>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/units/Recipe.h"

namespace proscale {

class EnergyBalance {
 public:
  static ParamSpec section();
  /// From the validated section; T0 [K] the vessel's initial temperature (the default jacket
  /// temperature); `stirredUA` [W/K] from the stirred-tank jacket correlation when the vessel
  /// has a stirrer with a jacket (used when the section gives no `ua`), `stirrerPower` [W] the
  /// impeller's power, dissipated as heat.
  /// `share` scales U A and the power: the part of the jacket and of the stirrer's heat that a
  /// compartment network's zone gets (its volume fraction), 1 for a whole vessel.
  EnergyBalance(const Parameters& section, double T0, std::optional<double> stirredUA = {},
                double stirrerPower = 0.0, double share = 1.0);

  double volumetricHeatCapacity() const { return m_rhoCp; }  ///< rho c_p [J/(m^3 K)]
  double ua() const { return m_ua; }                          ///< [W/K]
  double jacketTemperature(double t) const { return m_jacket.value(t); }  ///< [K]
  /// dT/dt without the feeds: UA (T_j - T)/(rho c_p V) + q/(rho c_p) [K/s]; V [m^3], q [W/m^3].
  double rate(double t, double T, double V, double q) const {
    return rateWithJacketAt(jacketTemperature(t), T, V, q);
  }
  /// The same with the jacket at Tj [K] (a tube's wall temperature at the cell).
  double rateWithJacketAt(double Tj, double T, double V, double q) const {
    return (m_ua * (Tj - T) + m_stirrerPower) / (m_rhoCp * V) + q / m_rhoCp;
  }
  /// Heat taken out through the jacket, UA (T - T_j) [W].
  double heatRemoved(double t, double T) const { return m_ua * (T - jacketTemperature(t)); }
  std::vector<double> stopTimes(double end) const { return m_jacket.switchTimes(end); }
  const Recipe& jacket() const { return m_jacket; }

 private:
  double m_rhoCp = 0.0;
  double m_ua = 0.0;
  double m_stirrerPower = 0.0;
  Recipe m_jacket;
};

}  // namespace proscale
