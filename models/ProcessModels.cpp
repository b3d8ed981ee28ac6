#include "models/ProcessModels.h"

#include "models/points/CrystallizerPoint.h"
#include "models/points/PrecipitationPoint.h"
#include "models/points/PrescribedPoint.h"
#include "models/representations/ParticleRepresentation.h"
#include "models/units/CompartmentNetwork.h"
#include "models/units/HydrothermalFlow.h"
#include "models/units/StirredVessel.h"
#include "models/units/TubularReactor.h"

namespace proscale {
namespace {

// A process model is a unit operation holding a point model; the particle representation is
// chosen inside by population.method.
template <class Point>
std::unique_ptr<Process> inStirredVessel(const Parameters& root) {
  auto point = std::make_unique<Point>(root, StirredVessel::conditions(root),
                                       StirredVessel::viscosity(root));
  return std::make_unique<StirredVessel>(root, std::move(point));
}

template <class Point>
std::vector<ParamSpec> sectionsOf(bool flows, bool requireTemperature) {
  std::vector<ParamSpec> s{StirredVessel::reactorSection(flows, requireTemperature)};
  if (flows) s.push_back(VesselFlows::feedsSection(&Point::addFeedKeys));
  for (ParamSpec& p : Point::sections()) s.push_back(std::move(p));
  s.push_back(populationSection());
  return s;
}

// The same point in every zone of a compartment network.
template <class Point>
std::unique_ptr<Process> inNetwork(const Parameters& root) {
  return std::make_unique<CompartmentNetwork>(root, [&root] {
    return std::make_unique<Point>(root, StirredVessel::conditions(root),
                                   StirredVessel::viscosity(root));
  });
}

template <class Point>
std::vector<ParamSpec> networkSectionsOf() {
  std::vector<ParamSpec> s{StirredVessel::reactorSection(false, true, true),
                           CompartmentNetwork::section(),
                           VesselFlows::feedsSection(&Point::addFeedKeys, VesselFlows::Target::NetworkZone)};
  for (ParamSpec& p : Point::sections()) s.push_back(std::move(p));
  s.push_back(populationSection());
  return s;
}

// The same point in every cell of a tube.
template <class Point>
std::unique_ptr<Process> inTube(const Parameters& root) {
  return std::make_unique<TubularReactor>(root, [&root] {
    return std::make_unique<Point>(root, StirredVessel::conditions(root),
                                   StirredVessel::viscosity(root));
  });
}

template <class Point>
std::vector<ParamSpec> tubeSectionsOf() {
  std::vector<ParamSpec> s{StirredVessel::reactorSection(false, true, true),
                           TubularReactor::section(),
                           VesselFlows::feedsSection(&Point::addFeedKeys,
                                                     VesselFlows::Target::TubePosition)};
  for (ParamSpec& p : Point::sections()) s.push_back(std::move(p));
  s.push_back(populationSection());
  return s;
}

// Continuous hydrothermal synthesis: a mixing point and a pipe in plug flow.
std::unique_ptr<PointModel> precipitationPoint(const Parameters& root) {
  return std::make_unique<PrecipitationPoint>(root, StirredVessel::conditions(root),
                                              StirredVessel::viscosity(root));
}

std::vector<ParamSpec> hydrothermalSectionsOf() {
  std::vector<ParamSpec> s = HydrothermalFlow::sections(&PrecipitationPoint::addFeedKeys);
  for (ParamSpec& p : PrecipitationPoint::sections()) s.push_back(std::move(p));
  s.push_back(populationSection());
  return s;
}

}  // namespace

const std::map<std::string, ProcessModelEntry>& processModels() {
  static const std::map<std::string, ProcessModelEntry> models{
      {"batch-precipitation",
       {"Stirred batch vessel: reactions, precipitation, nucleation, growth and the "
        "population balance (docs/theory/batch-precipitation.md).",
        [] { return sectionsOf<PrecipitationPoint>(false, true); },
        inStirredVessel<PrecipitationPoint>}},
      {"precipitation",
       {"Precipitation as in batch-precipitation, in a semi-batch or continuous vessel: feeds "
        "with recipes, overflow or a residence time, temperature recipes or an energy balance "
        "(docs/theory/feeds-and-energy.md).",
        [] { return sectionsOf<PrecipitationPoint>(true, true); },
        inStirredVessel<PrecipitationPoint>}},
      {"precipitation-network",
       {"Precipitation in a compartment network: zones of constant volume connected by flows and "
        "exchange, fed into chosen zones (docs/theory/compartment-networks.md).",
        [] { return networkSectionsOf<PrecipitationPoint>(); },
        inNetwork<PrecipitationPoint>}},
      {"crystallization-network",
       {"Crystallization (as in crystallization) in a compartment network "
        "(docs/theory/compartment-networks.md).",
        [] { return networkSectionsOf<CrystallizerPoint>(); },
        inNetwork<CrystallizerPoint>}},
      {"precipitation-tube",
       {"Precipitation in a tubular reactor: axial convection and dispersion, inlet and side "
        "feeds, the population balance in every cell; solver.type petsc distributes the cells "
        "over MPI ranks (docs/theory/tubular-reactors.md).",
        [] { return tubeSectionsOf<PrecipitationPoint>(); }, inTube<PrecipitationPoint>}},
      {"crystallization-tube",
       {"Crystallization (as in crystallization) in a tubular reactor, e.g. a dispersed "
        "plug-flow crystallizer (docs/theory/tubular-reactors.md).",
        [] { return tubeSectionsOf<CrystallizerPoint>(); }, inTube<CrystallizerPoint>}},
      {"crystallization",
       {"Crystallization of a molecular solute with a solubility c*(T[, w]) and empirical "
        "nucleation, growth and growth-rate dispersion, in a batch, semi-batch or continuous vessel "
        "(docs/theory/crystallizer-chemistry.md, feeds-and-energy.md).",
        [] { return sectionsOf<CrystallizerPoint>(true, true); },
        inStirredVessel<CrystallizerPoint>}},
      {"hydrothermal-flow",
       {"Continuous (supercritical) hydrothermal synthesis: a metal-salt stream meets preheated "
        "water in a mixer (IAPWS-95 energy balance), then precipitation in plug flow along an "
        "insulated pipe to a quench; the pipe's residence time is the run's end time "
        "(docs/theory/hydrothermal-synthesis.md).",
        [] { return hydrothermalSectionsOf(); },
        [](const Parameters& root) -> std::unique_ptr<Process> {
          return std::make_unique<HydrothermalFlow>(root, &precipitationPoint);
        }}},
      {"population-balance",
       {"A particle population under prescribed nucleation and growth rates, aggregation and "
        "breakage, in a batch or continuous (MSMPR) vessel "
        "(docs/theory/population-balance-model.md).",
        [] { return sectionsOf<PrescribedPoint>(true, false); }, inStirredVessel<PrescribedPoint>}},
  };
  return models;
}

}  // namespace proscale
