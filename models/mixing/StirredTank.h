#pragma once
// A baffled, flat-bottomed cylindrical stirred tank with one impeller: geometry, liquid,
// speed, and the turbulent hydrodynamics that follow (no state, no solver). Equations,
// units, validity and sources: docs/theory/stirred-tanks.md.
//
//   V = pi T^2 H / 4                  Re = rho N D^2 / mu           u_tip = pi N D
//   P = N_P rho N^3 D^5               eps = P / (rho V)             Q = N_Q N D^3
//   t_circ = V / Q
//
// P = N_P rho N^3 D^5 holds with a constant N_P in the turbulent regime of a baffled tank
// (Re > ~1e4, Handbook of Industrial Mixing 2004, ch. 6); `turbulent` flags Re below 1e4.
//
// The case keys (`stirrerSection`) sit in a vessel's `reactor:` section; the vessel's energy
// balance takes the impeller's power and, with a jacket, U A (StirredVessel.cpp). The liquid's
// density, viscosity and heat capacity are the vessel's own keys, not the stirrer's. FeedPoint,
// DissipationZones and feedVelocity have no case keys: they serve the scale-up study
// (ScaleUp.h) and its tests only.
#include <optional>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/mixing/Impeller.h"

namespace proscale {

/// Geometrically similar tanks share every ratio; only the vessel diameter T changes.
struct TankGeometry {
  double vesselDiameter = 0.0;      ///< T [m]
  double heightToDiameter = 1.0;    ///< H/T [-]
  double impellerToVessel = 1.0 / 3.0;   ///< D/T [-]
  double clearanceToVessel = 1.0 / 3.0;  ///< C/T, impeller off-bottom clearance [-]

  double T() const { return vesselDiameter; }
  double H() const { return heightToDiameter * vesselDiameter; }          ///< liquid height [m]
  double D() const { return impellerToVessel * vesselDiameter; }          ///< impeller [m]
  double volume() const;                                                  ///< liquid [m^3]
  /// The tank of liquid volume `V` [m^3] with these ratios.
  TankGeometry withVolume(double V) const;
  /// The similar tank of `ratio` times this volume; lengths scale with ratio^(1/3).
  TankGeometry scaledByVolume(double ratio) const { return withVolume(ratio * volume()); }
  /// A tank of volume `V` and the given ratios: T = (4 V / (pi H/T))^(1/3).
  static TankGeometry fromVolume(double V, double heightToDiameter, double impellerToVessel,
                                 double clearanceToVessel);
};

/// Liquid properties; the defaults are water at 25 degC (IAPWS-95 density, IAPWS 2008
/// viscosity, IAPWS 2011 thermal conductivity, IAPWS-95 isobaric heat capacity).
struct Liquid {
  double density = 997.05;         ///< rho [kg/m^3]
  double viscosity = 0.8900e-3;    ///< mu [Pa s]
  double conductivity = 0.6065;    ///< k [W/(m K)]
  double heatCapacity = 4181.3;    ///< c_p [J/(kg K)]
  double kinematicViscosity() const { return viscosity / density; }  ///< nu [m^2/s]
  double prandtl() const { return heatCapacity * viscosity / conductivity; }
};

/// Where the feed enters: its local dissipation eps_feed = phi_feed eps_mean and the mean
/// velocity u past the feed pipe (Baldyga & Bourne 1999). Without a velocity ratio u/u_tip the
/// velocity is the impeller's discharge flow spread over the tank cross-section,
/// u = N_Q N D^3 / (pi T^2 / 4), a circulation-velocity estimate.
struct FeedPoint {
  double dissipationRatio = 1.0;            ///< phi_feed = eps_feed / eps_mean [-]
  std::optional<double> velocityRatio;      ///< u / u_tip [-]
};

/// Jacket data for the heat-transfer estimate (models/mixing/JacketHeatTransfer.h).
struct Jacket {
  double wallThickness = 0.0;        ///< s [m]
  double wallConductivity = 0.0;     ///< k_w [W/(m K)]
  double outsideCoefficient = 0.0;   ///< h_o, jacket side [W/(m^2 K)]
  double foulingResistance = 0.0;    ///< R_f, both sides together [m^2 K/W]
  double viscosityRatio = 1.0;       ///< mu / mu_w, bulk over wall [-]
  std::optional<double> nusseltConstant;  ///< K of the wall Nusselt correlation, overrides the table
};

/// Mean flow quantities of the tank at its speed.
struct Hydrodynamics {
  double speed = 0.0;           ///< N [1/s]
  double reynolds = 0.0;        ///< Re = rho N D^2 / mu [-]
  bool turbulent = false;       ///< Re >= 1e4: N_P and N_Q constant
  double tipSpeed = 0.0;        ///< pi N D [m/s]
  double power = 0.0;           ///< P [W]
  double powerPerVolume = 0.0;  ///< P / V [W/m^3]
  double meanDissipation = 0.0; ///< eps = P / (rho V) [W/kg]
  double pumpingFlow = 0.0;     ///< Q = N_Q N D^3 [m^3/s]
  double circulationTime = 0.0; ///< V / Q [s]
};

/// Local dissipation rates [W/kg]. The impeller zone is the cylinder swept by the blades,
/// V_imp = (pi D^2 / 4)(D / 5) (blade height D/5 of the standard disc and pitched-blade
/// turbines; a control volume by convention for the hydrofoil); given its ratio phi_imp, the
/// bulk takes the rest of the power: phi_bulk = (1 - phi_imp v)/(1 - v), v = V_imp / V.
struct DissipationZones {
  double mean = 0.0;
  double feed = 0.0;
  double impellerVolume = 0.0;       ///< V_imp [m^3]
  std::optional<double> impeller;    ///< when an impeller-zone ratio is given
  std::optional<double> bulk;
};

class StirredTank {
 public:
  static constexpr double kTurbulentReynolds = 1e4;

  /// The `stirrer:` section (in a vessel's `reactor:` section).
  static ParamSpec stirrerSection();
  /// From a validated `stirrer:` section and the vessel's liquid: density [kg/m^3], viscosity
  /// [Pa s] and heat capacity [J/(kg K)] (energy-balance.density, reactor.viscosity,
  /// energy-balance.heat-capacity); the section gives only the thermal conductivity. Physical
  /// inconsistencies are InputErrors at the key.
  StirredTank(const Parameters& stirrer, double density, double viscosity, double heatCapacity);
  /// From a section holding the tank keys of stirrerSection() (vessel-diameter or volume,
  /// height-to-diameter, impeller, impeller-to-vessel-diameter, clearance-to-vessel-diameter,
  /// baffled, speed; no jacket, no thermal conductivity) and a liquid: a compartment network's
  /// stirred-tank template. InputErrors at the keys as above.
  static StirredTank fromTankKeys(const Parameters& tank, const Liquid& liquid,
                                  std::optional<double> impellerZoneRatio = std::nullopt);
  /// Throws std::invalid_argument when the impeller zone would dissipate all the power or more
  /// (phi_imp V_imp / V >= 1).
  StirredTank(TankGeometry geometry, ImpellerType impeller, Liquid liquid, double speed,
              FeedPoint feed = {}, std::optional<Jacket> jacket = std::nullopt,
              std::optional<double> impellerZoneRatio = std::nullopt);

  const TankGeometry& geometry() const { return m_geometry; }
  const ImpellerData& impeller() const { return impellerData(m_impeller); }
  const Liquid& liquid() const { return m_liquid; }
  double speed() const { return m_speed; }  ///< N [1/s]
  const std::optional<Jacket>& jacket() const { return m_jacket; }

  /// The same tank with another geometry (a geometrically similar one) or speed.
  StirredTank withGeometry(const TankGeometry& g) const;
  StirredTank withSpeed(double N) const;

  Hydrodynamics hydrodynamics() const;
  DissipationZones dissipation() const;
  /// Mean velocity past the feed pipe [m/s] (FeedPoint).
  double feedVelocity() const;

 private:
  TankGeometry m_geometry;
  ImpellerType m_impeller;
  Liquid m_liquid;
  double m_speed;
  FeedPoint m_feed;
  std::optional<Jacket> m_jacket;
  std::optional<double> m_impellerZoneRatio;
};

}  // namespace proscale
