#pragma once
// Solubility of a molecular solute, c*(T[, w]) [mol/m^3], for crystallizers described by a
// solute concentration and a solubility rather than by ion activities (CrystallizerPoint).
// w is the antisolvent mass fraction of the solvent mixture [-] (only the 2-D table uses it).
// Every law returns c* and states the temperatures (and fractions) where it holds: the point checks the vessel's temperature
// against them on input and its final state in a self-check; outside, the laws extrapolate
// (constant, van 't Hoff, the polynomial: their formula; tables: the end segment) and the
// self-check marks the run suspect. Equations: docs/theory/crystallizer-chemistry.md.
#include <limits>
#include <memory>
#include <vector>

#include "core/Registry.h"

namespace proscale {

class SoluteSolubility {
 public:
  virtual ~SoluteSolubility() = default;
  /// c* [mol/m^3] at temperature T [K] and antisolvent mass fraction w [-].
  virtual double at(double T, double w) const = 0;
  /// Where the law holds: temperatures [K] ...
  virtual double minTemperature() const { return m_Tmin; }
  virtual double maxTemperature() const { return m_Tmax; }
  /// ... and antisolvent fractions [-] (any for a law that does not depend on w).
  virtual bool dependsOnFraction() const { return false; }
  virtual double minFraction() const { return 0.0; }
  virtual double maxFraction() const { return 1.0; }

  /// True if at() returns a mass ratio X* [kg solute / kg solvent] instead of c* [mol/m^3]:
  /// the point converts it (ScaledSoluteSolubility) with the solvent mass per volume.
  virtual bool perSolventMass() const { return m_perSolventMass; }

  /// The validity range the case gives (min-temperature, max-temperature) [K].
  void setTemperatureRange(double Tmin, double Tmax) {
    m_Tmin = Tmin;
    m_Tmax = Tmax;
  }
  void setPerSolventMass(bool perSolventMass) { m_perSolventMass = perSolventMass; }

 private:
  double m_Tmin = 0.0, m_Tmax = std::numeric_limits<double>::infinity();
  bool m_perSolventMass = false;
};

/// A law times a constant factor, with the law's ranges: c* = f X*(T) turns a solubility per
/// mass of solvent X* [kg/kg] into mol per m^3 of suspension with f = w / M, w the solvent
/// mass per m^3 [kg/m^3] and M the solute's molar mass [kg/mol].
class ScaledSoluteSolubility final : public SoluteSolubility {
 public:
  ScaledSoluteSolubility(std::unique_ptr<SoluteSolubility> law, double factor)
      : m_law(std::move(law)), m_factor(factor) {}
  double at(double T, double w) const override { return m_factor * m_law->at(T, w); }
  double minTemperature() const override { return m_law->minTemperature(); }
  double maxTemperature() const override { return m_law->maxTemperature(); }
  bool dependsOnFraction() const override { return m_law->dependsOnFraction(); }
  double minFraction() const override { return m_law->minFraction(); }
  double maxFraction() const override { return m_law->maxFraction(); }
  bool perSolventMass() const override { return false; }

 private:
  std::unique_ptr<SoluteSolubility> m_law;
  double m_factor;
};

/// c* = c*_ref exp(-dH_sol/R (1/T - 1/T_ref)); dH_sol = 0 gives a constant (type `constant`).
class VantHoffSoluteSolubility final : public SoluteSolubility {
 public:
  VantHoffSoluteSolubility(double cRef, double Tref, double dissolutionEnthalpy)
      : m_cRef(cRef), m_Tref(Tref), m_dH(dissolutionEnthalpy) {}
  double at(double T, double w) const override;

 private:
  double m_cRef, m_Tref, m_dH;
};

/// c* = u sum_k a_k ((T - T_0)/K)^k: T - T_0 in kelvin, which is the same number in degC; with
/// T_0 = 0 degC (the default) the polynomial is in degC, as solubility fits usually are.
class PolynomialSoluteSolubility final : public SoluteSolubility {
 public:
  /// `unit` u [mol/m^3]: the concentration the coefficients are written in.
  PolynomialSoluteSolubility(std::vector<double> a, double T0, double unit)
      : m_a(std::move(a)), m_T0(T0), m_unit(unit) {}
  double at(double T, double w) const override;

 private:
  std::vector<double> m_a;
  double m_T0, m_unit;
};

/// c*(T) tabulated at increasing temperatures T_i, interpolated linearly in T either in c*
/// (`linear`) or in ln c* (`log`: exact for a van 't Hoff law between the nodes). Range:
/// [T_1, T_n].
class TableSoluteSolubility final : public SoluteSolubility {
 public:
  TableSoluteSolubility(std::vector<double> T, std::vector<double> c, bool logarithmic);
  double at(double T, double w) const override;
  double minTemperature() const override { return m_T.front(); }
  double maxTemperature() const override { return m_T.back(); }

 private:
  std::vector<double> m_T, m_y;  ///< y = c* or ln c*
  bool m_log;
};

/// c*(T, w) tabulated on a rectangular grid of increasing temperatures T_i and antisolvent
/// mass fractions w_j, interpolated bilinearly in c* (antisolvent crystallization).
class AntisolventTableSolubility final : public SoluteSolubility {
 public:
  /// c[i * w.size() + j] = c*(T_i, w_j).
  AntisolventTableSolubility(std::vector<double> T, std::vector<double> w, std::vector<double> c);
  double at(double T, double w) const override;
  double minTemperature() const override { return m_T.front(); }
  double maxTemperature() const override { return m_T.back(); }
  bool dependsOnFraction() const override { return true; }
  double minFraction() const override { return m_w.front(); }
  double maxFraction() const override { return m_w.back(); }

 private:
  std::vector<double> m_T, m_w, m_c;
};

/// The segment [x_i, x_{i+1}] of increasing nodes x (n >= 2) that holds x, or the end segment
/// outside; returns i and the fraction t = (x - x_i)/(x_{i+1} - x_i).
struct Segment {
  std::size_t i = 0;
  double t = 0.0;
};
Segment segmentOf(const std::vector<double>& nodes, double x);

using SoluteSolubilityFactory = Factory<SoluteSolubility>;
const SoluteSolubilityFactory& soluteSolubilities();

}  // namespace proscale
