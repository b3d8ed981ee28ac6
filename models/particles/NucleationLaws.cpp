#include "models/particles/NucleationLaws.h"

#include <cmath>

#include "core/Constants.h"

namespace proscale {
namespace {
// Below this ln S the CNT barrier exceeds any representable rate: B = 0 exactly.
constexpr double kMinLnS = 1e-3;
constexpr double kMaxExponent = 700.0;
}  // namespace

ClassicalNucleation::ClassicalNucleation(double interfacialEnergy, double heterogeneousFactor,
                                         double prefactor, double diffusivity)
    : m_gamma(interfacialEnergy),
      m_factor(heterogeneousFactor),
      m_prefactor(prefactor),
      m_diffusivity(diffusivity) {}

RateAndSlopes ClassicalNucleation::rate(const DrivingForce& f) const {
  if (f.lnS < kMinLnS || f.c <= 0.0) return {};
  const double kT = constants::kB * f.T;
  const double vm = f.molarVolume / constants::NA;
  const double barrier = m_factor * 16.0 * constants::pi * std::pow(m_gamma, 3) * vm * vm /
                         (3.0 * std::pow(kT, 3) * f.lnS * f.lnS);
  if (barrier > kMaxExponent) return {};
  double A = m_prefactor, dAdLnC = 0.0;
  if (A == 0.0) {  // Mersmann (1990)
    A = 1.5 * m_diffusivity * std::pow(f.c * constants::NA, 7.0 / 3.0) * std::sqrt(m_gamma / kT) * vm;
    dAdLnC = 7.0 / 3.0 * A;
  }
  const double e = std::exp(-barrier);
  return {A * e, A * e * 2.0 * barrier / f.lnS, dAdLnC * e};
}

double ClassicalNucleation::criticalDiameter(const DrivingForce& f) const {
  if (f.lnS <= 0.0) return std::numeric_limits<double>::quiet_NaN();
  const double vm = f.molarVolume / constants::NA;
  return 4.0 * m_gamma * vm / (constants::kB * f.T * f.lnS);  // 2 r*, r* = 2 gamma v_m/(kT ln S)
}

RateAndSlopes FittedClassicalNucleation::rate(const DrivingForce& f) const {
  if (f.lnS < kMinLnS) return {};
  const double x = m_b / (f.lnS * f.lnS);
  if (x > kMaxExponent) return {};
  const double B = m_A * std::exp(-x);
  return {B, B * 2.0 * x / f.lnS, 0.0};
}

RateAndSlopes PowerLawNucleation::rate(const DrivingForce& f) const {
  if (f.lnS <= 0.0) return {};
  const double S = std::exp(f.lnS);
  const double B = m_k * std::pow(S - 1.0, m_order);
  return {B, m_k * m_order * std::pow(S - 1.0, m_order - 1.0) * S, 0.0};
}

namespace {
SchemaPtr classicalSchema() {
  auto s = std::make_shared<Schema>(
      "classical",
      "Classical nucleation theory; prefactor given, or from Mersmann (1990) when `diffusivity` "
      "is given instead.");
  s->add(ParamSpec::real("interfacial-energy", dim::surfaceEnergy,
                         "Solid-solution interfacial free energy gamma.")
             .unit("J/m^2")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("prefactor", dim::numberDensity / dim::time, "Kinetic prefactor A.")
             .unit("1/m^3/s")
             .above(0));
  s->add(ParamSpec::real("diffusivity", dim::diffusivity,
                         "Solute diffusivity for Mersmann's prefactor (used when `prefactor` is "
                         "absent).")
             .unit("m^2/s")
             .above(0));
  s->add(ParamSpec::real("heterogeneous-factor", dim::none,
                         "Factor f (0 < f <= 1) on the barrier for heterogeneous nucleation "
                         "(contact-angle function); 1 = homogeneous.")
             .defaultsTo("1")
             .above(0)
             .atMost(1));
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
}  // namespace

const NucleationFactory& nucleationLaws() {
  static const NucleationFactory factory = [] {
    NucleationFactory f("nucleation", "Primary nucleation rate law.");
    f.add("classical", classicalSchema(), [](const Parameters& p) -> std::unique_ptr<NucleationLaw> {
      const bool hasA = p.has("prefactor"), hasD = p.has("diffusivity");
      if (hasA == hasD)
        throw p.error(hasA ? "diffusivity" : "",
                      "give exactly one of `prefactor` and `diffusivity` (Mersmann's prefactor)");
      return std::make_unique<ClassicalNucleation>(p.real("interfacial-energy"),
                                                   p.real("heterogeneous-factor"),
                                                   hasA ? p.real("prefactor") : 0.0,
                                                   hasD ? p.real("diffusivity") : 0.0);
    });
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
