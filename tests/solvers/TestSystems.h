#pragma once
// Small OdeSystems with known solutions, shared by the solver tests (the observer: Recorder.h).
#include <cmath>
#include <functional>
#include <numbers>
#include <span>
#include <vector>

#include <Eigen/Dense>

#include "Recorder.h"
#include "core/System.h"
#include "solvers/CvodeIntegrator.h"

namespace proscale::test {

/// A run of CVODE to the output times: its report and the recorded states.
struct Outcome {
  SolverReport report;
  Recorder out;
};
inline Outcome integrate(System& system, const std::vector<double>& times,
                         const IntegratorOptions& options = {}) {
  CvodeIntegrator integrator(system, options);
  Outcome o;
  o.report = integrator.run(times, o.out);
  return o;
}

/// Writes global entry (r, c) into the block of J it belongs to (must be inside the structure).
inline void setEntry(BorderedBandJacobian& J, std::size_t r, std::size_t c, double v) {
  const std::size_t k = J.shape().border;
  if (r < k && c < k) J.D(r, c) = v;
  else if (r < k) J.R(r, c - k) = v;
  else if (c < k) J.C(r - k, c) = v;
  else J.B(r - k, c - k) = v;
}

/// Robertson's chemical kinetics (Robertson 1966; Hairer & Wanner, Solving ODEs II, sec. IV.1),
/// y(0) = (1, 0, 0), laid out with any Jacobian shape of size 3.
class Robertson : public System {
 public:
  Robertson(BorderedBandShape shape, bool analytic) : m_shape(shape), m_analytic(analytic) {
    m_layout.add("y1", 1, "1", 1.0);
    m_layout.add("y2", 1, "1", 1e-4);  // y2 peaks near 3.6e-5
    m_layout.add("y3", 1, "1", 1.0);
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override { y0[0] = 1; y0[1] = 0; y0[2] = 0; }
  void rhs(double, std::span<const double> y, std::span<double> f) override {
    f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
    f[2] = 3e7 * y[1] * y[1];
    f[1] = -f[0] - f[2];
  }
  BorderedBandShape jacobianShape() const override { return m_shape; }
  bool hasJacobian() const override { return m_analytic; }
  void jacobian(double, std::span<const double> y, std::span<const double>,
                JacobianSink& sink) override {
    BorderedBandJacobian& J = sink.arrow();
    const double a[3][3] = {{-0.04, 1e4 * y[2], 1e4 * y[1]},
                            {0.04, -1e4 * y[2] - 6e7 * y[1], -1e4 * y[1]},
                            {0.0, 6e7 * y[1], 0.0}};
    for (std::size_t r = 0; r < 3; ++r)
      for (std::size_t c = 0; c < 3; ++c) setEntry(J, r, c, a[r][c]);
  }

 private:
  StateLayout m_layout;
  BorderedBandShape m_shape;
  bool m_analytic;
};

/// Linear decay chain with border coupling, y' = A y, solved in closed form (Bateman 1910):
/// border "parent" p feeds class 0 at rate a; class m leaves at rate kappa_m, a fraction f of
/// which feeds class m + 1 (none for the last class) and the rest goes to the border "sink".
/// Shape: k = 2, lower bandwidth 1, upper 0, dense sink row (R), parent column (C).
class DecayChain : public System {
 public:
  DecayChain() {
    m_layout.add("parent", 1, "mol/m^3", 1.0);
    m_layout.add("sink", 1, "mol/m^3", 1.0);
    m_layout.add("chain", kappa.size(), "mol/m^3", 1.0);
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    for (auto& v : y0) v = 0;
    y0[0] = 1;
    if (onInitial) onInitial(y0);
  }
  double transfer(std::size_t m) const { return m + 1 < kappa.size() ? f * kappa[m] : 0.0; }
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override {
    if (onRhs) onRhs(t, y);
    const std::size_t n = kappa.size();
    ydot[0] = -a * y[0];
    ydot[1] = 0;
    for (std::size_t m = 0; m < n; ++m) {
      const double in = m == 0 ? a * y[0] : transfer(m - 1) * y[1 + m];
      ydot[2 + m] = in - kappa[m] * y[2 + m];
      ydot[1] += (kappa[m] - transfer(m)) * y[2 + m];
    }
    if (afterRhs) afterRhs(t, ydot);
  }
  BorderedBandShape jacobianShape() const override { return {2, kappa.size(), 1, 0}; }
  bool hasJacobian() const override { return true; }
  void jacobian(double t, std::span<const double>, std::span<const double>,
                JacobianSink& sink) override {
    BorderedBandJacobian& J = sink.arrow();
    if (onJacobian) onJacobian(t);
    J.D(0, 0) = -a;
    J.C(0, 0) = a;
    for (std::size_t m = 0; m < kappa.size(); ++m) {
      J.B(m, m) = -kappa[m];
      if (m > 0) J.B(m, m - 1) = transfer(m - 1);
      J.R(1, m) = kappa[m] - transfer(m);
    }
    if (afterJacobian) afterJacobian(J);
  }
  /// Closed form: chain member j (0 = parent, j = 1 + m) by the Bateman sum over distinct rates.
  std::vector<double> exact(double t) const {
    const std::size_t n = kappa.size();
    std::vector<double> r{a}, feed{a};  // rates of chain members, transfer into the next
    for (std::size_t m = 0; m < n; ++m) { r.push_back(kappa[m]); feed.push_back(transfer(m)); }
    std::vector<double> y(2 + n);
    double total = 0;
    for (std::size_t j = 0; j <= n; ++j) {
      double coefficient = 1, sum = 0;
      for (std::size_t i = 0; i < j; ++i) coefficient *= feed[i];
      for (std::size_t i = 0; i <= j; ++i) {
        double denominator = 1;
        for (std::size_t l = 0; l <= j; ++l)
          if (l != i) denominator *= r[l] - r[i];
        sum += std::exp(-r[i] * t) / denominator;
      }
      const double c = coefficient * sum;
      y[j == 0 ? 0 : 1 + j] = c;
      total += c;
    }
    y[1] = 1 - total;  // conservation: what left the chain is in the sink
    return y;
  }

  double a = 1.0, f = 0.6;
  std::vector<double> kappa{3, 10, 30, 100, 300};
  std::function<void(std::span<double>)> onInitial;             // may corrupt y0
  std::function<void(double, std::span<const double>)> onRhs;  // may throw
  std::function<void(double, std::span<double>)> afterRhs;       // may corrupt ydot
  std::function<void(double)> onJacobian;                         // may throw
  /// Called with the finished Jacobian (to spoil it).
  std::function<void(BorderedBandJacobian&)> afterJacobian;

 private:
  StateLayout m_layout;
};

/// Prothero-Robinson problem y' = A (y - phi(t)) + phi'(t) with exact solution phi, for a stiff
/// arrow-shaped A (k = 2, n = 200, lower 2, upper 1), diagonally dominant by rows so that every
/// Gershgorin disc lies in the left half plane; band eigenvalues spread from about -2 to -2000.
class ArrowProtheroRobinson : public System {
 public:
  static constexpr std::size_t k = 2, n = 200;
  ArrowProtheroRobinson() : m_A({k, n, 2, 1}) {
    m_layout.add("border", k, "1", 1.0);
    m_layout.add("classes", n, "1", 1.0);
    m_A.D(0, 0) = -50; m_A.D(0, 1) = 1; m_A.D(1, 0) = 2; m_A.D(1, 1) = -80;
    for (std::size_t i = 0; i < n; ++i) {
      const double d = 2 + 2000.0 * static_cast<double>(i) / n;
      m_A.B(i, i) = -d;
      if (i >= 1) m_A.B(i, i - 1) = 0.3 * d;
      if (i >= 2) m_A.B(i, i - 2) = 0.1 * d;
      if (i + 1 < n) m_A.B(i, i + 1) = 0.2 * d;
      m_A.C(i, 0) = 0.1;
      m_A.C(i, 1) = -0.05 * std::cos(0.1 * static_cast<double>(i));
      m_A.R(0, i) = 0.01;
      m_A.R(1, i) = 0.02 * std::sin(0.05 * static_cast<double>(i));
    }
  }
  static double phi(std::size_t i, double t) {
    return i < k ? 2 + std::cos(2 * t + static_cast<double>(i))
                 : 1 + 0.5 * std::sin(t + 0.03 * static_cast<double>(i));
  }
  static double phiDot(std::size_t i, double t) {
    return i < k ? -2 * std::sin(2 * t + static_cast<double>(i))
                 : 0.5 * std::cos(t + 0.03 * static_cast<double>(i));
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    for (std::size_t i = 0; i < k + n; ++i) y0[i] = phi(i, 0);
  }
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override {
    std::vector<double> e(k + n);
    for (std::size_t i = 0; i < k + n; ++i) e[i] = y[i] - phi(i, t);
    m_A.multiply(e, ydot);
    for (std::size_t i = 0; i < k + n; ++i) ydot[i] += phiDot(i, t);
  }
  BorderedBandShape jacobianShape() const override { return m_A.shape(); }
  bool hasJacobian() const override { return true; }
  void jacobian(double, std::span<const double>, std::span<const double>,
                JacobianSink& sink) override {
    BorderedBandJacobian& J = sink.arrow();
    J = m_A;
  }

 private:
  StateLayout m_layout;
  BorderedBandJacobian m_A;
};

/// y' = -A y, A = M + c u u^T symmetric positive definite: M is arrow-shaped (k = 2 border
/// unknowns, n = 120 classes, tridiagonal band with diagonal 2 .. 1000), u u^T a dense rank-one
/// coupling of every class to every other (like aggregation, c u_i u_j up to ~1.1). Exact
/// solution y(t) = V exp(-Lambda t) V^T y0 from the eigen-decomposition A = V Lambda V^T.
/// As `Approximate`, the Jacobian is declared inexact and J~ = -(M + diag(c u_i^2)) omits the
/// off-diagonal rank-one part; as `ExactDense` it is the full dense -A.
class LowRankCoupled : public System {
 public:
  /// ApproximateWithRemainder: the arrow part and the product of the rest
  /// (System::addJacobianRemainderTimes), as an aggregating population declares them.
  enum class Jacobian { Approximate, ApproximateWithRemainder, ExactDense };
  static constexpr std::size_t k = 2, n = 120;

  explicit LowRankCoupled(Jacobian kind)
      : m_kind(kind), m_A(Eigen::MatrixXd::Zero(k + n, k + n)) {
    m_layout.add("border", k, "1", 1.0);
    m_layout.add("classes", n, "1", 1.0);
    m_A(0, 0) = 5; m_A(0, 1) = m_A(1, 0) = 1; m_A(1, 1) = 8;
    std::vector<double> d(n), u(n);
    for (std::size_t i = 0; i < n; ++i) {
      d[i] = 2 + 1000.0 * static_cast<double>(i * i) / (n * n);
      u[i] = 1 + 0.5 * std::cos(0.1 * static_cast<double>(i));
    }
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t r = k + i;
      m_A(r, r) = d[i];
      if (i + 1 < n) m_A(r, r + 1) = m_A(r + 1, r) = -0.3 * std::sqrt(d[i] * d[i + 1]);
      m_A(0, r) = m_A(r, 0) = 0.02;
      m_A(1, r) = m_A(r, 1) = 0.03 * std::sin(static_cast<double>(i));
    }
    m_M = m_A;  // the arrow part
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = 0; j < n; ++j) m_A(k + i, k + j) += c * u[i] * u[j];
    for (std::size_t i = 0; i < n; ++i) m_M(k + i, k + i) += c * u[i] * u[i];
    m_eigen.compute(m_A);
  }
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override {
    y0[0] = 1;
    y0[1] = 0.5;
    for (std::size_t i = 0; i < n; ++i)
      y0[k + i] = 0.2 + std::sin(std::numbers::pi * static_cast<double>(i + 1) / (n + 1));
  }
  void rhs(double, std::span<const double> y, std::span<double> ydot) override {
    Eigen::Map<Eigen::VectorXd>(ydot.data(), k + n) =
        -m_A * Eigen::Map<const Eigen::VectorXd>(y.data(), k + n);
  }
  BorderedBandShape jacobianShape() const override {
    return m_kind != Jacobian::ExactDense ? BorderedBandShape{k, n, 1, 1}
                                          : BorderedBandShape{k + n, 0, 0, 0};
  }
  bool hasJacobian() const override { return true; }
  bool jacobianIsExact() const override { return m_kind == Jacobian::ExactDense; }
  void jacobian(double t, std::span<const double>, std::span<const double>,
                JacobianSink& sink) override {
    BorderedBandJacobian& J = sink.arrow();
    if (onJacobian) onJacobian(t);
    const Eigen::MatrixXd& A = m_kind != Jacobian::ExactDense ? m_M : m_A;
    for (std::size_t r = 0; r < k + n; ++r)
      for (std::size_t col = 0; col < k + n; ++col)
        if (A(r, col) != 0) setEntry(J, r, col, -A(r, col));
  }
  std::vector<double> exact(double t) const {
    std::vector<double> y0(k + n), y(k + n);
    initialState(y0);
    const Eigen::MatrixXd& V = m_eigen.eigenvectors();
    const Eigen::VectorXd modes =
        V.transpose() * Eigen::Map<const Eigen::VectorXd>(y0.data(), k + n);
    const Eigen::VectorXd decay = (-t * m_eigen.eigenvalues().array()).exp();
    Eigen::Map<Eigen::VectorXd>(y.data(), k + n) = V * modes.cwiseProduct(decay);
    return y;
  }

  bool hasJacobianRemainder() const override {
    return m_kind == Jacobian::ApproximateWithRemainder;
  }
  void addJacobianRemainderTimes(double, std::span<const double>, std::span<const double> v,
                                 std::span<double> Jv) override {
    ++remainderProducts;
    Eigen::Map<Eigen::VectorXd>(Jv.data(), k + n) -=
        (m_A - m_M) * Eigen::Map<const Eigen::VectorXd>(v.data(), k + n);
  }
  long remainderProducts = 0;

  static constexpr double c = 0.5;
  std::function<void(double)> onJacobian;  // may throw

 private:
  Jacobian m_kind;
  StateLayout m_layout;
  Eigen::MatrixXd m_A, m_M;
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> m_eigen;
};

}  // namespace proscale::test
