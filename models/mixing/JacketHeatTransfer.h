#pragma once
// Heat removal through the jacket of a baffled stirred tank (docs/theory/stirred-tanks.md).
//
// Inside film coefficient, vertical wall (Penney & Atiemo-Obeng, "Heat transfer", ch. 14 of
// the Handbook of Industrial Mixing, Wiley 2004; the Chilton-Drew-Jebens (1944) form):
//   Nu = h_i T / k = K Re^(2/3) Pr^(1/3) (mu/mu_w)^0.14 (H/T)^(-0.15)
//   K = 0.74 (6-blade disc), 0.45 (4-blade 45 deg pitched); standard blade height; turbulent.
// Overall coefficient through a thin plane wall (T >> s):
//   1/U = 1/h_i + s/k_w + 1/h_o + R_f
// Jacket area: the wetted wall and the flat bottom, A = pi T H + pi T^2 / 4 (the bottom taken
// at the wall's coefficient; the handbook gives bottom-head constants of its own).
// The heat-removal capacity U A Delta T_max of the scale-up study is ScaleUp's (Delta T_max is an
// operating value of the duty, not of the jacket).
#include "models/mixing/StirredTank.h"

namespace proscale {

/// Nu = K Re^(2/3) Pr^(1/3) (mu/mu_w)^0.14 (H/T)^(-0.15).
double wallNusselt(double K, double reynolds, double prandtl, double viscosityRatio,
                   double heightToDiameter);
/// 1 / (1/h_i + s/k_w + 1/h_o + R_f) [W/(m^2 K)].
double overallCoefficient(double inside, const Jacket& jacket);
/// pi T H + pi T^2 / 4 [m^2].
double jacketArea(const TankGeometry& g);

struct JacketHeatTransfer {
  double nusselt = 0.0;
  double insideCoefficient = 0.0;   ///< h_i [W/(m^2 K)]
  double overallCoefficient = 0.0;  ///< U [W/(m^2 K)]
  double area = 0.0;                ///< A [m^2]
  double UA = 0.0;                  ///< [W/K]
};

/// The tank's jacket performance; throws std::logic_error for a tank without a jacket or
/// without a Nusselt constant (the Parameters constructor reports both at their keys).
JacketHeatTransfer jacketHeatTransfer(const StirredTank& tank);

}  // namespace proscale
