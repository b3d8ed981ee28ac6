#include "models/particles/GrowthLaws.h"

#include <cmath>

#include "core/Constants.h"

namespace proscale {

RateAndSlopes PowerLawGrowth::rate(const DrivingForce& f, double) const {
  if (f.lnS <= 0.0) return {};
  const double S = std::exp(f.lnS);
  return {m_k * std::pow(S - 1.0, m_order), m_k * m_order * std::pow(S - 1.0, m_order - 1.0) * S,
          0.0};
}

RateAndSlopes DiffusionLimitedGrowth::rate(const DrivingForce& f, double) const {
  const double G = 2.0 * m_kd * f.molarVolume * f.c * (1.0 - std::exp(-f.lnS));
  return {G, 2.0 * m_kd * f.molarVolume * f.c * std::exp(-f.lnS), G};
}

RateAndSlopes GibbsThomsonDiffusionGrowth::rate(const DrivingForce& f, double L) const {
  const double lnSeq = 4.0 * m_gamma * f.molarVolume / (f.nu * constants::R * f.T * L);
  const double k = 4.0 * m_D * f.molarVolume * f.c / L;
  const double ratio = std::exp(lnSeq - f.lnS);  // S_eq(L) / S
  const double G = k * (1.0 - ratio);
  return {G, k * ratio, G};
}

namespace {
SchemaPtr gibbsThomsonSchema() {
  auto s = std::make_shared<Schema>(
      "diffusion-gibbs-thomson",
      "Size-dependent diffusion-limited growth with Gibbs-Thomson solubility: "
      "dL/dt = 4 D V_m c (1 - S_eq(L)/S)/L; small particles dissolve, large ones grow "
      "(Ostwald ripening).");
  s->add(ParamSpec::real("diffusivity", dim::diffusivity, "Diffusivity D of the solute.")
             .unit("m^2/s")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("interfacial-energy", dim::surfaceEnergy,
                         "Solid-solution interfacial energy gamma of the Gibbs-Thomson term.")
             .unit("J/m^2")
             .isRequired()
             .above(0));
  return s;
}

SchemaPtr powerLawSchema() {
  auto s = std::make_shared<Schema>("power-law",
                                    "Reaction-limited growth G = k_g (S - 1)^g for S > 1, else 0.");
  s->add(ParamSpec::real("rate-constant", dim::velocity, "Rate constant k_g.")
             .unit("m/s")
             .isRequired()
             .atLeast(0));
  s->add(ParamSpec::real("order", dim::none, "Order g (1 linear, 2 parabolic/BCF).")
             .defaultsTo("1")
             .atLeast(1));
  return s;
}

SchemaPtr diffusionSchema() {
  auto s = std::make_shared<Schema>(
      "diffusion-limited",
      "Film-diffusion-limited growth dL/dt = 2 (D/delta) V_m c (1 - 1/S); size independent "
      "for a fixed film thickness delta.");
  s->add(ParamSpec::real("diffusivity", dim::diffusivity, "Diffusivity D of the solute.")
             .unit("m^2/s")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("film-thickness", dim::length,
                         "Diffusion film thickness delta (Sherwood number 2 around a particle "
                         "of diameter L gives delta = L/2).")
             .unit("nm")
             .isRequired()
             .above(0));
  return s;
}
}  // namespace

const GrowthFactory& growthLaws() {
  static const GrowthFactory factory = [] {
    GrowthFactory f("growth", "Crystal growth rate law.");
    f.add("power-law", powerLawSchema(), [](const Parameters& p) {
      return std::make_unique<PowerLawGrowth>(p.real("rate-constant"), p.real("order"));
    });
    f.add("diffusion-limited", diffusionSchema(), [](const Parameters& p) {
      return std::make_unique<DiffusionLimitedGrowth>(p.real("diffusivity") / p.real("film-thickness"));
    });
    f.add("diffusion-gibbs-thomson", gibbsThomsonSchema(), [](const Parameters& p) {
      return std::make_unique<GibbsThomsonDiffusionGrowth>(p.real("diffusivity"),
                                                           p.real("interfacial-energy"));
    });
    return f;
  }();
  return factory;
}

}  // namespace proscale
