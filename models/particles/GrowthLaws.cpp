#include "models/particles/GrowthLaws.h"

#include <cmath>
#include <string>

#include "core/Constants.h"
#include "core/Errors.h"

namespace proscale {

RateAndSlopes PowerLawGrowth::rate(const DrivingForce& f, double) const {
  if (f.lnS <= 0.0) return {};
  const double S = std::exp(f.lnS);
  RateAndSlopes r;
  r.value = m_k * std::pow(S - 1.0, m_order);
  r.dLnS = m_k * m_order * std::pow(S - 1.0, m_order - 1.0) * S;
  return r;
}

RateAndSlopes InterfaceGrowth::rate(const DrivingForce& f, double L) const {
  if (sizeDependent() && !(L > 0.0 && std::isfinite(L)))  // e.g. a QMOM node at L <= 0
    throw RecoverableError("size-dependent growth asked at L = " + std::to_string(L) + " m");
  const double D = m_s.diffusivity.at(f.T);
  const double kd = m_s.filmThickness > 0.0 ? D / m_s.filmThickness : 2.0 * D / L;
  const double lnSeq = lnEquilibriumRatio(f, L);
  // c_eq = c S_eq(L) / S: ln c_eq = ln c + ln S_eq - ln S
  const double cEq = f.c * std::exp(lnSeq - f.lnS);
  const InterfaceFlux flux = m_s.integration ? mixedControlFlux(f, cEq, kd, *m_s.integration)
                                             : diffusionControlledFlux(f, cEq);
  const double toG = 2.0 * f.molarVolume * kd;
  RateAndSlopes r;
  r.value = toG * flux.u;
  r.dLnS = -toG * flux.dLnCeq;
  r.dLnC = toG * flux.dLnCeq;
  for (std::size_t i = 0; i < kMaxFormulaIons; ++i) r.dLnIon[i] = toG * flux.dLnIon[i];
  return r;
}

double InterfaceGrowth::lnEquilibriumRatio(const DrivingForce& f, double L) const {
  return m_s.gibbsThomson.any()
             ? 4.0 * m_s.gibbsThomson.at(f) * f.molarVolume / (f.nu * constants::R * f.T * L)
             : 0.0;
}

namespace {
void addFluctuations(Schema& s) {
  s.add(ParamSpec::boolean("fluctuations",
                           "Molecular fluctuations of growth on size classes: the size-space "
                           "diffusion of the Zeldovich-Frenkel equation, D_L = a G / (nu "
                           "ln(S/S_eq)), a = v_m/(3 k_v L^2), from this law by detailed balance "
                           "(no new constant). It decides which near-critical particles ripen "
                           "away; false leaves that to the size grid.")
            .defaultsTo("true"));
}

void addDiffusivity(Schema& s) {
  s.add(ParamSpec::real("diffusivity", dim::diffusivity,
                        "Diffusivity D of the solute (salt) at `diffusivity-temperature`.")
            .unit("m^2/s")
            .isRequired()
            .above(0));
  s.add(diffusivityTemperatureSpec());
  s.add(diffusivityPressureSpec());
}

SchemaPtr gibbsThomsonSchema() {
  auto s = std::make_shared<Schema>(
      "diffusion-gibbs-thomson",
      "Diffusion to a sphere (Sherwood number 2) with Gibbs-Thomson solubility, the interface "
      "in equilibrium: G = 2 V_m (2D/L) u; small particles dissolve, large ones grow "
      "(Ostwald ripening).");
  addDiffusivity(*s);
  addInterfacialEnergy(*s, "Solid-solution interfacial energy gamma of the Gibbs-Thomson term.",
                       true);
  addFluctuations(*s);
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
  addFluctuations(*s);
  return s;
}

SchemaPtr diffusionSchema() {
  auto s = std::make_shared<Schema>(
      "diffusion-limited",
      "Film-diffusion-limited growth G = 2 V_m (D/delta) u, the interface in equilibrium "
      "(u from the individual ion concentrations; u = c - c/S for a stoichiometric "
      "solution); size independent.");
  addDiffusivity(*s);
  s->add(ParamSpec::real("film-thickness", dim::length,
                         "Diffusion film thickness delta (Sherwood number 2 around a particle "
                         "of diameter L gives delta = L/2).")
             .unit("nm")
             .isRequired()
             .above(0));
  addFluctuations(*s);
  return s;
}

SchemaPtr seriesSchema() {
  auto s = std::make_shared<Schema>(
      "diffusion-integration",
      "Diffusion and surface integration in series: k_d u = G_int(S_s) / (2 V_m), "
      "G_int = k_r (S_s - 1)^g at the interface supersaturation S_s; G = 2 V_m k_d u.");
  addDiffusivity(*s);
  s->add(ParamSpec::real("film-thickness", dim::length,
                         "Diffusion film thickness delta (k_d = D/delta); absent: diffusion to "
                         "a sphere, k_d = 2D/L (Sherwood number 2).")
             .unit("nm")
             .above(0));
  addInterfacialEnergy(*s, "gamma of a Gibbs-Thomson solubility S_eq(L).", false);
  s->add(ParamSpec::real("integration-rate-constant", dim::velocity,
                         "Surface-integration rate constant k_r of G_int = k_r (S_s - 1)^g.")
             .unit("m/s")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("integration-order", dim::none,
                         "Order g of the integration law (2: parabolic, spiral growth).")
             .defaultsTo("2")
             .atLeast(1));
  addFluctuations(*s);
  return s;
}

InterfaceGrowth::Settings interfaceSettings(const Parameters& p) {
  InterfaceGrowth::Settings s;
  s.diffusivity = diffusivityFrom(p);
  if (p.has("film-thickness")) s.filmThickness = p.real("film-thickness");
  s.gibbsThomson = interfacialEnergyFrom(p, p.type() == "diffusion-gibbs-thomson");
  if (p.has("integration-rate-constant"))
    s.integration = IntegrationLaw{p.real("integration-rate-constant"), p.real("integration-order")};
  return s;
}
}  // namespace

void PowerLawGrowth::registerParameters(ParameterRegistry& registry, const std::string& section) {
  registry.bind(section + ".rate-constant", "m/s", m_k, "k_g of k_g (S-1)^g");
  registry.bind(section + ".order", "-", m_order, "g of k_g (S-1)^g");
}

void InterfaceGrowth::registerParameters(ParameterRegistry& registry, const std::string& section) {
  registry.bind(section + ".diffusivity", "m^2/s", m_s.diffusivity.reference(),
                "solute diffusivity D at its reference temperature");
  if (m_s.filmThickness > 0.0)
    registry.bind(section + ".film-thickness", "m", m_s.filmThickness, "film thickness delta");
  if (m_s.gibbsThomson.any() && !m_s.gibbsThomson.estimated)
    registry.bind(section + ".interfacial-energy", "J/m^2", m_s.gibbsThomson.given,
                  "interfacial energy gamma of the Gibbs-Thomson solubility");
  if (m_s.integration) {
    registry.bind(section + ".integration-rate-constant", "m/s", m_s.integration->rateConstant,
                  "surface-integration rate constant k_r");
    registry.bind(section + ".integration-order", "-", m_s.integration->order,
                  "surface-integration order g");
  }
}

const GrowthFactory& growthLaws() {
  static const GrowthFactory factory = [] {
    GrowthFactory f("growth", "Crystal growth rate law.");
    f.add("power-law", powerLawSchema(), [](const Parameters& p) {
      return std::make_unique<PowerLawGrowth>(p.real("rate-constant"), p.real("order"));
    });
    auto interface = [](const Parameters& p) -> std::unique_ptr<GrowthLaw> {
      return std::make_unique<InterfaceGrowth>(interfaceSettings(p));
    };
    f.add("diffusion-limited", diffusionSchema(), interface);
    f.add("diffusion-gibbs-thomson", gibbsThomsonSchema(), interface);
    f.add("diffusion-integration", seriesSchema(), interface);
    return f;
  }();
  return factory;
}

}  // namespace proscale
