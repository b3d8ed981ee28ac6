#include "models/units/HydrothermalFlow.h"

#include <cmath>
#include <string>

#include "core/Constants.h"
#include "core/NumberFormat.h"
#include "models/thermo/water/Water.h"
#include "models/thermo/water/WaterDielectric.h"

namespace proscale {
namespace {

constexpr double kPumpTemperature = 298.15;  // [K] a `flow` is the pump's, at 25 degC
constexpr double kHeatUpShare = 0.05;        // t_99 / tau above which instant heating is doubtful

MixerInlet inletFrom(const Parameters& stream, double pressure) {
  MixerInlet in;
  in.temperature = stream.real("temperature");
  if (in.temperature < iapws95::Tmin || in.temperature > iapws95::Tmax)
    throw stream.error("temperature", "outside the water model's 0-800 degC (IAPWS-95 as proscale "
                                      "uses it)");
  in.jetDiameter = stream.real("inlet-diameter");
  const bool mass = stream.has("mass-flow"), volume = stream.has("flow");
  if (mass == volume)
    throw stream.error(mass ? "flow" : "mass-flow",
                       "give the stream's `mass-flow` or its pump `flow`, one of them");
  in.massFlow = mass ? stream.real("mass-flow")
                     : stream.real("flow") * waterAt(kPumpTemperature, pressure).rho;
  return in;
}

std::shared_ptr<Parameters> copyOf(const Parameters& p) { return std::make_shared<Parameters>(p); }

// The laws of the case see the system pressure: a law section that takes `key` (a diffusivity
// by Stokes-Einstein in hot water, a solubility in water's density) gets p unless it gives it,
// and must agree when it does.
void setPressure(Parameters& batch, const std::string& sectionName, const std::string& key,
                 double pressure, const SourceMark& mark, bool declared) {
  if (!batch.has(sectionName) || !declared) return;
  auto section = copyOf(batch.section(sectionName));
  if (section->has(key)) {
    if (std::abs(section->real(key) - pressure) > 1e-9 * pressure)
      throw section->error(key, "the laws run at the mixing pressure " +
                                    formatNumber(pressure * 1e-6) + " MPa (mixing.pressure): give " +
                                    key + " the same value, or leave it out where it is optional");
    return;
  }
  section->set(key, pressure, mark);
  batch.set(sectionName, section, batch.markOf(sectionName));
}

}  // namespace

ParamSpec HydrothermalFlow::pipeSection() {
  auto s = std::make_shared<Schema>("pipe", "The pipe after the mixer, insulated, in plug flow.");
  s->add(ParamSpec::real("diameter", dim::length, "Inner diameter d of the pipe.")
             .unit("mm")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("length", dim::length,
                         "Length L from the mixer to the quench: the residence time is "
                         "tau = L / u, u the mixed stream's mean velocity.")
             .unit("m")
             .isRequired()
             .above(0));
  return ParamSpec::section("pipe", s, "The reactor pipe from the mixer to the quench.").isRequired();
}

std::vector<ParamSpec> HydrothermalFlow::sections(void (*addFeedKeys)(Schema&)) {
  return {supercriticalMixerSection(addFeedKeys), pipeSection()};
}

HydrothermalFlow::HydrothermalFlow(const Parameters& root, PointFactory makePoint) {
  const Parameters& mixing = root.section("mixing");
  const Parameters& pipe = root.section("pipe");
  const double p = mixing.real("pressure");
  m_diameter = pipe.real("diameter");
  m_length = pipe.real("length");
  try {
    m_mixed = mixStreams(p, inletFrom(mixing.section("metal-stream"), p),
                         inletFrom(mixing.section("water-stream"), p), m_diameter,
                         mixing.real("loss-coefficient"));
  } catch (const RecoverableError& e) {
    throw mixing.error("pressure", std::string("the mixing point is outside the water model: ") +
                                       e.what());
  }
  m_velocity = m_mixed.volumeFlow / (constants::pi / 4.0 * m_diameter * m_diameter);
  m_tau = m_length / m_velocity;

  // A first batch case without the metal's load makes a point that reads the stream's
  // composition; the second one starts from the mixed stream.
  const Parameters unloaded = batchCase(root, nullptr);
  const std::unique_ptr<PointModel> probe = makePoint(unloaded);
  m_batch = batchCase(root, probe.get());
  m_vessel = std::make_unique<StirredVessel>(m_batch, makePoint(m_batch));
}

Parameters HydrothermalFlow::batchCase(const Parameters& root, const PointModel* probe) const {
  Parameters batch = root;
  const SourceMark mark = root.markOf("mixing");
  auto reactor = std::make_shared<Parameters>("reactor", mark);
  reactor->set("temperature", m_mixed.temperature, mark);
  reactor->set("viscosity", m_mixed.viscosity, mark);
  reactor->set("volume", m_mixed.volumeFlow * m_tau, mark);
  batch.set("reactor", reactor, mark);
  auto output = copyOf(root.section("output"));
  output->set("end-time", m_tau, root.markOf("pipe"));
  batch.set("output", output, root.markOf("output"));
  const double p = m_mixed.pressure;
  for (const char* law : {"nucleation", "growth"})
    setPressure(batch, law, "diffusivity-pressure", p, mark,
                batch.has(law) && batch.section(law).has("diffusivity"));
  if (batch.section("solid").section("solubility").type() == "water-density" ||
      batch.section("solid").section("solubility").type() == "born") {
    auto solid = copyOf(batch.section("solid"));
    setPressure(*solid, "solubility", "pressure", p, mark, true);
    batch.set("solid", solid, batch.markOf("solid"));
  }
  // A DLVO double layer in hot water: its permittivity is water's at (T_mix, p) by IAPWS 1997
  // unless the case gives one (the key's default, 78.4, is water's at 25 degC).
  if (batch.has("aggregation") && batch.section("aggregation").has("dlvo") &&
      batch.section("aggregation").section("dlvo").isDefault("relative-permittivity") &&
      m_mixed.temperature <= iapws1997::TmaxDielectric) {
    auto aggregation = copyOf(batch.section("aggregation"));
    auto dlvo = copyOf(aggregation->section("dlvo"));
    dlvo->set("relative-permittivity", waterDielectricConstant(m_mixed.temperature, m_mixed.density),
              mark);
    aggregation->set("dlvo", dlvo, aggregation->markOf("dlvo"));
    batch.set("aggregation", aggregation, batch.markOf("aggregation"));
  }
  if (probe == nullptr) return batch;

  const Parameters& stream = root.section("mixing").section("metal-stream");
  std::vector<double> feed(probe->fluidSize(), 0.0);
  probe->feedFluid(stream, feed);
  auto solution = copyOf(root.section("solution"));
  auto species = copyOf(solution->section("species"));
  const std::vector<std::string> names = species->keys();
  for (std::size_t j = 0; j < names.size() && j < feed.size(); ++j) {
    auto one = copyOf(species->section(names[j]));
    one->set("initial", one->real("initial") + m_mixed.metalDilution * feed[j],
             stream.mark());
    species->set(names[j], one, species->markOf(names[j]));
  }
  solution->set("species", species, solution->markOf("species"));
  batch.set("solution", solution, root.markOf("solution"));
  return batch;
}

std::vector<SeriesColumn> HydrothermalFlow::seriesColumns() const {
  std::vector<SeriesColumn> columns = m_vessel->seriesColumns();
  columns.push_back({"pipe_position", "m", "distance from the mixer, z = u t (plug flow)"});
  return columns;
}

void HydrothermalFlow::series(double t, std::span<const double> y, std::span<double> row) const {
  m_vessel->series(t, y, row.first(row.size() - 1));
  row.back() = m_velocity * t;
}

std::vector<Metric> HydrothermalFlow::metrics(double t, std::span<const double> y) const {
  std::vector<Metric> m = m_vessel->metrics(t, y);
  const MixedStream& x = m_mixed;
  m.push_back({"mixing_temperature", x.temperature, "K",
               "T_mix of the adiabatic mixing point (IAPWS-95 enthalpies)"});
  m.push_back({"mixing_density", x.density, "kg/m^3", "water density at (T_mix, p)"});
  m.push_back({"pressure", x.pressure, "Pa", "system pressure"});
  m.push_back({"residence_time", m_tau, "s", "tau = L / u, from the mixer to the quench"});
  m.push_back({"pipe_velocity", m_velocity, "m/s", "mean velocity u of the mixed stream"});
  m.push_back({"pipe_reynolds", x.density * m_velocity * m_diameter / x.viscosity, "-",
               "Re = rho u d / mu of the pipe flow"});
  m.push_back({"metal_dilution", x.metalDilution, "-",
               "c / c_feed: the metal stream's dilution at the mixing point"});
  m.push_back({"mixer_pressure_drop", x.pressureDrop, "Pa", "K rho_j u_j^2 / 2, fastest jet"});
  m.push_back({"engulfment_rate", x.engulfmentRate, "1/s",
               "E = 0.058 (eps/nu)^(1/2) of the mixer (Baldyga & Bourne)"});
  m.push_back({"heat_up_time", x.heatUpTime, "s",
               "t_99 = ln(100)/E: 99 % of the metal stream engulfed into the hot water"});
  return m;
}

std::vector<SelfCheck> HydrothermalFlow::selfChecks(double t, std::span<const double> y) const {
  std::vector<SelfCheck> checks = m_vessel->selfChecks(t, y);
  checks.push_back({"heat_up_fraction", m_mixed.heatUpTime / m_tau, kHeatUpShare, "-",
                    "the mixer's heat-up time t_99 over the residence time: the pipe is run at "
                    "T_mix from the mixer on, which needs t_99 << tau; above " +
                        formatNumber(kHeatUpShare) +
                        " the heating period matters: a longer pipe or a faster mixer (smaller "
                        "inlets)"});
  return checks;
}

}  // namespace proscale
