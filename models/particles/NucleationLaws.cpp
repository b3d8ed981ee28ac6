#include "models/particles/NucleationLaws.h"

#include <cmath>

#include "core/Constants.h"

namespace proscale {
namespace {
// Below this ln S the CNT barrier exceeds any representable rate: B = 0 exactly.
constexpr double kMinLnS = 1e-3;
constexpr double kMaxExponent = 700.0;

/// W*/kT for the homogeneous nucleus: 16 pi gamma^3 v_m^2 / (3 (kT)^3 (nu ln S)^2).
double barrier(const DrivingForce& f, double gamma) {
  const double kT = constants::kB * f.T;
  const double vm = f.molarVolume / constants::NA;
  const double nuLnS = f.nu * f.lnS;
  return 16.0 * constants::pi * gamma * gamma * gamma * vm * vm / (3.0 * kT * kT * kT * nuLnS * nuLnS);
}

/// The critical nucleus: radius r* [m], E = W*/kT and -dE/d(ln S).
struct Nucleus {
  double radius = 0.0;
  double E = 0.0;
  double minusDEdLnS = 0.0;
};

/// Driving force per volume of solid nu kT ln S / v_m [J/m^3].
double drivingForcePerVolume(const DrivingForce& f) {
  return f.nu * constants::kB * f.T * f.lnS / (f.molarVolume / constants::NA);
}

/// With gamma(r) = gamma / (1 + 2 delta / r), DeltaG(r) = 4 pi r^3 (gamma / (r + 2 delta) - a/3),
/// a the driving force per volume. dDeltaG/dr = 0 gives a (r + 2 delta)^2 = gamma (2 r + 6 delta),
/// i.e. r^2 + (4 delta - r0) r + 4 delta^2 - 3 r0 delta = 0 with r0 = 2 gamma / a, whose larger
/// root is r* = (r0 - 4 delta + sqrt(r0^2 + 4 r0 delta)) / 2 (positive for delta < 3 r0 / 4);
/// W* = DeltaG(r*) = (4 pi / 3) gamma r*^4 / (r* + 2 delta)^2, and by the envelope theorem
/// dW*/d ln S = -(4 pi / 3) r*^3 a / ln S.
Nucleus tolmanNucleus(const DrivingForce& f, double gamma, double delta) {
  const double a = drivingForcePerVolume(f), r0 = 2.0 * gamma / a;
  if (delta >= 0.75 * r0) return {};  // no barrier: the surface term never wins
  const double s = std::sqrt(r0 * (r0 + 4.0 * delta)), b = r0 - 4.0 * delta;
  // The larger root without cancellation: from the sum when b >= 0, from the product
  // (4 delta^2 - 3 r0 delta) / r_minus when b < 0.
  const double r =
      b >= 0.0 ? 0.5 * (b + s) : (4.0 * delta * delta - 3.0 * r0 * delta) / (0.5 * (b - s));
  const double kT = constants::kB * f.T, rd = r + 2.0 * delta;
  Nucleus n;
  n.radius = r;
  n.E = 4.0 * constants::pi / 3.0 * gamma * r * r * r * r / (rd * rd) / kT;
  n.minusDEdLnS = 4.0 * constants::pi / 3.0 * r * r * r * a / (kT * f.lnS);
  return n;
}

/// The classical nucleus (delta = 0: the expressions of the plain law, unchanged) or Tolman's.
Nucleus criticalNucleus(const DrivingForce& f, double gamma, double delta) {
  if (delta == 0.0) {
    Nucleus n;
    n.E = barrier(f, gamma);
    n.minusDEdLnS = 2.0 * n.E / f.lnS;
    return n;  // radius not needed by the rates; criticalDiameter has its own expression
  }
  return tolmanNucleus(f, gamma, delta);
}

/// DeltaG(r) / W* of the Tolman nucleus (1 at r*).
double tolmanWorkRatio(const DrivingForce& f, double gamma, double delta, const Nucleus& n,
                       double r) {
  const double a = drivingForcePerVolume(f);
  const double work = 4.0 * constants::pi * r * r * r * (gamma / (r + 2.0 * delta) - a / 3.0);
  return work / (n.E * constants::kB * f.T);
}
}  // namespace

RateAndSlopes ClassicalNucleation::homogeneousRate(const DrivingForce& f) const {
  if (f.lnS < kMinLnS || f.c <= 0.0) return {};
  const double gamma = m_s.gamma.at(f);
  const Nucleus nucleus = criticalNucleus(f, gamma, m_s.tolmanLength);
  const double E = nucleus.E;
  if (E > kMaxExponent) return {};
  const bool activity = m_s.basis == PrefactorBasis::Activity;
  double A = m_s.prefactor, dLnA_dLnS = 0.0, dLnA_dLnC = 0.0;
  if (A == 0.0) {  // Mersmann (1990): A = 1.5 D (c' N_A)^(7/3) sqrt(gamma/kT) v_m
    const double kT = constants::kB * f.T;
    const double cPrime = activity ? std::exp(f.lnS) * f.cSat : f.c;
    A = 1.5 * m_s.diffusivity->at(f.T) * std::pow(cPrime * constants::NA, 7.0 / 3.0) *
        std::sqrt(gamma / kT) * f.molarVolume / constants::NA;
    (activity ? dLnA_dLnS : dLnA_dLnC) = 7.0 / 3.0;
  }
  RateAndSlopes r;
  r.value = A * std::exp(-E);
  r.dLnS = r.value * (nucleus.minusDEdLnS + dLnA_dLnS);
  r.dLnC = r.value * dLnA_dLnC;
  return r;
}

// B_het = n_s z_het f*_het exp(-f W*/kT) with z_het = z/sqrt(f) (n*_het = f n*,
// W*_het = f W*) and diffusion-controlled attachment f* = 4 pi r* D c' N_A:
// B_het = n_s D c' N_A nu ln S sqrt(kT/gamma) / sqrt(f) exp(-f W*/kT).
RateAndSlopes ClassicalNucleation::heterogeneousRate(const DrivingForce& f) const {
  if (!m_s.heterogeneous || f.lnS < kMinLnS || f.c <= 0.0) return {};
  const Heterogeneous& h = *m_s.heterogeneous;
  const double gamma = m_s.gamma.at(f);
  const Nucleus nucleus = criticalNucleus(f, gamma, m_s.tolmanLength);
  const double E = h.barrierFactor * nucleus.E;
  if (E > kMaxExponent) return {};
  // -dE/d ln S: 2E/ln S of the plain law as it was written, f times the nucleus' with Tolman.
  const double minusDEdLnS =
      m_s.tolmanLength == 0.0 ? 2.0 * E / f.lnS : h.barrierFactor * nucleus.minusDEdLnS;
  const bool activity = m_s.basis == PrefactorBasis::Activity;
  const double kT = constants::kB * f.T;
  const double cPrime = activity ? std::exp(f.lnS) * f.cSat : f.c;
  RateAndSlopes r;
  r.value = h.siteDensity * m_s.diffusivity->at(f.T) * cPrime * constants::NA * f.nu * f.lnS *
            std::sqrt(kT / gamma) / std::sqrt(h.barrierFactor) * std::exp(-E);
  r.dLnS = r.value * (1.0 / f.lnS + minusDEdLnS + (activity ? 1.0 : 0.0));
  r.dLnC = activity ? 0.0 : r.value;
  return r;
}

RateAndSlopes ClassicalNucleation::rate(const DrivingForce& f) const {
  RateAndSlopes r = homogeneousRate(f);
  const RateAndSlopes het = heterogeneousRate(f);
  r.value += het.value;
  r.dLnS += het.dLnS;
  r.dLnC += het.dLnC;
  return r;
}

double ClassicalNucleation::criticalDiameter(const DrivingForce& f) const {
  if (f.lnS <= 0.0) return std::numeric_limits<double>::quiet_NaN();
  if (m_s.tolmanLength != 0.0)
    return 2.0 * tolmanNucleus(f, m_s.gamma.at(f), m_s.tolmanLength).radius;
  const double vm = f.molarVolume / constants::NA;
  // L* = 2 r*, r* = 2 gamma v_m / (nu k T ln S)
  return 4.0 * m_s.gamma.at(f) * vm / (f.nu * constants::kB * f.T * f.lnS);
}

double nearCriticalEdge(double kTOverBarrier) {
  // g(x) = 2x^3 - 3x^2 + 1 - e rises for x > 1 from g(1) = -e: Newton from above the root
  // (g is convex there), starting at the larger of the parabolic estimate and 1.5.
  const double e = kTOverBarrier;
  if (!(e > 0.0)) return 1.0;
  double x = std::max(1.0 + std::sqrt(e / 3.0), 1.5) + e;
  for (int i = 0; i < 60; ++i) {
    const double g = (2.0 * x - 3.0) * x * x + 1.0 - e;
    const double step = g / (6.0 * x * (x - 1.0));
    x -= step;
    if (std::abs(step) < 1e-14 * x) break;
  }
  return x;
}

double nearCriticalLowerEdge(double kTOverBarrier) {
  // g(x) = 2x^3 - 3x^2 + 1 - e falls on (0, 1) from 1 - e to -e: bisection on [1/2, 1].
  const double e = kTOverBarrier;
  if (!(e > 0.0)) return 1.0;
  auto g = [e](double x) { return (2.0 * x - 3.0) * x * x + 1.0 - e; };
  double lo = 0.5, hi = 1.0;
  if (g(lo) <= 0.0) return lo;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (g(mid) > 0.0 ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

double ClassicalNucleation::weightedBarrier(const DrivingForce& f) const {
  const double E = criticalNucleus(f, m_s.gamma.at(f), m_s.tolmanLength).E;  // W*/kT, homogeneous
  const double hom = homogeneousRate(f).value, het = heterogeneousRate(f).value;
  const double f_het = m_s.heterogeneous ? m_s.heterogeneous->barrierFactor : 1.0;
  // With both rates zero (far below the onset) the homogeneous one.
  return hom + het > 0.0 ? (hom * E + het * f_het * E) / (hom + het) : E;
}

double ClassicalNucleation::tolmanEdgeRadius(const DrivingForce& f, double kTOverBarrier,
                                             bool upper) const {
  const double gamma = m_s.gamma.at(f), delta = m_s.tolmanLength;
  const Nucleus n = tolmanNucleus(f, gamma, delta);
  const double e = kTOverBarrier, target = 1.0 - e;
  if (!(e > 0.0)) return n.radius;
  // DeltaG/W* falls monotonically on both sides of r*: bisection on the side asked for.
  auto ratio = [&](double r) { return tolmanWorkRatio(f, gamma, delta, n, r); };
  double lo = n.radius, hi = 2.0 * n.radius;
  if (upper) {
    while (ratio(hi) > target) lo = hi, hi *= 2.0;
  } else {
    lo = 0.5 * n.radius, hi = n.radius;
    if (ratio(lo) >= target) return lo;
  }
  for (int i = 0; i < 100; ++i) {
    const double mid = 0.5 * (lo + hi);
    ((ratio(mid) > target) == upper ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

double ClassicalNucleation::birthDiameter(const DrivingForce& f) const {
  const double critical = criticalDiameter(f);
  if (!(critical > 0.0)) return critical;
  if (m_s.tolmanLength != 0.0) return 2.0 * tolmanEdgeRadius(f, 1.0 / weightedBarrier(f), true);
  return critical * nearCriticalEdge(1.0 / weightedBarrier(f));
}

double ClassicalNucleation::lowerEdgeDiameter(const DrivingForce& f) const {
  const double critical = criticalDiameter(f);
  if (!(critical > 0.0)) return critical;
  if (m_s.tolmanLength != 0.0) return 2.0 * tolmanEdgeRadius(f, 1.0 / weightedBarrier(f), false);
  return critical * nearCriticalLowerEdge(1.0 / weightedBarrier(f));
}

RateAndSlopes FittedClassicalNucleation::rate(const DrivingForce& f) const {
  if (f.lnS < kMinLnS) return {};
  const double x = m_b / (f.lnS * f.lnS);
  if (x > kMaxExponent) return {};
  RateAndSlopes r;
  r.value = m_A * std::exp(-x);
  r.dLnS = r.value * 2.0 * x / f.lnS;
  return r;
}

RateAndSlopes PowerLawNucleation::rate(const DrivingForce& f) const {
  if (f.lnS <= 0.0) return {};
  const double S = std::exp(f.lnS);
  RateAndSlopes r;
  r.value = m_k * std::pow(S - 1.0, m_order);
  r.dLnS = m_k * m_order * std::pow(S - 1.0, m_order - 1.0) * S;
  return r;
}

namespace {
SchemaPtr heterogeneousSchema() {
  auto s = std::make_shared<Schema>(
      "heterogeneous",
      "Heterogeneous nucleation on foreign surfaces, added to the homogeneous rate: "
      "B_het = n_s D c' N_A nu ln S sqrt(kT/gamma) / sqrt(f) exp(-f W*/kT).");
  s->add(ParamSpec::real("site-density", dim::numberDensity,
                         "Active heterogeneous nucleation sites n_s per volume of suspension.")
             .unit("1/m^3")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("barrier-factor", dim::none,
                         "f = W*_het / W*_hom in (0, 1]; for a spherical cap of contact angle "
                         "theta, f = (2 + cos theta)(1 - cos theta)^2 / 4.")
             .isRequired()
             .above(0)
             .atMost(1));
  return s;
}

SchemaPtr classicalSchema() {
  auto s = std::make_shared<Schema>(
      "classical",
      "Classical nucleation theory with the mean-ion supersaturation (barrier with (nu ln S)^2); "
      "prefactor given, or from Mersmann (1990) when `diffusivity` is given instead.");
  addInterfacialEnergy(*s,
                       "Solid-solution interfacial free energy gamma, in the convention of this "
                       "law (mean-ion S, nu^2 in the barrier).",
                       true);
  s->add(ParamSpec::real("prefactor", dim::numberDensity / dim::time, "Kinetic prefactor A.")
             .unit("1/m^3/s")
             .above(0));
  s->add(ParamSpec::real("diffusivity", dim::diffusivity,
                         "Solute diffusivity for Mersmann's prefactor (used when `prefactor` is "
                         "absent), at `diffusivity-temperature`; Stokes-Einstein in water gives "
                         "it at other temperatures.")
             .unit("m^2/s")
             .above(0));
  s->add(diffusivityTemperatureSpec());
  s->add(diffusivityPressureSpec());
  s->add(ParamSpec::choice("prefactor-basis", {"concentration", "activity"},
                           "What c' in Mersmann's prefactor 1.5 D (c' N_A)^(7/3) sqrt(gamma/kT) "
                           "v_m is: the mean concentration c of formula units, or the "
                           "activity-based S c_sat.")
             .defaultsTo("concentration"));
  s->add(ParamSpec::section("heterogeneous", heterogeneousSchema(),
                            "Heterogeneous nucleation on foreign surfaces (optional)."));
  addTolmanLength(*s);
  return s;
}

SchemaPtr fittedSchema() {
  auto s = std::make_shared<Schema>("classical-fitted", "B = A exp(-b / (ln S)^2).");
  s->add(ParamSpec::real("prefactor", dim::numberDensity / dim::time, "Prefactor A.")
             .unit("1/m^3/s")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("exponent", dim::none, "Exponent coefficient b.").isRequired().atLeast(0));
  return s;
}

SchemaPtr powerLawSchema() {
  auto s = std::make_shared<Schema>("power-law", "B = k_b (S - 1)^b for S > 1.");
  s->add(ParamSpec::real("rate-constant", dim::numberDensity / dim::time, "Rate constant k_b.")
             .unit("1/m^3/s")
             .isRequired()
             .atLeast(0));
  s->add(ParamSpec::real("order", dim::none, "Order b.").defaultsTo("2").atLeast(1));
  return s;
}

std::unique_ptr<NucleationLaw> makeClassical(const Parameters& p) {
  ClassicalNucleation::Settings s;
  s.gamma = interfacialEnergyFrom(p, true);
  const bool hasA = p.has("prefactor"), hasD = p.has("diffusivity");
  if (hasA == hasD)
    throw p.error(hasA ? "diffusivity" : "",
                  "give exactly one of `prefactor` and `diffusivity` (Mersmann's prefactor)");
  if (p.has("heterogeneous") && !hasD)
    throw p.error("heterogeneous",
                  "the heterogeneous prefactor needs the diffusivity: give `diffusivity`");
  if (hasA) s.prefactor = p.real("prefactor");
  if (hasD) s.diffusivity = diffusivityFrom(p);
  s.basis = p.string("prefactor-basis") == "activity" ? ClassicalNucleation::PrefactorBasis::Activity
                                                      : ClassicalNucleation::PrefactorBasis::Concentration;
  if (p.has("heterogeneous")) {
    const Parameters& h = p.section("heterogeneous");
    s.heterogeneous = ClassicalNucleation::Heterogeneous{h.real("site-density"), h.real("barrier-factor")};
  }
  s.tolmanLength = p.real("tolman-length");
  return std::make_unique<ClassicalNucleation>(std::move(s));
}
}  // namespace

void ClassicalNucleation::registerParameters(ParameterRegistry& registry,
                                             const std::string& section) {
  if (!m_s.gamma.estimated)
    registry.bind(section + ".interfacial-energy", "J/m^2", m_s.gamma.given,
                  "interfacial energy gamma of the nucleus");
  if (m_s.prefactor > 0.0)
    registry.bind(section + ".prefactor", "1/m^3/s", m_s.prefactor, "kinetic prefactor A");
  if (m_s.diffusivity)
    registry.bind(section + ".diffusivity", "m^2/s", m_s.diffusivity->reference(),
                  "solute diffusivity D at its reference temperature (Mersmann's prefactor, "
                  "heterogeneous nucleation)");
  if (m_s.tolmanLength > 0.0)
    registry.bind(section + ".tolman-length", "m", m_s.tolmanLength,
                  "Tolman length delta of gamma(r) = gamma / (1 + 2 delta / r)");
  if (m_s.heterogeneous) {
    registry.bind(section + ".heterogeneous.site-density", "1/m^3",
                  m_s.heterogeneous->siteDensity, "active sites per volume n_s");
    registry.bind(section + ".heterogeneous.barrier-factor", "-",
                  m_s.heterogeneous->barrierFactor, "barrier reduction factor f");
  }
}

void FittedClassicalNucleation::registerParameters(ParameterRegistry& registry,
                                                   const std::string& section) {
  registry.bind(section + ".prefactor", "1/m^3/s", m_A, "prefactor A of A exp(-b/ln^2 S)");
  registry.bind(section + ".exponent", "-", m_b, "b of A exp(-b/ln^2 S)");
}

void PowerLawNucleation::registerParameters(ParameterRegistry& registry,
                                            const std::string& section) {
  registry.bind(section + ".rate-constant", "1/m^3/s", m_k, "k_b of k_b (S-1)^b");
  registry.bind(section + ".order", "-", m_order, "b of k_b (S-1)^b");
}

const NucleationFactory& nucleationLaws() {
  static const NucleationFactory factory = [] {
    NucleationFactory f("nucleation", "Primary nucleation rate law.");
    f.add("classical", classicalSchema(), makeClassical);
    f.add("classical-fitted", fittedSchema(), [](const Parameters& p) {
      return std::make_unique<FittedClassicalNucleation>(p.real("prefactor"), p.real("exponent"));
    });
    f.add("power-law", powerLawSchema(), [](const Parameters& p) {
      return std::make_unique<PowerLawNucleation>(p.real("rate-constant"), p.real("order"));
    });
    f.add("none", std::make_shared<Schema>("none", "No primary nucleation."),
          [](const Parameters&) { return std::make_unique<NoNucleation>(); });
    return f;
  }();
  return factory;
}

}  // namespace proscale
