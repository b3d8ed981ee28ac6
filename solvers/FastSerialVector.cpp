#include "solvers/FastSerialVector.h"

#include <cmath>
#include <cstddef>

#include <nvector/nvector_serial.h>

namespace proscale::sun {
namespace {

using Real = sunrealtype;

Real* data(N_Vector v) { return NV_DATA_S(v); }
std::size_t length(N_Vector v) { return static_cast<std::size_t>(NV_LENGTH_S(v)); }

// nvector_serial.c evaluates a x + b y as a (x + y) when a == b and as a (x - y) when a == -b;
// every other special case there is bitwise equal to the general formula.
void linearSum(Real a, N_Vector x, Real b, N_Vector y, N_Vector z) {
  const Real* xd = data(x);
  const Real* yd = data(y);
  Real* zd = data(z);
  const std::size_t n = length(x);
  if (a == b && a != 1.0 && a != -1.0) {
    for (std::size_t i = 0; i < n; ++i) zd[i] = a * (xd[i] + yd[i]);
  } else if (a == -b && a != 1.0 && a != -1.0) {
    for (std::size_t i = 0; i < n; ++i) zd[i] = a * (xd[i] - yd[i]);
  } else {
    for (std::size_t i = 0; i < n; ++i) zd[i] = a * xd[i] + b * yd[i];
  }
}

void constant(Real c, N_Vector z) {
  Real* zd = data(z);
  for (std::size_t i = 0, n = length(z); i < n; ++i) zd[i] = c;
}

void product(N_Vector x, N_Vector y, N_Vector z) {
  const Real* xd = data(x);
  const Real* yd = data(y);
  Real* zd = data(z);
  for (std::size_t i = 0, n = length(x); i < n; ++i) zd[i] = xd[i] * yd[i];
}

void quotient(N_Vector x, N_Vector y, N_Vector z) {
  const Real* xd = data(x);
  const Real* yd = data(y);
  Real* zd = data(z);
  for (std::size_t i = 0, n = length(x); i < n; ++i) zd[i] = xd[i] / yd[i];
}

void scale(Real c, N_Vector x, N_Vector z) {
  const Real* xd = data(x);
  Real* zd = data(z);
  for (std::size_t i = 0, n = length(x); i < n; ++i) zd[i] = c * xd[i];
}

void absolute(N_Vector x, N_Vector z) {
  const Real* xd = data(x);
  Real* zd = data(z);
  for (std::size_t i = 0, n = length(x); i < n; ++i) zd[i] = std::abs(xd[i]);
}

void inverse(N_Vector x, N_Vector z) {
  const Real* xd = data(x);
  Real* zd = data(z);
  for (std::size_t i = 0, n = length(x); i < n; ++i) zd[i] = 1.0 / xd[i];
}

void addConstant(N_Vector x, Real b, N_Vector z) {
  const Real* xd = data(x);
  Real* zd = data(z);
  for (std::size_t i = 0, n = length(x); i < n; ++i) zd[i] = xd[i] + b;
}

Real dotProduct(N_Vector x, N_Vector y) {
  const Real* xd = data(x);
  const Real* yd = data(y);
  Real sum = 0;
  for (std::size_t i = 0, n = length(x); i < n; ++i) sum += xd[i] * yd[i];
  return sum;
}

Real maxNorm(N_Vector x) {
  const Real* xd = data(x);
  Real largest = 0;
  for (std::size_t i = 0, n = length(x); i < n; ++i)
    if (std::abs(xd[i]) > largest) largest = std::abs(xd[i]);
  return largest;
}

Real wrmsNorm(N_Vector x, N_Vector w) {
  const Real* xd = data(x);
  const Real* wd = data(w);
  const std::size_t n = length(x);
  Real sum = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const Real p = xd[i] * wd[i];
    sum += p * p;
  }
  return std::sqrt(sum / static_cast<Real>(n));
}

Real minimum(N_Vector x) {
  const Real* xd = data(x);
  Real smallest = xd[0];
  for (std::size_t i = 1, n = length(x); i < n; ++i)
    if (xd[i] < smallest) smallest = xd[i];
  return smallest;
}

void compare(Real c, N_Vector x, N_Vector z) {
  const Real* xd = data(x);
  Real* zd = data(z);
  for (std::size_t i = 0, n = length(x); i < n; ++i) zd[i] = std::abs(xd[i]) >= c ? 1.0 : 0.0;
}

// z = sum c[i] X[i], accumulated vector by vector as nvector_serial.c does (z may be X[0]).
int linearCombination(int count, Real* c, N_Vector* X, N_Vector z) {
  if (count < 1) return -1;
  if (count == 1) { scale(c[0], X[0], z); return 0; }
  if (count == 2) { linearSum(c[0], X[0], c[1], X[1], z); return 0; }
  Real* zd = data(z);
  const std::size_t n = length(z);
  if (X[0] != z || c[0] != 1.0) scale(c[0], X[0], z);
  for (int v = 1; v < count; ++v) {
    const Real* xd = data(X[v]);
    const Real cv = c[v];
    for (std::size_t i = 0; i < n; ++i) zd[i] += cv * xd[i];
  }
  return 0;
}

// Z[v] = a[v] x + Y[v] (Z may be Y).
int scaleAddMulti(int count, Real* a, N_Vector x, N_Vector* Y, N_Vector* Z) {
  if (count < 1) return -1;
  if (count == 1) { linearSum(a[0], x, 1.0, Y[0], Z[0]); return 0; }
  const Real* xd = data(x);
  const std::size_t n = length(x);
  for (int v = 0; v < count; ++v) {
    const Real* yd = data(Y[v]);
    Real* zd = data(Z[v]);
    const Real av = a[v];
    for (std::size_t i = 0; i < n; ++i) zd[i] = av * xd[i] + yd[i];
  }
  return 0;
}

}  // namespace

void installFastSerialOps(N_Vector v) {
  N_Vector_Ops ops = v->ops;
  ops->nvlinearsum = linearSum;
  ops->nvconst = constant;
  ops->nvprod = product;
  ops->nvdiv = quotient;
  ops->nvscale = scale;
  ops->nvabs = absolute;
  ops->nvinv = inverse;
  ops->nvaddconst = addConstant;
  ops->nvdotprod = dotProduct;
  ops->nvmaxnorm = maxNorm;
  ops->nvwrmsnorm = wrmsNorm;
  ops->nvmin = minimum;
  ops->nvcompare = compare;
  ops->nvlinearcombination = linearCombination;
  ops->nvscaleaddmulti = scaleAddMulti;
}

}  // namespace proscale::sun
