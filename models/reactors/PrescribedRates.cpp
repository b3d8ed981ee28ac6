#include "models/reactors/PrescribedRates.h"

#include "core/Constants.h"
#include "models/pbe/MomentPopulation.h"
#include "models/pbe/PopulationSettings.h"

namespace proscale {
namespace {

SchemaPtr vesselSchema() {
  auto s = std::make_shared<Schema>(
      "reactor", "Well-mixed vessel: batch, or continuous with a particle-free feed (MSMPR).");
  s->add(ParamSpec::real("residence-time", dim::time,
                         "Mean residence time tau = V/Q of a continuous vessel (washout "
                         "-n/tau); absent: batch.")
             .unit("s")
             .above(0));
  s->add(ParamSpec::real("temperature", dim::temperature,
                         "Temperature (Brownian aggregation only).")
             .unit("degC")
             .defaultsTo("298.15 K")
             .above(0));
  s->add(ParamSpec::real("viscosity", dim::viscosity,
                         "Dynamic viscosity of the liquid (Brownian aggregation only).")
             .unit("mPa s")
             .defaultsTo("0.89 mPa s")
             .above(0));
  return s;
}

SchemaPtr particlesSchema() {
  auto s = std::make_shared<Schema>("particles", "Particle shape and the prescribed rates.");
  s->add(ParamSpec::real("shape-factor", dim::none,
                         "Volume shape factor k_v (particle volume k_v L^3); spheres pi/6.")
             .defaultsTo("0.5235987755982988")
             .above(0));
  s->add(ParamSpec::real("growth-rate", dim::velocity,
                         "G0 in G(L) = G0 (1 + a L); negative for dissolution.")
             .unit("nm/s")
             .defaultsTo("0 m/s"));
  s->add(ParamSpec::real("growth-size-coefficient", dim::none / dim::length,
                         "a in G(L) = G0 (1 + a L) (0: size-independent growth).")
             .unit("1/um")
             .defaultsTo("0 1/m")
             .atLeast(0));
  s->add(ParamSpec::real("nucleation-rate", dim::numberDensity / dim::time,
                         "Nucleation rate B0; nuclei are born at population.min-size.")
             .unit("1/m^3/s")
             .defaultsTo("0 1/m^3/s")
             .atLeast(0));
  return s;
}

}  // namespace

std::vector<ParamSpec> PrescribedRates::sections() {
  return {
      ParamSpec::section("reactor", vesselSchema(), "The vessel.").isRequired(),
      ParamSpec::section("particles", particlesSchema(), "Prescribed nucleation and growth.")
          .isRequired(),
      ParamSpec::typed("aggregation", aggregationKernels().family(),
                       "Aggregation of the particles (optional): kernel and stability ratio."),
      ParamSpec::section("breakage", breakageSchema(),
                         "Breakage of the particles (optional): power-law selection rate and "
                         "daughter distribution."),
      ParamSpec::section("population", PopulationSettings::schema(),
                         "Population balance discretisation.")
          .isRequired(),
  };
}

PrescribedRates PrescribedRates::from(const Parameters& root) {
  const Parameters& vessel = root.section("reactor");
  const Parameters& particles = root.section("particles");
  PrescribedRates r;
  r.growthRate = particles.real("growth-rate");
  r.growthSizeCoefficient = particles.real("growth-size-coefficient");
  r.nucleationRate = particles.real("nucleation-rate");
  r.shapeFactor = particles.real("shape-factor");
  if (vessel.has("residence-time")) r.residenceTime = vessel.real("residence-time");
  r.conditions.temperature = vessel.real("temperature");
  r.conditions.viscosity = vessel.real("viscosity");
  if (root.has("aggregation")) r.kernel = aggregationKernels().make(root.section("aggregation"));
  if (root.has("breakage")) r.breakage = breakageSettingsFrom(root.section("breakage"));
  return r;
}

QmomRates PrescribedRates::momentRates(double nucleusSize) const {
  QmomRates q;
  q.growth = [this](double L) { return growth(L); };
  q.nucleationRate = nucleationRate;
  q.nucleusSize = nucleusSize;
  if (kernel) q.aggregation = momentAggregation(*kernel, conditions, shapeFactor);
  if (breakage) setMomentBreakage(*breakage, q);
  return q;
}

}  // namespace proscale
