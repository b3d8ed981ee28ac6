#pragma once
// Mixing times of a stirred tank at three scales, all in seconds. Each function states its
// equation, validity and source; docs/theory/stirred-tanks.md derives and compares them.
//
// Macromixing (blend time to 95 % homogeneity; Grenville 1992, in Grenville & Nienow, ch. 9 of
// the Handbook of Industrial Mixing, 2004, written there as a Fourier number
// Fo = mu theta / (rho T^1.5 H^0.5) against N_P^(1/3) Re):
//   turbulent, N_P^(1/3) Re >= 6370:  theta_95 = 5.20 N_P^(-1/3) (T/D)^2 (H/T)^(1/2) / N
//   transitional, below:              theta_95 = 183^2 N_P^(-2/3) Re^(-1) (T/D)^2 (H/T)^(1/2) / N
//   (baffled, single impeller, H/T about 1, 0.2 < D/T < 0.7; for H = T the turbulent form is
//   Nienow's (1997) N theta_95 = 5.20 N_P^(-1/3) (T/D)^2). Another homogeneity x follows from
//   first-order decay: theta_x = theta_95 ln(1 - x) / ln(0.05).
//
// Mesomixing (Baldyga & Bourne, Turbulent Mixing and Chemical Reactions, Wiley 1999;
// Baldyga, Bourne & Hearn, Chem. Eng. Sci. 52 (1997) 457): a feed plume of flow Q_B entering a
// stream of velocity u has the scale Lambda_c = (Q_B / u)^(1/2);
//   inertial-convective disintegration   tau_S = A (Lambda_c^2 / eps)^(1/3),  A about 2 (1..2)
//   turbulent dispersion                 tau_D = Q_B / (u D_t)
//
// Micromixing by engulfment (Baldyga & Bourne 1989, Chem. Eng. J. 42, 83; 1999):
//   E = 0.058 (eps / nu)^(1/2) [1/s],  t_E = 1/E = 17.24 (nu / eps)^(1/2)
//   (Sc < ~4000, i.e. liquids of ordinary viscosity; eps the local value)
// IEM for comparison (Fox, Computational Models for Turbulent Reacting Flows, CUP 2003):
//   dphi/dt = (<phi> - phi) / t_IEM,  t_IEM = 2 k / (C_phi eps),  C_phi = 2.
namespace proscale {

struct BlendTime {
  double seconds = 0.0;    ///< theta_x [s]
  bool turbulent = false;  ///< N_P^(1/3) Re >= 6370 (else the transitional form)
};

/// Blend time to homogeneity `x` (0.95: theta_95) of a baffled tank.
BlendTime blendTime(double powerNumber, double reynolds, double speed, double vesselToImpeller,
                    double heightToDiameter, double homogeneity = 0.95);

inline constexpr double kMesomixingA = 2.0;   ///< A of tau_S (Baldyga & Bourne 1999)
inline constexpr double kEngulfment = 0.058;  ///< E = 0.058 (eps/nu)^(1/2)
inline constexpr double kCmu = 0.09;          ///< k-epsilon C_mu (Launder & Spalding 1974)

/// tau_S = A (Q_B / (u eps))^(1/3) [s]; Q_B [m^3/s], u [m/s], eps [W/kg].
double inertialConvectiveTime(double feedFlow, double velocity, double dissipation,
                              double A = kMesomixingA);
/// tau_D = Q_B / (u D_t) [s]; D_t [m^2/s].
double turbulentDispersionTime(double feedFlow, double velocity, double turbulentDiffusivity);
/// D_t = C_mu k^2 / (Sc_t eps) [m^2/s] from the turbulent kinetic energy k [m^2/s^2].
double turbulentDiffusivity(double kineticEnergy, double dissipation, double schmidtTurbulent);

/// E = 0.058 (eps/nu)^(1/2) [1/s]; nu [m^2/s].
double engulfmentRate(double dissipation, double kinematicViscosity);
/// t_E = 1/E [s].
double engulfmentTime(double dissipation, double kinematicViscosity);
/// t_IEM = 2 k / (C_phi eps) [s].
double iemExchangeTime(double kineticEnergy, double dissipation, double Cphi = 2.0);

/// The shortest feed time of a volume V_B [m^3] for which the plume disintegrates no slower
/// than it is engulfed, tau_S(Q_B) <= t_E with Q_B = V_B / t_feed:
///   Q_B,max = u eps (t_E / A)^3,  t_feed,min = V_B / Q_B,max.
/// Slower feeding leaves micromixing alone in control (Baldyga & Bourne 1999: the product
/// distribution of a semi-batch test reaction stops depending on the feed time).
double minimumFeedTime(double feedVolume, double velocity, double dissipation,
                       double kinematicViscosity, double A = kMesomixingA);

}  // namespace proscale
