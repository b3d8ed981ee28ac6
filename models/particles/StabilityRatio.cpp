#include "models/particles/StabilityRatio.h"

#include <algorithm>
#include <functional>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/Constants.h"
#include "core/GaussKronrod15.h"

namespace proscale {
namespace {

constexpr double kLogLargestRatio = 700.0;  // W above e^700 is returned as +infinity
constexpr double kUnderflow = -708.0;  // exp of less (< 3e-308) is taken as 0, without libm's
                                       // slow underflow path (a third of the time in `check`)
constexpr double kRelTol = 1e-11;      // sum of the panels' error estimates / W
constexpr long kPanelBudget = 20000;   // bisections for one W (at most 18 were needed over
                                       // 10^6 random parameter sets; reaching it throws)
constexpr int kMaxDepth = 50;          // bisections of one panel (a width of 2^-50 of it)

using namespace gauss_kronrod15;  // kXgk, kWgk, kWg (core/GaussKronrod15.h)

// The bracket of V_A as a function of s = (2a/r)^2 = u^2 and 1 - s: s/2/(1-s) + s/2 + ln(1-s).
// For small s its terms cancel to s^3/6 + s^4/4 + ...: the series sum_{k>=3} (k-2)/(2k) s^k is
// used below s = 0.05 (truncation after k = 16: relative error < 1e-17).
double hamakerBracket(double s, double oneMinusS) {
  if (s < 0.05) {
    double sum = 0.0, power = s * s;
    for (int k = 3; k <= 16; ++k) {
      power *= s;
      sum += (k - 2) / (2.0 * k) * power;
    }
    return sum;
  }
  return 0.5 * s / oneMinusS + 0.5 * s + std::log(oneMinusS);
}

/// V/kT as a function of u = 2a/r in (0, 1) and om = 1 - u (passed separately: exact near contact).
struct ReducedPotential {
  double hamaker = 0.0;  // A / (6 kT)
  double layer = 0.0;    // 2 pi eps a psi0^2 / kT (Derjaguin), 2 pi eps a (kT/ze)^2 Y^2 / kT (LSA)
  double kappa = 0.0;    // [1/m]
  double radius = 0.0;   // [m]
  DoubleLayerModel model = DoubleLayerModel::Derjaguin;

  /// V/kT and |V_A| + |V_R| [kT], the size of the terms whose rounding V carries.
  struct Terms {
    double value, magnitude;
  };
  Terms terms(double u, double om) const {
    if (om <= 0.0) {  // contact (a node rounded to u = 1): the van der Waals well is -infinite
      if (hamaker > 0.0) return {-std::numeric_limits<double>::infinity(), 0.0};
      const double v = model == DoubleLayerModel::Derjaguin ? layer * std::log(2.0) : layer;
      return {v, v};
    }
    const double s = u * u, oneMinusS = om * (1.0 + u);
    const double attraction = hamaker > 0.0 ? -hamaker * hamakerBracket(s, oneMinusS) : 0.0;
    double repulsion = 0.0;
    if (layer != 0.0) {
      const double gap = 2.0 * radius * om / u;  // h = r - 2a
      const double decay = -kappa * gap < kUnderflow ? 0.0 : std::exp(-kappa * gap);
      repulsion = model == DoubleLayerModel::Derjaguin ? layer * std::log1p(decay)
                                                       : layer * u * decay;
    }
    return {attraction + repulsion, repulsion - attraction};
  }
  double operator()(double u, double om) const { return terms(u, om).value; }

  /// ln|dV_R/dh| - ln(dV_A/dh) (V in kT, h in m) at gap h: V rises with h where this is
  /// negative and falls where it is positive, so a barrier is where it crosses 0 upwards. Made
  /// of logarithms, it has no cancellation where V_A and V_R are 10^6 kT each and nearly cancel
  /// (a barrier there can be narrower than any sampling of V).
  ///   dV_A/dh = A/(6kT) u^7 / (om^2 (1 + u)^2 2a)        (d bracket/ds = s^2 / (2 (1 - s)^2))
  ///   dV_R/dh = -L kappa e^-kappa h / (1 + e^-kappa h)   (Derjaguin)
  ///   dV_R/dh = -L u e^-kappa h (u/2a + kappa)           (superposition)
  double forceBalance(double u, double om, double h) const {
    const double a2 = 2.0 * radius;
    const double logAttraction = std::log(hamaker) + 7.0 * std::log(u) - 2.0 * std::log(om) -
                                 2.0 * std::log1p(u) - std::log(a2);
    const double logRepulsion =
        model == DoubleLayerModel::Derjaguin
            ? std::log(layer * kappa) - kappa * h -
                  (-kappa * h < kUnderflow ? 0.0 : std::log1p(std::exp(-kappa * h)))
            : std::log(layer) + std::log(u) - kappa * h + std::log(u / a2 + kappa);
    return logRepulsion - logAttraction;  // +inf without attraction, -inf without a layer
  }
};

ReducedPotential reducedPotential(const DlvoParameters& p, double a, double T) {
  const double kT = constants::kB * T;
  const double eps = p.relativePermittivity * constants::eps0;
  ReducedPotential r;
  r.hamaker = p.hamakerConstant / (6.0 * kT);
  r.kappa = debyeParameter(p.ionicStrength, p.relativePermittivity, T);
  r.radius = a;
  r.model = p.doubleLayer;
  if (p.doubleLayer == DoubleLayerModel::Derjaguin) {
    r.layer = 2.0 * constants::pi * eps * a * p.surfacePotential * p.surfacePotential / kT;
  } else {
    const double thermal = kT / (p.valence * constants::elementaryCharge);  // kT/(ze) [V]
    const double Y = 4.0 * std::tanh(p.surfacePotential / (4.0 * thermal));
    r.layer = 2.0 * constants::pi * eps * a * thermal * thermal * Y * Y / kT;
  }
  return r;
}

/// W = ∫_0^1 exp(V/kT - shift) du in the variable that keeps u = 2a/(2a + h) and
/// 1 - u = h/(2a + h) to full relative precision where it is used: 1 - u computed as 1.0 - u
/// loses every digit once h/2a < 1e-16 (a = 5 cm, h ~ 1/kappa = 0.1 nm), which turned a
/// double-layer spike at contact into rounding noise that no bisection resolves.
enum class Variable {
  Gap,     // h on [0, h_0] at contact: du/dh = -u^2/(2a)
  LogGap,  // t = ln h on the factor-2 panels: du/dt = -2a h/(2a + h)^2 = -u (1 - u)
  Centre,  // u on the far field [0, u(h_far)], u <= 1e-4 (1 - u exact enough)
};

struct Integrand {
  const ReducedPotential& V;
  double shift;
  /// exp(V/kT - shift) du/dx and a bound of its rounding error: V/kT carries ~4 ulps of each
  /// of its terms (and of the shift), which exp turns into a relative error of the integrand.
  struct Sample {
    double value, rounding;
  };
  Sample operator()(Variable v, double x) const {
    const double a2 = 2.0 * V.radius;
    double u, om, jacobian;
    switch (v) {
      case Variable::Gap:
        u = a2 / (a2 + x), om = x / (a2 + x), jacobian = u * (u / a2);
        break;
      case Variable::LogGap: {
        const double h = std::exp(x);
        u = a2 / (a2 + h), om = h / (a2 + h), jacobian = u * om;
        break;
      }
      default:
        u = x, om = 1.0 - x, jacobian = 1.0;
    }
    const ReducedPotential::Terms t = V.terms(u, om);
    const double exponent = t.value - shift;
    const double value = exponent < kUnderflow ? 0.0 : std::exp(exponent) * jacobian;
    return {value, value * 8.0 * std::numeric_limits<double>::epsilon() *
                       (t.magnitude + shift + 1.0)};
  }
};

/// One panel of the quadrature: the Kronrod 15-point value and its error estimate.
struct Panel {
  Variable variable;
  double lo, hi;
  int depth;
  double kronrod = 0.0, error = 0.0;
};

/// Gauss-Kronrod 7-15 on the panel. The error estimate is |K15 - G7| less what the rounding of
/// the integrand alone can make of it: where V/kT is the difference of terms of 10^6 kT, its
/// last digits are noise that no bisection removes, and W is then as accurate as they allow.
template <class F>
Panel evaluate(const F& f, Variable v, double lo, double hi, int depth) {
  Panel p{v, lo, hi, depth};
  const double centre = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
  const auto mid = f(v, centre);
  double kronrod = kWgk[7] * mid.value, gauss = kWg[3] * mid.value;
  double rounding = (kWgk[7] + kWg[3]) * mid.rounding;
  for (int j = 0; j < 7; ++j) {
    const auto left = f(v, centre - half * kXgk[j]), right = f(v, centre + half * kXgk[j]);
    const double gaussWeight = j % 2 == 1 ? kWg[j / 2] : 0.0;
    kronrod += kWgk[j] * (left.value + right.value);
    gauss += gaussWeight * (left.value + right.value);
    rounding += (kWgk[j] + gaussWeight) * (left.rounding + right.rounding);
  }
  p.kronrod = kronrod * half;
  p.error = std::max(0.0, std::abs(kronrod - gauss) - rounding) * half;
  return p;
}

/// The largest V/kT over gaps h in [hLo, hHi] and the log h where it is.
struct Barrier {
  double value = 0.0;  // V/kT at its maximum
  double logGap = 0.0; // ln(h / 1 m) there
};

double potentialAtLogGap(const ReducedPotential& V, double logH) {
  const double a2 = 2.0 * V.radius, h = std::exp(logH);
  return V(a2 / (a2 + h), h / (a2 + h));
}

double forceBalanceAtLogGap(const ReducedPotential& V, double logH) {
  const double a2 = 2.0 * V.radius, h = std::exp(logH);
  return V.forceBalance(a2 / (a2 + h), h / (a2 + h), h);
}

/// The global maximum of V over [hLo, hHi] is at an end or at a barrier, where the force
/// balance crosses 0 upwards: it is sampled 8 times per factor 2 in h and each upward crossing
/// bisected to the double's resolution of ln h.
Barrier maximumPotential(const ReducedPotential& V, double hLo, double hHi) {
  const double step = std::log(2.0) / 8.0, logLo = std::log(hLo), logHi = std::log(hHi);
  Barrier best{potentialAtLogGap(V, logHi), logHi};
  auto consider = [&](double logH) {
    const double v = potentialAtLogGap(V, logH);
    if (v > best.value) best = Barrier{v, logH};
  };
  consider(logLo);
  double previous = logLo, previousBalance = forceBalanceAtLogGap(V, logLo);
  for (double logH = std::min(logLo + step, logHi);; logH = std::min(logH + step, logHi)) {
    const double balance = forceBalanceAtLogGap(V, logH);
    if (previousBalance < 0.0 && balance >= 0.0) {
      double lo = previous, hi = logH;  // balance(lo) < 0 <= balance(hi)
      for (double mid = 0.5 * (lo + hi); mid > lo && mid < hi; mid = 0.5 * (lo + hi))
        (forceBalanceAtLogGap(V, mid) < 0.0 ? lo : hi) = mid;
      consider(lo);
      consider(hi);
    }
    if (logH >= logHi) break;
    previous = logH, previousBalance = balance;
  }
  return best;
}

/// The gaps around the barrier where V/kT stays above barrier - 1, as ln h at either end
/// (bisection on log h on either side of the maximum; V is unimodal there).
struct OneKtRegion {
  double logNear = 0.0, logFar = 0.0;
};

OneKtRegion oneKtRegion(const ReducedPotential& V, const Barrier& b, double logLo, double logHi) {
  const double level = b.value - 1.0;
  auto edge = [&](double inside, double outside) {  // last log h with V >= level
    if (potentialAtLogGap(V, outside) >= level) return outside;
    for (int it = 0; it < 80; ++it) {
      const double mid = 0.5 * (inside + outside);
      (potentialAtLogGap(V, mid) >= level ? inside : outside) = mid;
    }
    return inside;
  };
  return {edge(b.logGap, logLo), edge(b.logGap, logHi)};
}

/// ln of a lower bound of ∫ exp(V/kT - barrier) du: the u-width of the 1-kT region times e^-1.
double logLowerBoundOfScaledIntegral(const ReducedPotential& V, const OneKtRegion& r) {
  const double a2 = 2.0 * V.radius, hNear = std::exp(r.logNear), hFar = std::exp(r.logFar);
  // u(hNear) - u(hFar), without the difference of two numbers next to 1 (u falls as h grows)
  const double width = a2 * (hFar - hNear) / ((a2 + hNear) * (a2 + hFar));
  return width > 0.0 ? std::log(width) - 1.0 : -std::numeric_limits<double>::infinity();
}

/// ∫ exp(V/kT - shift) du over the panels: [gapStart, gapEnd] in h (none if empty), the
/// factor-2 (and barrier) cuts in ln h, and [0, u(h_last)] in u. The panels are refined
/// globally (QUADPACK's qag strategy): the panel with the largest error estimate is bisected
/// until the sum of the estimates is below kRelTol of the integral.
template <class F>
double integrateFuchs(const F& f, const std::vector<double>& cuts, double gapStart,
                      double gapEnd, double a2, const char* what,
                      const std::function<std::string()>& where, double barrierValue) {
  std::vector<Panel> panels;  // a max-heap on the error estimate
  if (gapEnd > gapStart) panels.push_back(evaluate(f, Variable::Gap, gapStart, gapEnd, 0));
  for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
    panels.push_back(evaluate(f, Variable::LogGap, cuts[k], cuts[k + 1], 0));
  panels.push_back(evaluate(f, Variable::Centre, 0.0, a2 / (a2 + std::exp(cuts.back())), 0));
  const auto byError = [](const Panel& x, const Panel& y) { return x.error < y.error; };
  std::make_heap(panels.begin(), panels.end(), byError);

  auto sums = [&](double& integral, double& error) {
    integral = error = 0.0;
    for (const Panel& q : panels) integral += q.kronrod, error += q.error;
  };
  double integral, error;
  sums(integral, error);
  for (long bisections = 0;; ++bisections) {
    if (error <= kRelTol * integral) {
      sums(integral, error);  // the running sums, recomputed without their rounding
      if (error <= kRelTol * integral) break;
    }
    std::pop_heap(panels.begin(), panels.end(), byError);
    const Panel worst = panels.back();
    panels.pop_back();
    if (bisections == kPanelBudget || worst.depth == kMaxDepth) {
      std::ostringstream s;
      s << "the Fuchs integral of " << what << " did not converge within "
        << kPanelBudget << " bisections, " << kMaxDepth << " of one panel (" << where()
        << ", barrier " << barrierValue << " kT, error estimate " << error / integral
        << " of W)";
      throw std::runtime_error(s.str());
    }
    const double centre = 0.5 * (worst.lo + worst.hi);
    for (const Panel& half : {evaluate(f, worst.variable, worst.lo, centre, worst.depth + 1),
                              evaluate(f, worst.variable, centre, worst.hi, worst.depth + 1)}) {
      panels.push_back(half);
      std::push_heap(panels.begin(), panels.end(), byError);
      integral += half.kronrod, error += half.error;
    }
    integral -= worst.kronrod, error -= worst.error;
  }
  if (!(integral > 0.0 && std::isfinite(integral)))  // never seen: the peak panel is >= e^-1
    throw std::runtime_error("the Fuchs integral of " + std::string(what) + " is " +
                             std::to_string(integral) + " (" + where() + ")");
  return integral;
}


// ---- Any pair potential (fuchsStabilityRatio) ----

/// exp(V/kT - shift) du/dx for a potential given as V/kT of the gap: the same variables as
/// Integrand, the gap computed from x directly (h = x, e^x, 2a (1 - u)/u). Inside the hard core
/// (V = +infinity) the integrand is 0: the pair has collided there (the Fuchs sink).
struct GenericIntegrand {
  const ReducedPairPotential& V;
  double a2;
  double shift;
  Integrand::Sample operator()(Variable v, double x) const {
    double h, jacobian;
    switch (v) {
      case Variable::Gap: {
        const double u = a2 / (a2 + x);
        h = x, jacobian = u * (u / a2);
        break;
      }
      case Variable::LogGap: {
        h = std::exp(x);
        jacobian = (a2 / (a2 + h)) * (h / (a2 + h));
        break;
      }
      default:
        h = a2 * (1.0 - x) / x, jacobian = 1.0;
    }
    const double value = V(h);
    if (std::isnan(value))
      throw std::runtime_error("the pair potential is NaN at the gap h = " + std::to_string(h) +
                               " m");
    if (value == std::numeric_limits<double>::infinity()) return {0.0, 0.0};
    const double exponent = value - shift;
    const double sample = exponent < kUnderflow ? 0.0 : std::exp(exponent) * jacobian;
    return {sample, sample * 8.0 * std::numeric_limits<double>::epsilon() *
                        (std::abs(value) + shift + 1.0)};
  }
};

double genericAtLogGap(const ReducedPairPotential& V, double logH) { return V(std::exp(logH)); }

/// The largest finite V/kT over ln h in [logLo, logHi]: sampled 16 times per factor 2 in h and
/// at the breakpoints, the best sample refined by golden-section search between its
/// neighbours (V is taken unimodal there). A barrier narrower than 1/16 of a factor 2 in h
/// can be missed: give its position as a breakpoint.
Barrier maximumOfPotential(const ReducedPairPotential& V, double logLo, double logHi,
                           const std::vector<double>& logBreaks) {
  const double step = std::log(2.0) / 16.0;
  Barrier best{-std::numeric_limits<double>::infinity(), logHi};
  auto consider = [&](double logH) {
    const double v = genericAtLogGap(V, logH);
    if (std::isfinite(v) && v > best.value) best = Barrier{v, logH};
  };
  for (double logH = logLo;; logH = std::min(logH + step, logHi)) {
    consider(logH);
    if (logH >= logHi) break;
  }
  for (double b : logBreaks) consider(b);
  if (!std::isfinite(best.value)) return Barrier{0.0, logHi};
  const double invPhi = 0.5 * (std::sqrt(5.0) - 1.0);
  double lo = std::max(logLo, best.logGap - step), hi = std::min(logHi, best.logGap + step);
  double x1 = hi - invPhi * (hi - lo), x2 = lo + invPhi * (hi - lo);
  auto value = [&](double x) {
    const double v = genericAtLogGap(V, x);
    return std::isfinite(v) ? v : -std::numeric_limits<double>::infinity();
  };
  double f1 = value(x1), f2 = value(x2);
  for (int it = 0; it < 80 && hi - lo > 1e-15 * (1.0 + std::abs(lo)); ++it) {
    if (f1 < f2) {
      lo = x1, x1 = x2, f1 = f2, x2 = lo + invPhi * (hi - lo), f2 = value(x2);
    } else {
      hi = x2, x2 = x1, f2 = f1, x1 = hi - invPhi * (hi - lo), f1 = value(x1);
    }
  }
  consider(x1);
  consider(x2);
  return best;
}

/// The ln h around the barrier where V/kT stays above barrier - 1 (as oneKtRegion).
OneKtRegion oneKtRegionOf(const ReducedPairPotential& V, const Barrier& b, double logLo,
                          double logHi) {
  const double level = b.value - 1.0;
  auto above = [&](double logH) {
    const double v = genericAtLogGap(V, logH);
    return std::isfinite(v) && v >= level;
  };
  auto edge = [&](double inside, double outside) {
    if (above(outside)) return outside;
    for (int it = 0; it < 80; ++it) {
      const double mid = 0.5 * (inside + outside);
      (above(mid) ? inside : outside) = mid;
    }
    return inside;
  };
  return {edge(b.logGap, logLo), edge(b.logGap, logHi)};
}

}  // namespace

double debyeParameter(double ionicStrength, double relativePermittivity, double temperature) {
  const double e = constants::elementaryCharge;
  return std::sqrt(2.0 * e * e * constants::NA * ionicStrength /
                   (relativePermittivity * constants::eps0 * constants::kB * temperature));
}

double dlvoPotential(const DlvoParameters& p, double radius, double gap, double temperature) {
  const double r = 2.0 * radius + gap;
  return constants::kB * temperature *
         reducedPotential(p, radius, temperature)(2.0 * radius / r, gap / r);
}

// W = 2a ∫_{2a}^∞ exp(V/kT) r^-2 dr; with u = 2a/r (dr = -2a du/u^2) this is exactly
// W = ∫_0^1 exp(V(u)/kT) du, a finite interval with W = 1 for V = 0. The gaps are cut at
// h_k = l 2^k (k = -30 ... until h_k > 10^4 max(a, 1/kappa)), l = min(a, 1/kappa), so that
// every panel spans a factor 2 in the gap and the barrier (at h ~ 1/kappa) and the van der
// Waals well (h -> 0) are resolved, and at both ends of the 1-kT region around the barrier, so
// that one panel holds the peak of the integrand and every node of it sees at least e^-1 of
// the peak: however narrow the peak, the quadrature cannot step over it. [0, h_0] is
// integrated in h, [h_k, h_k+1] in ln h and [h_last, infinity) in u. exp(V/kT) is scaled by
// its maximum (located first), so that barriers of hundreds of kT neither overflow nor lose
// the far field. The panels are refined globally (QUADPACK's qag strategy): the panel with the
// largest error estimate is bisected until the sum of the estimates is below kRelTol of the
// integral; every |K15 - G7| overestimates the error of K15 for smooth integrands.
double stabilityRatio(const DlvoParameters& p, double radius, double temperature) {
  const bool hasLayer = p.surfacePotential != 0.0;
  if (p.hamakerConstant == 0.0 && !hasLayer) return 1.0;
  const ReducedPotential V = reducedPotential(p, radius, temperature);
  const double debye = 1.0 / V.kappa;
  const double scale = hasLayer ? std::min(radius, debye) : radius;
  const double far = 1e4 * (hasLayer ? std::max(radius, debye) : radius);
  const double hLo = scale * std::ldexp(1.0, -30), hHi = 2.0 * far;
  auto where = [&] {
    std::ostringstream s;
    s << "a = " << radius << " m, T = " << temperature << " K, Debye length " << debye << " m";
    return s.str();
  };
  // The case-file ranges (AggregationKernelFactory.cpp; reactor.temperature with `dlvo`) keep
  // every term finite and the gaps within 10^22 of each other (at most 75 factor-2 panels); a
  // caller outside them gets an error instead of an endless cut loop (T = 1e-300 K gave
  // 1/kappa = 0 and hung check).
  if (!(hLo > 0.0 && std::isfinite(hHi) && hHi / hLo < 1e60 && std::isfinite(V.hamaker) &&
        std::isfinite(V.layer) && std::isfinite(V.kappa)))
    throw std::invalid_argument("the DLVO stability ratio is outside its range of evaluation (" +
                                where() + ")");

  // exp(V/kT - shift) <= 1 everywhere (to rounding): no overflow for any barrier.
  const double logLo = std::log(hLo), logHi = std::log(hHi);
  const Barrier barrier = maximumPotential(V, hLo, hHi);
  const double shift = std::max(0.0, barrier.value);
  const OneKtRegion peak = oneKtRegion(V, barrier, logLo, logHi);
  // W = e^shift ∫ exp(V/kT - shift) du. When a lower bound of it already exceeds e^700 the
  // answer is +infinity and the quadrature is skipped: a barrier of 1e5 kT or more (large
  // particles, high potential) is a spike of relative width 1e-3 or less (issue 10, defect 11).
  if (barrier.value > kLogLargestRatio &&
      barrier.value + logLowerBoundOfScaledIntegral(V, peak) > kLogLargestRatio)
    return std::numeric_limits<double>::infinity();

  const Integrand f{V, shift};
  const double a2 = 2.0 * radius;
  std::vector<double> cuts;  // ln h, increasing
  for (double h = hLo; h < hHi; h *= 2.0) cuts.push_back(std::log(h));
  for (double c : {peak.logNear, peak.logFar})
    if (c > cuts.front() && c < cuts.back()) cuts.push_back(c);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  const double integral =
      integrateFuchs(f, cuts, 0.0, hLo, a2, "the DLVO stability ratio", where, barrier.value);
  const double logW = shift + std::log(integral);
  return logW > kLogLargestRatio ? std::numeric_limits<double>::infinity() : std::exp(logW);
}

}  // namespace proscale

namespace proscale {

// The same Fuchs integral, W = ∫_0^1 exp(V/kT) du, for a potential given as a function of the
// gap. The gaps are cut at h_k = h_0 2^k, h_0 = the contact gap if it is > 0 (the integral
// starts there: inside, the pair has collided), else l 2^-30 with l the length scale and
// [0, h_0] a panel in h; at the breakpoints; and at the ends of the 1-kT region around the
// largest V (located by sampling and golden-section search, maximumOfPotential). The far
// field beyond h = 2 10^4 max(a, range) is integrated in u.
double fuchsStabilityRatio(const ReducedPairPotential& V, double radius,
                           const PairPotentialScales& scales) {
  if (!(radius > 0.0) || !std::isfinite(radius))
    throw std::invalid_argument("the Fuchs stability ratio needs a radius > 0 m");
  if (!(scales.contactGap >= 0.0) || !(scales.lengthScale >= 0.0) || !(scales.range >= 0.0))
    throw std::invalid_argument(
        "the Fuchs stability ratio: the contact gap and length scales must be >= 0 m");
  const double scale = scales.lengthScale > 0.0 ? std::min(scales.lengthScale, radius) : radius;
  const double far = 1e4 * std::max({radius, scales.range, scales.contactGap});
  const double hLo = scales.contactGap > 0.0 ? scales.contactGap : scale * std::ldexp(1.0, -30);
  const double hHi = 2.0 * far;
  auto where = [&] {
    std::ostringstream s;
    s << "a = " << radius << " m, contact gap " << scales.contactGap << " m";
    return s.str();
  };
  if (!(hHi / hLo < 1e60))
    throw std::invalid_argument("the Fuchs stability ratio is outside its range of evaluation (" +
                                where() + ")");
  const double logLo = std::log(hLo), logHi = std::log(hHi);
  std::vector<double> logBreaks;
  for (double b : scales.breakpoints)
    if (b > hLo && b < hHi) logBreaks.push_back(std::log(b));

  const Barrier barrier = maximumOfPotential(V, logLo, logHi, logBreaks);
  const double shift = std::max(0.0, barrier.value);
  const OneKtRegion peak = oneKtRegionOf(V, barrier, logLo, logHi);
  const double a2 = 2.0 * radius;
  if (barrier.value > kLogLargestRatio) {
    const double hNear = std::exp(peak.logNear), hFar = std::exp(peak.logFar);
    const double width = a2 * (hFar - hNear) / ((a2 + hNear) * (a2 + hFar));
    if (width > 0.0 && barrier.value + std::log(width) - 1.0 > kLogLargestRatio)
      return std::numeric_limits<double>::infinity();
  }

  std::vector<double> cuts;  // ln h, increasing
  for (double h = hLo; h < hHi; h *= 2.0) cuts.push_back(std::log(h));
  for (double c : logBreaks) cuts.push_back(c);
  for (double c : {peak.logNear, peak.logFar})
    if (c > cuts.front() && c < cuts.back()) cuts.push_back(c);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  const GenericIntegrand f{V, a2, shift};
  const double gapStart = scales.contactGap > 0.0 ? hLo : 0.0;
  const double integral =
      integrateFuchs(f, cuts, gapStart, hLo, a2, "a pair-potential stability ratio",
                     std::function<std::string()>(where), barrier.value);
  const double logW = shift + std::log(integral);
  return logW > kLogLargestRatio ? std::numeric_limits<double>::infinity() : std::exp(logW);
}

}  // namespace proscale
