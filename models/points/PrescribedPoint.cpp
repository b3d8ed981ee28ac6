#include "models/points/PrescribedPoint.h"

namespace proscale {
namespace {

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
                         "Nucleation rate B0; nuclei are born at population.min-size (needs a "
                         "growth-rate >= 0: with dissolution they would vanish as they are born).")
             .unit("1/m^3/s")
             .defaultsTo("0 1/m^3/s")
             .atLeast(0));
  return s;
}

}  // namespace

std::vector<ParamSpec> PrescribedPoint::sections() {
  std::vector<ParamSpec> s{
      ParamSpec::section("particles", particlesSchema(), "Prescribed nucleation and growth.")
          .isRequired()};
  for (ParamSpec& p : interactionSections()) s.push_back(std::move(p));
  return s;
}

PrescribedPoint::PrescribedPoint(const Parameters& root, const PointConditions& at,
                                 double viscosity) {
  const Parameters& particles = root.section("particles");
  m_growthRate = particles.real("growth-rate");
  m_growthSizeCoefficient = particles.real("growth-size-coefficient");
  m_nucleationRate = particles.real("nucleation-rate");
  // Nuclei enter at the grid's lower bound; a negative G there carries them straight out again,
  // so the run would report a handful of particles and a class-width warning instead of saying
  // that the two rates contradict each other.
  if (m_nucleationRate > 0.0 && m_growthRate < 0.0)
    throw particles.error("nucleation-rate",
                          "nuclei are born at population.min-size, but growth-rate is negative "
                          "(dissolution): they would dissolve as they are born; give growth-rate "
                          ">= 0 or no nucleation");
  readInteractions(root, liquid(at.temperature, viscosity), particles.real("shape-factor"), m_kernel,
                   m_interactions);
}

ParticleProcesses PrescribedPoint::processes(std::span<const double>, const PointConditions&,
                                             ArgumentSlopes* slopes) const {
  ParticleProcesses p;
  p.growth = [this](double L) { return RateAndSlopes{.value = growth(L)}; };
  p.sizeDependentGrowth = sizeDependentGrowth();
  p.nucleation.value = m_nucleationRate;
  p.growthSlope = p.nucleationSlope = [](const RateAndSlopes&, std::size_t) { return 0.0; };
  if (slopes) *slopes = ArgumentSlopes{};
  return p;
}

void PrescribedPoint::registerParameters(ParameterRegistry& registry) {
  registry.bind("particles.growth-rate", "m/s", m_growthRate, "G0 in G(L) = G0 (1 + a L)");
  registry.bind("particles.growth-size-coefficient", "1/m", m_growthSizeCoefficient,
                "a in G(L) = G0 (1 + a L)");
  registry.bind("particles.nucleation-rate", "1/m^3/s", m_nucleationRate, "nucleation rate B0");
}

}  // namespace proscale
