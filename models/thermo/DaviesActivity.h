#pragma once
// Davies (1938; C. W. Davies, Ion Association, Butterworths 1962):
//   log10 gamma_i = -A(T) z_i^2 (sqrt(I)/(1 + sqrt(I)) - 0.3 I),
// for ionic strengths up to about 0.5 mol/L. docs/theory/solution-thermodynamics.md.
#include <vector>

#include "models/thermo/ActivityModel.h"
#include "models/thermo/DebyeHuckel.h"

namespace proscale {

class DaviesActivity final : public ActivityModel {
 public:
  DaviesActivity(std::vector<int> charges, double maxIonicStrength)
      : m_z(std::move(charges)), m_maxI(maxIonicStrength) {}
  void lnGamma(std::span<const double> c, double T, std::span<double> lnGamma,
               std::span<double> dLnGamma) const override;
  double maxIonicStrength() const override { return m_maxI; }
  std::string name() const override { return "Davies"; }
  double minTemperature() const override { return kDebyeHuckelTmin; }
  double maxTemperature() const override { return kDebyeHuckelTmax; }

 private:
  std::vector<int> m_z;
  double m_maxI;
};

}  // namespace proscale
