#include "models/mixing/JacketHeatTransfer.h"

#include <cmath>
#include <stdexcept>

#include "core/Constants.h"

namespace proscale {

double wallNusselt(double K, double reynolds, double prandtl, double viscosityRatio,
                   double heightToDiameter) {
  return K * std::pow(reynolds, 2.0 / 3.0) * std::cbrt(prandtl) * std::pow(viscosityRatio, 0.14) *
         std::pow(heightToDiameter, -0.15);
}

double overallCoefficient(double inside, const Jacket& j) {
  return 1.0 / (1.0 / inside + j.wallThickness / j.wallConductivity + 1.0 / j.outsideCoefficient +
                j.foulingResistance);
}

double jacketArea(const TankGeometry& g) {
  return constants::pi * g.T() * g.H() + constants::pi * g.T() * g.T() / 4.0;
}

JacketHeatTransfer jacketHeatTransfer(const StirredTank& tank) {
  if (!tank.jacket()) throw std::logic_error("jacketHeatTransfer: the tank has no jacket");
  const Jacket& j = *tank.jacket();
  const auto K = j.nusseltConstant ? j.nusseltConstant : tank.impeller().wallNusseltConstant;
  if (!K) throw std::logic_error("jacketHeatTransfer: no wall Nusselt constant for the impeller");
  const TankGeometry& g = tank.geometry();
  JacketHeatTransfer r;
  r.nusselt = wallNusselt(*K, tank.hydrodynamics().reynolds, tank.liquid().prandtl(),
                          j.viscosityRatio, g.heightToDiameter);
  r.insideCoefficient = r.nusselt * tank.liquid().conductivity / g.T();
  r.overallCoefficient = overallCoefficient(r.insideCoefficient, j);
  r.area = jacketArea(g);
  r.UA = r.overallCoefficient * r.area;
  return r;
}

}  // namespace proscale
