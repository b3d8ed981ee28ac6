#pragma once
// Fuchs stability ratio of a pair of equal spheres from a DLVO pair potential. W is the factor
// by which colloidal forces slow Brownian (perikinetic) aggregation: beta = beta_Brownian / W.
//
//   W = 2a ∫_{2a}^{∞} exp(V(r)/kT) / r^2 dr
// (Fuchs, Z. Phys. 89 (1934) 736; Russel, Saville & Schowalter, Colloidal Dispersions, 1989,
// ch. 8), r the centre distance, h = r - 2a the surface gap, a the sphere radius; hydrodynamic
// interactions are neglected, so W = 1 exactly when V = 0.
//
//   V = V_A + V_R
//   V_A = -A/6 [2a^2/(r^2 - 4a^2) + 2a^2/r^2 + ln((r^2 - 4a^2)/r^2)]
//         (Hamaker, Physica 4 (1937) 1058; unretarded)
//   V_R, Derjaguin, constant potential, valid for kappa a >> 1 (Hogg, Healy & Fuerstenau,
//         Trans. Faraday Soc. 62 (1966) 1638, equal spheres and potentials):
//         V_R = 2 pi eps_r eps0 a psi0^2 ln(1 + exp(-kappa h))
//   V_R, linear superposition, valid for kappa a <~ 5 and any psi0 (Bell, Levine & McCartney,
//         J. Colloid Interface Sci. 33 (1970) 335; Russel et al. ch. 4):
//         V_R = 4 pi eps_r eps0 a^2 (kT/(z e))^2 Y^2 exp(-kappa h) / r,  Y = 4 tanh(z e psi0/(4kT))
//   kappa^2 = 2 e^2 N_A I / (eps_r eps0 k T)   (I in mol/m^3; Debye-Hückel)
// Elimelech, Gregory, Jia & Williams, Particle Deposition and Aggregation (1995), ch. 3 and 8.
// Quadrature and its accuracy: docs/theory/aggregation.md ("Stability ratio").
//
// fuchsStabilityRatio: the same W = ∫_0^1 exp(V/kT) du (u = 2a/r) for any pair potential given
// as V/kT of the surface gap h (the gap, not u, is the argument: 1 - u computed from u loses
// every digit near contact). A hard core (V = +infinity for h <= contact gap) is the Fuchs sink:
// the integrand is 0 there, so W = 2a/(2a + contact gap) < 1 without other forces. Used by the
// nanoparticle dispersion model (models/thermo/dispersion/PairPotential.h; docs/theory/
// pseudo-molecules.md).
#include <functional>
#include <vector>

namespace proscale {

enum class DoubleLayerModel { Derjaguin, Superposition };

struct DlvoParameters {
  double hamakerConstant = 0.0;        ///< A, particle-medium-particle [J], >= 0
  double surfacePotential = 0.0;       ///< psi0 (or zeta potential) [V], either sign
  double ionicStrength = 1.0;          ///< I [mol/m^3] (SI: 1 mol/L = 1000 mol/m^3), > 0
  double relativePermittivity = 78.4;  ///< eps_r of the medium [-] (water, 25 degC)
  double valence = 1.0;                ///< z of a symmetric z:z electrolyte (superposition) [-]
  DoubleLayerModel doubleLayer = DoubleLayerModel::Derjaguin;
};

/// Temperatures [K] of the continuous phase within which the DLVO ratio is evaluated: a liquid
/// electrolyte, from -100 degC (common organic solvents freeze near it) to 374 degC (water's
/// critical point). Outside, T -> 0 makes 1/kappa 0 and every barrier infinite.
inline constexpr double kDlvoMinTemperature = 173.15;
inline constexpr double kDlvoMaxTemperature = 647.15;

/// Debye parameter kappa [1/m] for ionic strength I [mol/m^3], relative permittivity and T [K].
double debyeParameter(double ionicStrength, double relativePermittivity, double temperature);

/// Pair potential V(h) [J] of two spheres of radius a [m] at surface gap h > 0 [m].
double dlvoPotential(const DlvoParameters& p, double radius, double gap, double temperature);

/// Fuchs stability ratio W [-] of equal spheres of radius a [m] at T [K]. Returns +infinity
/// when W exceeds the double range (a barrier of more than ~700 kT: no aggregation).
double stabilityRatio(const DlvoParameters& p, double radius, double temperature);

/// V/kT [-] as a function of the surface gap h = r - 2a [m]; +infinity inside a hard core.
using ReducedPairPotential = std::function<double(double gap)>;

/// Where a pair potential changes, for the quadrature of fuchsStabilityRatio.
struct PairPotentialScales {
  double contactGap = 0.0;  ///< V = +infinity for h <= contactGap [m]: collision there
  double lengthScale = 0.0; ///< the shortest length on which V varies [m]; 0: the radius
  double range = 0.0;       ///< V decays (as r^-6 or faster) beyond h ~ range [m]; 0: the radius
  std::vector<double> breakpoints; ///< gaps [m] where V or a derivative jumps (cut there)
};

/// Fuchs stability ratio W [-] of equal spheres of radius a [m] for the reduced potential V
/// (relative accuracy 1e-11 as stabilityRatio). +infinity when W exceeds e^700. For a DLVO
/// potential it equals stabilityRatio (tested to 1e-9).
double fuchsStabilityRatio(const ReducedPairPotential& V, double radius,
                           const PairPotentialScales& scales = {});

}  // namespace proscale
