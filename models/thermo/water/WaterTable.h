#pragma once
// Water at (T, p) fast: IAPWS-95 (Iapws95.h) tabulated once per process and interpolated by
// bicubic Hermite patches, for models that need density and enthalpy at every right-hand side.
//
// Domain: T in [iapws95::Tmin, iapws95::Tmax] (0-800 degC), p in [WaterTable::pLow = 1 kPa,
// iapws95::pmax = 100 MPa], single phase. Outside it, at() throws RecoverableError naming the
// range. Outputs: rho [kg/m^3], h [J/kg], (drho/dT)_p [kg/(m^3 K)], (drho/dp)_T [kg/(m^3 Pa)],
// cp = (dh/dT)_p [J/(kg K)], and the phase.
//
// Tables. Three regions, each on coordinates (T, z) with z in [0, 1] linear in p,
//   liquid      T < Tc:  p = ps(T) + z (pmax - ps(T))      (z = 0 is the saturation curve)
//   vapour      T < Tc:  p = pf + z (ps(T) - pf)            (z = 1 is the saturation curve)
//   supercritical T >= Tc: p = pf + z (pmax - pf)
// with pf = 300 Pa (below ps(273.15 K) = 611 Pa, so no vapour strip degenerates) and ps(T) the
// saturation pressure as a cubic Hermite table in T (4096 intervals, node values and slopes
// dps/dT = (h'' - h') / (T (1/rho'' - 1/rho')) from the Maxwell solution iapws95Saturation).
// The saturation curve is therefore a grid line of both subcritical tables, and neither table
// ever interpolates across it. Each region is cut into tiles (liquid and vapour 64 x 8,
// uniform; supercritical 128 x 64, uniform in z and in sqrt(T - Tc), narrow next to Tc), so
// the tile is found in O(1); a tile is split recursively in T or z (a k-d tree: a few levels
// in most of the domain, ~30 at the critical point) until, at every cell's edge midpoints and
// centre, its patch meets IAPWS-95 to `refineTolerance` in rho and h (cells wholly inside the
// band: to 1e-4, and no smaller than 0.5 mK x 0.5 kPa). A patch
// is the bicubic Hermite interpolant of f = rho, h from the exact values and derivatives
// f_T, f_z at its corners (IAPWS-95 Table 3 relations: (drho/dp)_T = 1/p_rho,
// (drho/dT)_p = -p_T/p_rho, (dh/dT)_p = cp, (dh/dp)_T = (1 - T p_T/(rho p_rho))/rho); the
// mixed derivative f_Tz needs the second derivatives f_pp and f_Tp, taken by central
// differences of those exact first derivatives in rho along the isotherm (relative step 1e-5,
// no density solve). Patches of neighbouring cells of different size are continuous only to
// the tabulation error (a jump below 2 * refineTolerance relative).
//
// Accuracy (checked by tests/models/WaterTableTest.cpp and bench/water_properties.cpp):
// |rho/rho95 - 1| and |h - h95| / max(|h95|, hFloor) below 1e-6 everywhere outside the
// near-critical band |T - Tc| < bandTemperature = 0.2 K and |p - pc| < bandPressure = 0.2 MPa
// (worst found 2.3e-7). hFloor = 1 kJ/kg because h passes through zero near the triple point
// (liquid within ~0.25 K of 0 degC, where the bound is 1e-3 J/kg absolute). Inside the band
// the worst found is 6.2e-2 in rho and 1.4e-2 in h (2e5 random states; the test bounds it by
// 0.1), at the cells touching the critical point. The derivatives of the patches are one order
// less accurate: (drho/dT)_p, (drho/dp)_T and cp within ~6e-4 outside the band. A band of
// 0.1 K x 0.1 MPa was tried: the pseudo-critical line then needs ~1e6 cells (340 MB), and
// rho errors of 2e-5 remained just outside it.
//
// Phase. Below Tc the phase is liquid when p > ps(T), vapour when p < ps(T). Where p lies
// within the tabulation error of ps (a per-interval bound measured at build, times 4), ps is
// recomputed exactly by iapws95Saturation. A state within 1e-12 relative of the exact ps (the
// round-off window iapws95FromTP uses) is on the saturation curve: at(T, p) throws (two
// phases, no single density); at(T, p, phase) returns the requested phase (Liquid or Vapour)
// there, and the stable phase everywhere else.
//
// Build: the shared instance builds the saturation table at first use (15 ms); tiles are
// built lazily on first use, thread-safely (std::call_once per tile, published through an
// atomic pointer), so a case that visits few states pays for few tiles: most tiles take well
// under 1 ms, the costliest (at the pseudo-critical line just above the band) 0.23 s.
// buildAll() builds every tile: 1.4 s on one core, 69,700 cells, 22 MB (bench/
// water_properties.cpp reports it). Evaluation: ~9e6 states/s on one core, ~10x
// iapws95FromTP.
#include <cstddef>
#include <memory>

#include "models/thermo/water/Iapws95.h"

namespace proscale {

/// The fast-path state: what reactors' balances and Jacobians need.
struct WaterTableState {
  double rho = 0;     ///< density [kg/m^3]
  double h = 0;       ///< specific enthalpy [J/kg]
  double drhodT = 0;  ///< (drho/dT)_p [kg/(m^3 K)]
  double drhodp = 0;  ///< (drho/dp)_T [kg/(m^3 Pa)]
  double cp = 0;      ///< (dh/dT)_p [J/(kg K)]
  WaterPhase phase = WaterPhase::Liquid;
};

class WaterTable {
 public:
  static constexpr double pLow = 1e3;              ///< lowest pressure served [Pa]
  static constexpr double pFloor = 300.0;          ///< lower edge of the vapour tables [Pa]
  static constexpr double bandTemperature = 0.2;   ///< near-critical band half-width [K]
  static constexpr double bandPressure = 0.2e6;    ///< near-critical band half-width [Pa]
  static constexpr double refineTolerance = 2e-7;  ///< target at cell check points
  static constexpr double accuracy = 1e-6;         ///< promised bound outside the band
  static constexpr double hFloor = 1e3;            ///< [J/kg], scale of h errors near h = 0

  /// True inside the near-critical band, where only bandBound (the test) is promised.
  static bool inCriticalBand(double T, double p);

  /// The process-wide table (built on first call; tiles on first use).
  static const WaterTable& shared();

  WaterTable();
  ~WaterTable();
  WaterTable(const WaterTable&) = delete;
  WaterTable& operator=(const WaterTable&) = delete;

  /// The stable single-phase state; throws RecoverableError outside the domain and on the
  /// saturation curve (within 1e-12 relative of p_sat(T)).
  WaterTableState at(double T, double p) const;
  /// As at(T, p), but a state on the saturation curve gets `onSaturation` (Liquid or Vapour).
  WaterTableState at(double T, double p, WaterPhase onSaturation) const;

  /// The tabulated saturation pressure ps(T) [Pa] (Tmin <= T <= Tc) that the tables' z uses.
  double saturationPressure(double T) const;

  /// Builds every tile now (for benchmarks and for processes that visit the whole domain).
  void buildAll() const;

  struct Statistics {
    std::size_t tilesBuilt = 0, tilesTotal = 0;
    std::size_t cells = 0;           ///< patches in the built tiles
    std::size_t stateEvaluations = 0;  ///< IAPWS-95 (T, p) solves made while building
    std::size_t bytes = 0;           ///< memory of the built tables
    double worstCheckOutsideBand = 0;  ///< largest relative error at check points kept
    double worstCheckInsideBand = 0;
  };
  Statistics statistics() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> m_impl;
};

}  // namespace proscale
