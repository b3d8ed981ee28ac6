// Case-file declarations of the aggregation kernels (family "aggregation") and their factory.
#include <memory>

#include "models/particles/AggregationKernels.h"

namespace proscale {
namespace {

constexpr Dimension kVoltage = dim::power / dim::current;  // V = W/A

void addRateConstant(Schema& s, Dimension d, const char* unit, const char* doc) {
  s.add(ParamSpec::real("rate-constant", d, doc).unit(unit).isRequired().atLeast(0));
}

/// Keys every kernel shares: a fixed stability ratio or a DLVO section (not both).
SchemaPtr withStability(std::shared_ptr<Schema> s) {
  s->add(ParamSpec::real("stability-ratio", dim::none,
                         "Fuchs stability ratio W dividing the kernel (1: every collision sticks). "
                         "Give this or `dlvo`, not both.")
             .defaultsTo("1")
             .above(0));
  s->add(ParamSpec::section("dlvo", dlvoSchema(),
                            "Compute W from a DLVO pair potential (Fuchs integral) instead of "
                            "giving `stability-ratio`."));
  return s;
}

StabilitySetting stabilityFrom(const Parameters& p) {
  if (!p.has("dlvo")) return StabilitySetting::fixed(p.real("stability-ratio"));
  if (!p.isDefault("stability-ratio"))
    throw p.error("stability-ratio", "give either `stability-ratio` or `dlvo`, not both");
  const Parameters& d = p.section("dlvo");
  DlvoParameters dlvo;
  dlvo.hamakerConstant = d.real("hamaker-constant");
  dlvo.surfacePotential = d.real("surface-potential");
  dlvo.ionicStrength = d.real("ionic-strength");
  dlvo.relativePermittivity = d.real("relative-permittivity");
  dlvo.valence = d.real("valence");
  dlvo.doubleLayer = d.string("double-layer") == "superposition" ? DoubleLayerModel::Superposition
                                                                 : DoubleLayerModel::Derjaguin;
  return StabilitySetting::dlvo(dlvo, d.has("radius") ? d.real("radius") : 0.0);
}

SchemaPtr constantSchema() {
  auto s = std::make_shared<Schema>("constant", "beta = beta0 (size-independent).");
  addRateConstant(*s, dim::volume / dim::time, "m^3/s", "beta0.");
  return withStability(s);
}

SchemaPtr sumSchema() {
  auto s =
      std::make_shared<Schema>("sum", "beta = beta1 (x_i + x_j), x particle volume (Golovin).");
  addRateConstant(*s, dim::frequency, "1/s", "beta1.");
  return withStability(s);
}

SchemaPtr productSchema() {
  auto s = std::make_shared<Schema>("product", "beta = beta2 x_i x_j, x particle volume.");
  addRateConstant(*s, dim::frequency / dim::volume, "1/m^3/s", "beta2.");
  return withStability(s);
}

SchemaPtr brownianSchema() {
  auto s = std::make_shared<Schema>(
      "brownian",
      "Perikinetic aggregation at the temperature and viscosity of the continuous phase: "
      "continuum 2kT/(3 mu) (1/r_i + 1/r_j)(r_i + r_j), or Fuchs' transition-regime form for "
      "aerosols.");
  s->add(ParamSpec::choice("regime", {"continuum", "transition"},
                           "continuum (liquids, particles much larger than the gas mean free "
                           "path) or transition (Fuchs interpolation, needs `particle-density`).")
             .defaultsTo("continuum"));
  s->add(ParamSpec::real("particle-density", dim::density,
                         "Particle density (transition regime: mean thermal speed).")
             .unit("kg/m^3")
             .above(0));
  return withStability(s);
}

SchemaPtr shearSchema() {
  auto s = std::make_shared<Schema>(
      "shear", "Orthokinetic aggregation in laminar shear: (4/3) G_s (r_i + r_j)^3.");
  s->add(ParamSpec::real("shear-rate", dim::frequency,
                         "Shear rate G_s (in turbulence sqrt(eps/nu), Camp & Stein).")
             .unit("1/s")
             .isRequired()
             .atLeast(0));
  return withStability(s);
}

}  // namespace

SchemaPtr dlvoSchema() {
  auto s = std::make_shared<Schema>(
      "dlvo",
      "DLVO pair potential for the Fuchs stability ratio: Hamaker van der Waals attraction plus "
      "screened double-layer repulsion (docs/theory/aggregation.md). Needs reactor.temperature "
      "from -100 to 374 degC (a liquid electrolyte).");
  // Validity ranges: beyond them the inputs describe no real suspension, and the Fuchs integral
  // is shown to finish in bounded work only within them (docs/theory/aggregation.md); the
  // temperature's range (StabilityRatio.h) is checked where the kernel meets the vessel
  // (readInteractions, ParticleProcesses.cpp).
  s->add(ParamSpec::real("hamaker-constant", dim::energy,
                         "Hamaker constant A of particle-medium-particle; at most 1e-18 J "
                         "(metals across water reach 4e-19 J).")
             .unit("J")
             .isRequired()
             .atLeast(0)
             .atMost(1e-18));
  s->add(ParamSpec::real("surface-potential", kVoltage,
                         "Surface (or zeta) potential psi0; the sign does not matter for equal "
                         "particles. Within +-300 mV (12 kT/e at 25 degC; measured zeta "
                         "potentials stay within about +-100 mV).")
             .unit("mV")
             .isRequired()
             .atLeast(-0.3)
             .atMost(0.3));
  s->add(ParamSpec::real("ionic-strength", dim::concentration,
                         "Ionic strength I of the medium, from 1e-7 mol/L (pure water's own "
                         "ions) to 5 mol/L.")
             .unit("mol/L")
             .isRequired()
             .atLeast(1e-4)
             .atMost(5000));
  s->add(ParamSpec::real("relative-permittivity", dim::none,
                         "Relative permittivity eps_r of the medium, 1 (vacuum) to 200.")
             .defaultsTo("78.4")
             .atLeast(1)
             .atMost(200));
  s->add(ParamSpec::real("valence", dim::none,
                         "Valence z of a symmetric z:z electrolyte (superposition only), 1 to 4.")
             .defaultsTo("1")
             .atLeast(1)
             .atMost(4));
  s->add(ParamSpec::choice("double-layer", {"derjaguin", "superposition"},
                           "derjaguin: constant potential, kappa a >> 1 (Hogg-Healy-Fuerstenau); "
                           "superposition: kappa a <~ 5, any potential.")
             .defaultsTo("derjaguin"));
  s->add(ParamSpec::real("radius", dim::length,
                         "Evaluate W once at this particle radius; absent: for each pair at the "
                         "equal-sphere radius 2 r_i r_j / (r_i + r_j). From 5 pm to 5 cm, the "
                         "radii of the size grid's limits (population.min-size, max-size).")
             .unit("nm")
             .atLeast(5e-12)
             .atMost(0.05));
  return s;
}

const AggregationFactory& aggregationKernels() {
  static const AggregationFactory factory = [] {
    AggregationFactory f("aggregation", "Aggregation kernel beta(L_i, L_j) / W.");
    f.add("constant", constantSchema(), [](const Parameters& p) {
      return std::make_unique<ConstantKernel>(p.real("rate-constant"), stabilityFrom(p));
    });
    f.add("sum", sumSchema(), [](const Parameters& p) {
      return std::make_unique<SumKernel>(p.real("rate-constant"), stabilityFrom(p));
    });
    f.add("product", productSchema(), [](const Parameters& p) {
      return std::make_unique<ProductKernel>(p.real("rate-constant"), stabilityFrom(p));
    });
    f.add("brownian", brownianSchema(),
          [](const Parameters& p) -> std::unique_ptr<AggregationKernel> {
            const bool transition = p.string("regime") == "transition";
            if (transition && !p.has("particle-density"))
              throw p.error("regime", "the transition regime needs `particle-density`");
            return std::make_unique<BrownianKernel>(
                transition ? BrownianRegime::Transition : BrownianRegime::Continuum,
                p.has("particle-density") ? p.real("particle-density") : 0.0, stabilityFrom(p));
          });
    f.add("shear", shearSchema(), [](const Parameters& p) {
      return std::make_unique<ShearKernel>(p.real("shear-rate"), stabilityFrom(p));
    });
    return f;
  }();
  return factory;
}

}  // namespace proscale
