#include "core/System.h"

#include <stdexcept>
#include <vector>

namespace proscale {

void System::rhs(double, std::span<const double>, std::span<double>) {
  throw std::logic_error("this system is in residual form only: it has no explicit right-hand side");
}

void System::residual(double t, std::span<const double> y, std::span<const double> yp,
                      std::span<double> F) {
  if (!isExplicit())
    throw std::logic_error("a system that is not explicit must implement residual()");
  rhs(t, y, F);
  for (std::size_t i = 0; i < F.size(); ++i) F[i] = yp[i] - F[i];
}

void System::residualJacobian(double t, std::span<const double> y, std::span<const double>,
                              double cj, JacobianSink& J) {
  if (!isExplicit())
    throw std::logic_error("a system that is not explicit must implement residualJacobian()");
  std::vector<double> f(y.size());
  rhs(t, y, f);
  J.setZero();
  jacobian(t, y, f, J);
  J.scaleAddIdentity(-1.0, cj);
}

}  // namespace proscale
