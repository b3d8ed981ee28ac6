// Fixed-pivot aggregation against Scott's (1968) analytic solutions for the exponential initial
// distribution n0(v) = (N0/v0) exp(-v/v0) (J. Atmos. Sci. 25:54), with the observed order of
// convergence on geometric grids x_{i+1}/x_i = 2^(1/q), q = 1, 2, 4.
#include <catch2/catch.hpp>
#include <cmath>
#include <functional>
#include <iomanip>
#include <iostream>
#include <vector>

#include "core/System.h"
#include "models/pbe/FixedPivotAggregation.h"
#include "solvers/CvodeIntegrator.h"

using namespace proscale;

namespace {
constexpr double kKv = M_PI / 6, kL0 = 1e-6, kN0 = 1e12;
const double kV0 = kKv * kL0 * kL0 * kL0;  // v0 [m^3]

using Density = std::function<double(double)>;  // n(v) [1/m^3 per m^3]

double initialDensity(double v) { return kN0 / kV0 * std::exp(-v / kV0); }

// e^{-z} I_1(z): std::cyl_bessel_i below z = 500, the asymptotic series (Abramowitz & Stegun
// 9.7.1, four terms, relative error < 1e-12) above, where I_1 itself overflows.
double scaledBesselI1(double z) {
  if (z < 500.0) return std::cyl_bessel_i(1.0, z) * std::exp(-z);
  return (1.0 - 3.0 / (8 * z) - 15.0 / (128 * z * z) - 105.0 / (1024 * z * z * z)) /
         std::sqrt(2.0 * M_PI * z);
}

// Gauss-Legendre, 4 panels x 10 points: the integrands are smooth over a factor <= 2 in v.
double integrate(const Density& f, double a, double b) {
  static const double x[5] = {0.1488743389816312, 0.4333953941292472, 0.6794095682990244,
                              0.8650633666889845, 0.9739065285171717};
  static const double w[5] = {0.2955242247147529, 0.2692667193099963, 0.2190863625159820,
                              0.1494513491505806, 0.0666713443086881};
  double sum = 0.0;
  for (int p = 0; p < 4; ++p) {
    const double lo = a + (b - a) * p / 4.0, half = (b - a) / 8.0, c = lo + half;
    for (int k = 0; k < 5; ++k) sum += half * w[k] * (f(c - half * x[k]) + f(c + half * x[k]));
  }
  return sum;
}

// Product kernel beta2 u v from n0, before gelation (T = beta2 N0 v0^2 t < 1/2), x = v/v0: by
// the series solution x n = sum_k (T x)^{k-1} e^{-T x} (x n0)^{*k} / k! (Ernst, Ziff & Hendriks,
// J. Colloid Interface Sci. 97 (1984) 266) with (x e^{-x})^{*k} = x^{2k-1} e^{-x} / (2k-1)!:
//   n(v, t) = (N0/v0) e^{-(1+T) x} sum_{k>=1} T^{k-1} x^{3k-3} / (k! (2k-1)!),
// summed in logarithms (terms peak at k ~ x (T/4)^{1/3}); n ~ exp(-x (1 + T - 3 (T/4)^{1/3}))
// at large x, negligible (< e^-100 N0/v0) once that exponent passes 120.
double productDensity(double v, double T) {
  const double x = v / kV0, decay = 1.0 + T;
  if (x * (decay - 3.0 * std::cbrt(T / 4.0)) > 120.0) return 0.0;
  const double growth = T * x * x * x;
  double logTerm = -decay * x, logMax = logTerm, sum = 1.0;
  for (int k = 1; growth > 0.0; ++k) {
    logTerm += std::log(growth / ((k + 1.0) * (2.0 * k) * (2.0 * k + 1.0)));
    if (logTerm > logMax) {
      sum = sum * std::exp(logMax - logTerm) + 1.0;
      logMax = logTerm;
    } else {
      sum += std::exp(logTerm - logMax);
      if (logTerm < logMax - 40.0) break;
    }
  }
  return kN0 / kV0 * std::exp(logMax) * sum;
}

// The number attached to each pivot by the fixed-pivot representation (hat functions, all of
// (0, x_0) to pivot 0): exact number and volume.
std::vector<double> hatProjection(const std::vector<double>& x, const Density& n) {
  std::vector<double> N(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (i == 0)
      N[i] = integrate(n, 0.0, x[0]);
    else
      N[i] = integrate([&](double v) { return n(v) * (v - x[i - 1]) / (x[i] - x[i - 1]); },
                       x[i - 1], x[i]);
    if (i + 1 < x.size())
      N[i] += integrate([&](double v) { return n(v) * (x[i + 1] - v) / (x[i + 1] - x[i]); }, x[i],
                        x[i + 1]);
  }
  return N;
}

class Aggregating final : public System {
 public:
  Aggregating(const SizeGrid& grid, const AggregationKernel& kernel, std::vector<double> N0)
      : m_agg(grid, kernel, {}), m_N0(std::move(N0)) {
    m_layout.add("psd", m_N0.size(), "1/m^3", kN0);
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    std::copy(m_N0.begin(), m_N0.end(), y0.begin());
  }
  void rhs(double, std::span<const double> y, std::span<double> ydot) override {
    std::fill(ydot.begin(), ydot.end(), 0.0);
    m_lost = m_agg.rates(y, ydot);
  }
  bool hasJacobian() const override { return true; }
  void jacobian(double, std::span<const double> y, std::span<const double>,
                JacobianSink& sink) override {
    BorderedBandJacobian& J = sink.arrow();
    const auto n = static_cast<Eigen::Index>(m_N0.size());
    Eigen::MatrixXd dense = Eigen::MatrixXd::Zero(n, n);
    m_agg.addExactJacobianDense(y, dense);
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j)
        J.D(static_cast<std::size_t>(i), static_cast<std::size_t>(j)) = dense(i, j);
  }
  AggregationLoss lost() const { return m_lost; }

 private:
  FixedPivotAggregation m_agg;
  std::vector<double> m_N0;
  StateLayout m_layout;
  AggregationLoss m_lost;
};

struct States final : StateObserver {
  std::vector<std::vector<double>> y;
  void observe(double, std::span<const double> s) override { y.emplace_back(s.begin(), s.end()); }
};

struct Errors {
  double M0 = 0, M1 = 0, M2 = 0;  // relative errors of the moments sum_i x_i^k N_i
  double number = 0, volume = 0;  // L1 of N_i vs hat projection, number- and volume-weighted
  double classes = 0;             // volume-weighted L1 vs the analytic count in each class
};

struct ScottCase {
  const char* name;
  const AggregationKernel& kernel;
  std::vector<double> times;                          // [s]
  std::function<double(double v, double t)> density;  // n(v, t); empty: moments only
  std::function<double(double t)> M0, M2;             // analytic moments (M1 = N0 v0)
  int lowest, highest;                                // pivots v0 2^(m/q), m/q in [lowest, highest]
};

// The worst error over the output times (t > 0) on the grid of q classes per volume doubling.
Errors runScott(const ScottCase& c, int q, bool print) {
  const std::size_t n = static_cast<std::size_t>(q * (c.highest - c.lowest) + 1);
  const double h = 1.0 / (6.0 * q);  // half a class in log2(L)
  SizeGrid grid(kL0 * std::exp2(c.lowest / 3.0 - h), kL0 * std::exp2(c.highest / 3.0 + h), n,
                GridSpacing::Geometric, kKv);
  const std::vector<double>& x = grid.volumes();
  Aggregating system(grid, c.kernel, hatProjection(x, initialDensity));
  IntegratorOptions options;
  options.rtol = 1e-10;
  options.atol = 1e-16;
  options.linear = IntegratorOptions::LinearSolver::Dense;
  CvodeIntegrator integrator(system, options);
  std::vector<double> times{0.0};
  times.insert(times.end(), c.times.begin(), c.times.end());
  States states;
  REQUIRE(integrator.run(times, states).complete);
  Errors worst;
  for (std::size_t s = 1; s < times.size(); ++s) {
    const double t = times[s];
    const std::vector<double>& N = states.y[s];
    const Density exact = [&](double v) { return c.density ? c.density(v, t) : 0.0; };
    const std::vector<double> ref = hatProjection(x, exact);
    double m[3] = {0, 0, 0}, eN = 0, eV = 0, eC = 0, total = 0, volume = 0;
    for (std::size_t i = 0; i < n; ++i) {
      for (int k = 0; k < 3; ++k) m[k] += std::pow(x[i], k) * N[i];
      eN += std::abs(N[i] - ref[i]);
      eV += x[i] * std::abs(N[i] - ref[i]);
      const double lo = i == 0 ? 0.0 : kKv * std::pow(grid.faces()[i], 3);
      eC += x[i] * std::abs(N[i] - integrate(exact, lo, kKv * std::pow(grid.faces()[i + 1], 3)));
      total += ref[i];
      volume += x[i] * ref[i];
    }
    Errors e{std::abs(m[0] / c.M0(t) - 1),  std::abs(m[1] / (kN0 * kV0) - 1),
             std::abs(m[2] / c.M2(t) - 1),  c.density ? eN / total : 0.0,
             c.density ? eV / volume : 0.0, c.density ? eC / volume : 0.0};
    if (print)
      std::cout << "    t = " << std::setw(4) << t << "  M0 " << e.M0 << "  M1 " << e.M1 << "  M2 "
                << e.M2 << "  L1(N) " << e.number << "  L1(xN) " << e.volume << "  L1(xN, classes) "
                << e.classes << "\n";
    worst = {std::max(worst.M0, e.M0),         std::max(worst.M1, e.M1),
             std::max(worst.M2, e.M2),         std::max(worst.number, e.number),
             std::max(worst.volume, e.volume), std::max(worst.classes, e.classes)};
  }
  return worst;
}

double order(double coarse, double fine) { return std::log2(coarse / fine); }

// Tolerances on the finest grid (q = 4): relative M2 error, number- and volume-weighted L1.
struct Tolerances {
  double M2, number, volume;
};
constexpr double kMinOrder = 1.6;  // distribution: second order observed (1.7 - 2.0)

// Runs q = 1, 2, 4, prints errors and observed orders, checks them. Number and volume are exact
// (to the solver tolerance) on every grid that holds the distribution; q = 1 lets a little
// volume pass the last pivot for the sum kernel at t = 1.5 (fixed pivot over-predicts the tail
// on coarse grids), so the moment checks start at q = 2.
void checkScott(const ScottCase& c, Tolerances tol) {
  std::cout << std::setprecision(3) << "Scott (1968), " << c.name
            << " kernel: relative errors (worst over t), observed order p = log2(e_q / e_2q)\n";
  std::vector<Errors> e;
  for (int q : {1, 2, 4}) {
    std::cout << "  q = " << q << " (" << q * (c.highest - c.lowest) + 1 << " classes)\n";
    e.push_back(runScott(c, q, true));
  }
  std::cout << "  orders: M2 " << order(e[0].M2, e[1].M2) << ", " << order(e[1].M2, e[2].M2)
            << "; L1(N) " << order(e[0].number, e[1].number) << ", "
            << order(e[1].number, e[2].number) << "; L1(xN) " << order(e[0].volume, e[1].volume)
            << ", " << order(e[1].volume, e[2].volume) << "; L1(xN, classes) "
            << order(e[0].classes, e[1].classes) << ", " << order(e[1].classes, e[2].classes)
            << "\n  tolerances (q = 4): M2 " << tol.M2 << ", L1(N) " << tol.number << ", L1(xN) "
            << tol.volume << "; orders > " << kMinOrder << " (M2 > 1.8)\n";
  for (std::size_t k = 1; k < e.size(); ++k) {
    CHECK(e[k].M0 < 1e-8);
    CHECK(e[k].M1 < 1e-8);
  }
  CHECK(e[2].M2 < tol.M2);
  CHECK(e[2].number < tol.number);
  CHECK(e[2].volume < tol.volume);
  CHECK(order(e[1].M2, e[2].M2) > 1.8);
  CHECK(order(e[1].number, e[2].number) > kMinOrder);
  CHECK(order(e[1].volume, e[2].volume) > kMinOrder);
  CHECK(order(e[1].classes, e[2].classes) > kMinOrder);
}
}  // namespace

TEST_CASE("Scott: constant kernel", "[validation][pbe][aggregation]") {
  ConstantKernel kernel(1.0 / kN0);  // beta0 N0 = 1/s: T = t
  ScottCase c{
      "constant",
      kernel,
      {1.0, 5.0, 20.0},
      [](double v, double t) {  // n = (N0/v0) 4/(T+2)^2 exp(-2v/((T+2) v0))
        const double s = 2.0 / (t + 2.0);
        return kN0 / kV0 * s * s * std::exp(-s * v / kV0);
      },
      [](double t) { return 2.0 * kN0 / (2.0 + t); },  // dM0/dt = -beta0 M0^2 / 2
      [](double t) { return 2.0 * kN0 * kV0 * kV0 + kN0 * kV0 * kV0 * t; },  // + beta0 M1^2 t
      -16,
      12};
  checkScott(c, {0.02, 0.008, 0.012});
}

TEST_CASE("Scott: sum kernel", "[validation][pbe][aggregation]") {
  SumKernel kernel(1.0 / (kN0 * kV0));  // beta1 N0 v0 = 1/s
  ScottCase c{"sum",
              kernel,
              {0.5, 1.0, 1.5},
              // n = N0 (1 - tau)/(v sqrt(tau)) e^{-(1 + tau) v/v0} I1(2 sqrt(tau) v/v0),
              // tau = 1 - exp(-T)
              [](double v, double t) {
                const double tau = -std::expm1(-t), z = 2.0 * std::sqrt(tau) * v / kV0;
                return kN0 * (1 - tau) / (v * std::sqrt(tau)) * std::exp(-(1 + tau) * v / kV0 + z) *
                       scaledBesselI1(z);
              },
              // dM0/dt = -beta1 M1 M0, dM2/dt = 2 beta1 M1 M2 (moments of the Smoluchowski equation)
              [](double t) { return kN0 * std::exp(-t); },
              [](double t) { return 2.0 * kN0 * kV0 * kV0 * std::exp(2.0 * t); },
              -14,
              16};
  checkScott(c, {0.12, 0.007, 0.04});
}

TEST_CASE("Scott: product kernel", "[validation][pbe][aggregation]") {
  ProductKernel kernel(1.0 / (kN0 * kV0 * kV0));  // T = beta2 N0 v0^2 t = t, gel point T = 1/2
  ScottCase c{"product",
              kernel,
              {0.1, 0.2, 0.3},
              productDensity,
              // dM0/dt = -beta2 M1^2 / 2: M0 = N0 (1 - T/2); dM2/dt = beta2 M2^2:
              // M2 = M2(0) / (1 - beta2 M2(0) t) = 2 N0 v0^2 / (1 - 2T), infinite at the gel point
              [](double t) { return kN0 * (1.0 - 0.5 * t); },
              [](double t) { return 2.0 * kN0 * kV0 * kV0 / (1.0 - 2.0 * t); },
              -14,
              16};
  checkScott(c, {0.06, 0.0025, 0.01});
}
