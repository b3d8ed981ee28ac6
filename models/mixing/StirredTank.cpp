#include "models/mixing/StirredTank.h"

#include <cmath>
#include <stdexcept>

#include "core/Constants.h"

namespace proscale {
namespace {

constexpr Dimension kConductivity = dim::power / (dim::length * dim::temperature);  // W/(m K)
constexpr Dimension kCoefficient = dim::power / (dim::area * dim::temperature);     // W/(m^2 K)

// Blade height W/D of the standard six-blade disc and four-blade pitched-blade turbines:
// the impeller zone is the cylinder of diameter D and height D/5 they sweep.
constexpr double kBladeHeightRatio = 0.2;

SchemaPtr jacketSchema() {
  auto s = std::make_shared<Schema>(
      "jacket", "Jacket on the wetted wall and flat bottom: 1/U = 1/h_i + s/k_w + 1/h_o + R_f "
                "(docs/theory/stirred-tanks.md).");
  s->add(ParamSpec::real("wall-thickness", dim::length, "Vessel wall thickness s.")
             .unit("mm")
             .isRequired()
             .atLeast(0));
  s->add(ParamSpec::real("wall-conductivity", kConductivity,
                         "Thermal conductivity k_w of the wall (stainless steel about 16 W/m/K).")
             .unit("W/m/K")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("outside-coefficient", kCoefficient,
                         "Jacket-side film coefficient h_o (coolant flow; not computed here).")
             .unit("W/m^2/K")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("fouling-resistance", kCoefficient.pow(-1),
                         "Fouling resistance R_f of both sides together.")
             .unit("m^2 K/W")
             .defaultsTo("0 m^2 K/W")
             .atLeast(0));
  s->add(ParamSpec::real("viscosity-ratio", dim::none,
                         "mu/mu_w, bulk over wall viscosity (Sieder-Tate factor ^0.14).")
             .defaultsTo("1")
             .above(0));
  s->add(ParamSpec::real("nusselt-constant", dim::none,
                         "K of Nu = K Re^(2/3) Pr^(1/3) (mu/mu_w)^0.14 (H/T)^-0.15; default: the "
                         "impeller's (rushton 0.74, pitched-blade 0.45; none for a310, so "
                         "required there).")
             .above(0));
  return s;
}

}  // namespace

double TankGeometry::volume() const {
  return constants::pi * vesselDiameter * vesselDiameter * H() / 4.0;
}

TankGeometry TankGeometry::withVolume(double V) const {
  return fromVolume(V, heightToDiameter, impellerToVessel, clearanceToVessel);
}

TankGeometry TankGeometry::fromVolume(double V, double heightToDiameter, double impellerToVessel,
                                      double clearanceToVessel) {
  TankGeometry g;
  g.vesselDiameter = std::cbrt(4.0 * V / (constants::pi * heightToDiameter));
  g.heightToDiameter = heightToDiameter;
  g.impellerToVessel = impellerToVessel;
  g.clearanceToVessel = clearanceToVessel;
  return g;
}

ParamSpec StirredTank::stirrerSection() {
  auto s = std::make_shared<Schema>(
      "stirrer",
      "Baffled stirred tank with one impeller: geometry, speed and jacket; its power heats the "
      "energy balance and its jacket gives U A (docs/theory/stirred-tanks.md). The liquid's "
      "density and heat capacity are energy-balance's, its viscosity reactor.viscosity.");
  s->add(ParamSpec::real("vessel-diameter", dim::length,
                         "Vessel inner diameter T; give it or `volume`.")
             .unit("m")
             .above(0));
  s->add(ParamSpec::real("volume", dim::volume,
                         "Liquid volume V; the diameter follows from V = pi T^2 H / 4 with "
                         "`height-to-diameter`. Give it or `vessel-diameter`.")
             .unit("L")
             .above(0));
  s->add(ParamSpec::real("height-to-diameter", dim::none, "Liquid height over diameter H/T.")
             .defaultsTo("1")
             .above(0));
  s->add(ParamSpec::choice("impeller", impellerKeys(),
                           "Impeller type: rushton (6-blade disc turbine, N_P 5.0, N_Q 0.72), "
                           "pitched-blade (4-blade 45 deg, N_P 1.27, N_Q 0.79), a310 (Lightnin "
                           "hydrofoil, N_P 0.30, N_Q 0.56); turbulent, baffled.")
             .defaultsTo("rushton"));
  s->add(ParamSpec::real("impeller-to-vessel-diameter", dim::none, "Impeller diameter ratio D/T.")
             .defaultsTo("0.3333333333333333")
             .above(0)
             .below(1));
  s->add(ParamSpec::real("clearance-to-vessel-diameter", dim::none,
                         "Impeller off-bottom clearance over vessel diameter C/T.")
             .defaultsTo("0.3333333333333333")
             .above(0)
             .below(1));
  s->add(ParamSpec::boolean("baffled",
                            "Four wall baffles (the correlations hold for baffled tanks only).")
             .defaultsTo("true"));
  s->add(ParamSpec::real("speed", dim::frequency, "Impeller speed N (rpm, 1/min or 1/s).")
             .unit("rpm")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("thermal-conductivity", kConductivity,
                         "Liquid thermal conductivity k for the jacket's Prandtl and Nusselt "
                         "numbers (water at 25 degC).")
             .unit("W/m/K")
             .defaultsTo("0.6065 W/m/K")
             .above(0));
  s->add(ParamSpec::section("jacket", jacketSchema(), "Cooling jacket (optional)."));
  return ParamSpec::section("stirrer", s, "The stirrer and tank.");
}

StirredTank::StirredTank(TankGeometry geometry, ImpellerType impeller, Liquid liquid,
                         double speed, FeedPoint feed, std::optional<Jacket> jacket,
                         std::optional<double> impellerZoneRatio)
    : m_geometry(geometry),
      m_impeller(impeller),
      m_liquid(liquid),
      m_speed(speed),
      m_feed(feed),
      m_jacket(jacket),
      m_impellerZoneRatio(impellerZoneRatio) {
  if (m_impellerZoneRatio && *m_impellerZoneRatio * dissipation().impellerVolume /
                                     m_geometry.volume() >= 1.0)
    throw std::invalid_argument(
        "StirredTank: phi_imp V_imp / V >= 1, the impeller zone would dissipate all the power");
}

namespace {
TankGeometry geometryFrom(const Parameters& p) {
  const bool hasDiameter = p.has("vessel-diameter"), hasVolume = p.has("volume");
  if (hasDiameter && hasVolume)
    throw p.error("volume", "give either vessel-diameter or volume, not both (the volume follows "
                            "from T and height-to-diameter)");
  if (!hasDiameter && !hasVolume)
    throw p.error("vessel-diameter", "the tank needs vessel-diameter or volume");
  const double ht = p.real("height-to-diameter"), dt = p.real("impeller-to-vessel-diameter"),
               ct = p.real("clearance-to-vessel-diameter");
  if (ct + dt * kBladeHeightRatio / 2.0 >= ht)
    throw p.error("clearance-to-vessel-diameter",
                  "the impeller (clearance C plus half its blade height D/10) sits above the "
                  "liquid surface H");
  if (hasVolume) return TankGeometry::fromVolume(p.real("volume"), ht, dt, ct);
  return TankGeometry{p.real("vessel-diameter"), ht, dt, ct};
}

Jacket jacketFrom(const Parameters& j) {
  Jacket k;
  k.wallThickness = j.real("wall-thickness");
  k.wallConductivity = j.real("wall-conductivity");
  k.outsideCoefficient = j.real("outside-coefficient");
  k.foulingResistance = j.real("fouling-resistance");
  k.viscosityRatio = j.real("viscosity-ratio");
  if (j.has("nusselt-constant")) k.nusseltConstant = j.real("nusselt-constant");
  return k;
}
}  // namespace

StirredTank StirredTank::fromTankKeys(const Parameters& p, const Liquid& liquid,
                                      std::optional<double> impellerZoneRatio) {
  if (!p.boolean("baffled"))
    throw p.error("baffled",
                  "an unbaffled tank swirls (vortex, lower N_P); the power and flow numbers and "
                  "the mixing-time and heat-transfer correlations here are for baffled tanks");
  return StirredTank(geometryFrom(p), impellerFromKey(p.string("impeller")), liquid,
                     p.real("speed"), FeedPoint{}, std::nullopt, impellerZoneRatio);
}

StirredTank::StirredTank(const Parameters& p, double density, double viscosity,
                         double heatCapacity)
    : StirredTank(fromTankKeys(p, Liquid{})) {
  m_liquid.density = density;
  m_liquid.viscosity = viscosity;
  m_liquid.heatCapacity = heatCapacity;
  m_liquid.conductivity = p.real("thermal-conductivity");
  if (p.has("jacket")) {
    const Parameters& j = p.section("jacket");
    m_jacket = jacketFrom(j);
    if (!m_jacket->nusseltConstant && !impeller().wallNusseltConstant)
      throw j.error("nusselt-constant", "the " + impeller().description +
                                            " has no tabulated wall Nusselt constant; give one");
  }
}

StirredTank StirredTank::withGeometry(const TankGeometry& g) const {
  StirredTank t = *this;
  t.m_geometry = g;
  return t;
}

StirredTank StirredTank::withSpeed(double N) const {
  StirredTank t = *this;
  t.m_speed = N;
  return t;
}

Hydrodynamics StirredTank::hydrodynamics() const {
  const ImpellerData& imp = impeller();
  const double D = m_geometry.D(), N = m_speed, rho = m_liquid.density, V = m_geometry.volume();
  Hydrodynamics h;
  h.speed = N;
  h.reynolds = rho * N * D * D / m_liquid.viscosity;
  h.turbulent = h.reynolds >= kTurbulentReynolds;
  h.tipSpeed = constants::pi * N * D;
  h.power = imp.powerNumber * rho * N * N * N * std::pow(D, 5);
  h.powerPerVolume = h.power / V;
  h.meanDissipation = h.power / (rho * V);
  h.pumpingFlow = imp.flowNumber * N * D * D * D;
  h.circulationTime = V / h.pumpingFlow;
  return h;
}

DissipationZones StirredTank::dissipation() const {
  const double D = m_geometry.D(), V = m_geometry.volume();
  DissipationZones z;
  z.mean = hydrodynamics().meanDissipation;
  z.feed = m_feed.dissipationRatio * z.mean;
  z.impellerVolume = constants::pi * D * D / 4.0 * kBladeHeightRatio * D;
  if (m_impellerZoneRatio) {
    const double v = z.impellerVolume / V, phi = *m_impellerZoneRatio;
    z.impeller = phi * z.mean;
    z.bulk = (1.0 - phi * v) / (1.0 - v) * z.mean;
  }
  return z;
}

double StirredTank::feedVelocity() const {
  const Hydrodynamics h = hydrodynamics();
  if (m_feed.velocityRatio) return *m_feed.velocityRatio * h.tipSpeed;
  const double T = m_geometry.T();
  return h.pumpingFlow / (constants::pi * T * T / 4.0);
}

}  // namespace proscale
