#pragma once
// A compartment network: ideal, well-mixed zones of constant volume connected by one-way flows
// and two-way exchange flows (recycle allowed), fed by named feeds into chosen zones and left by
// the outflow of one outlet zone, integrated as one System with one Jacobian. Each zone is a
// StirredVessel (its own point model and particles, the same chemistry everywhere) in zone mode.
// With constant zone volumes each zone's outflow equals its inflow, so in concentration form
//   dy_z/dt = (zone's own rates, diluted at D_z = Q_in,z / V_z)
//             + sum_{s -> z} (Q_sz / V_z) y_s + sum_{f -> z} (Q_f / V_z) c_f
// for every transported component (fluid, mixture, particles and what grew past the grid);
// particles brought in are taken off the zone's washed-out budget, which so counts the net
// outflow. References: compartment models of stirred tanks, e.g. Bezzo, Macchietto & Pantelides,
// Comput. Chem. Eng. 27 (2003) 1243; Kougoulos, Jones & Wood-Kaczmar, Org. Process Res. Dev. 9
// (2005) 451. Theory: docs/theory/compartment-networks.md. Equations here and in
// CompartmentNetwork.cpp, the Jacobian and its products in CompartmentNetworkJacobian.cpp,
// what it reports in CompartmentNetworkReport.cpp.
//
// State order: the border parts of all zones (zone after zone), then their size classes
// interleaved class by class (class i of every zone together), so that the exchange between
// zones stays inside the band: the Jacobian is an exact arrow (core/BorderedBandJacobian.h)
// with band widths Z times a zone's plus Z - 1.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/CompressedRows.h"
#include "core/Process.h"
#include "core/System.h"
#include "models/units/CarriedComponents.h"
#include "models/units/StirredTankTemplate.h"
#include "models/units/StirredVessel.h"
#include "models/units/StreamBalance.h"
#include "models/units/VesselFlows.h"

namespace proscale {

class CompartmentNetwork final : public Process, public System {
 public:
  /// The `network:` section: zones, flows, exchange, outlet.
  static ParamSpec section();
  using PointFactory = std::function<std::unique_ptr<PointModel>()>;
  /// InputError for streams that name unknown zones, negative flows, zones whose flows do not
  /// balance, an outlet that is not a zone, and feeds into unknown zones.
  CompartmentNetwork(const Parameters& root, const PointFactory& makePoint);

  // System
  const StateLayout& layout() const override { return m_layout; }
  void initialState(std::span<double> y0) const override;
  void rhs(double t, std::span<const double> y, std::span<double> ydot) override;
  BorderedBandShape jacobianShape() const override { return m_shape; }
  bool hasJacobian() const override { return true; }
  bool jacobianIsExact() const override { return m_zones.front().vessel->jacobianIsExact(); }
  void jacobian(double t, std::span<const double> y, std::span<const double> f,
                JacobianSink& J) override;
  bool hasJacobianRemainder() const override {
    return m_zones.front().vessel->hasJacobianRemainder();
  }
  /// Zone by zone: flows between zones are inside the band, only the zones' own remainders
  /// (aggregation, breakage) are not.
  void addJacobianRemainderTimes(double t, std::span<const double> y, std::span<const double> v,
                                 std::span<double> Jv) override;
  /// J v zone by zone (each zone's own arrow, kept compressed, and remainder) plus the flows:
  /// the network-wide border blocks, mostly zeros, are never filled.
  bool hasOwnJacobianProducts() const override { return true; }
  bool prepareJacobianProducts(double t, std::span<const double> y) override;
  void jacobianTimes(std::span<const double> v, std::span<double> Jv) override;
  /// The zones' parameters: setting one sets it in every zone.
  ParameterRegistry& parameters() override { return m_parameters; }
  std::vector<double> stopTimes() const override { return m_stopTimes; }

  // Process: the product is what leaves the outlet zone; every zone's columns, metrics and
  // checks are reported under its name ("bulk.number_density").
  System& system() override { return *this; }
  std::vector<SeriesColumn> seriesColumns() const override;
  void series(double t, std::span<const double> y, std::span<double> row) const override;
  bool hasSizeDistribution() const override { return outlet().hasSizeDistribution(); }
  PsdHistory sizeClasses() const override { return outlet().sizeClasses(); }
  std::vector<double> numberPerClass(std::span<const double> y) const override;
  std::vector<Metric> metrics(double t, std::span<const double> y) const override;
  std::vector<SelfCheck> selfChecks(double t, std::span<const double> y) const override;
  SettingsAdvice settingsAdvice(double t, std::span<const double> y) const override;
  RefinementPlan refinement() const override { return outlet().refinement(); }

  /// Residence-time distribution of the network for a tracer pulse into the feeds (in
  /// proportion to their flows at t = 0): E(t) [1/s], mean [s] and variance [s^2], exact from
  /// the linear tracer balances (moments by solves with their matrix, E by its exponential).
  double residenceTimeDensity(double t) const;
  double residenceTimeMean() const { return m_rtdMean; }
  double residenceTimeVariance() const { return m_rtdVariance; }

 private:
  struct Zone {
    std::string name;
    double volume = 0.0;
    std::unique_ptr<StirredVessel> vessel;
    std::optional<double> dissipation;  ///< eps [W/kg], from the stirred-tank template
    mutable std::vector<double> y, ydot;  ///< zone-local state and rates (work)
    // Jacobian-vector products: the zone's Jacobian and state at the prepared iterate, and
    // the zone's parts of v and J v (work).
    CompressedRows rows;
    std::vector<double> productY, v, Jv;
  };
  struct Link {
    std::size_t from = 0, to = 0;
    double flow = 0.0;                   ///< constant part [m^3/s]
    std::optional<std::size_t> follows;  ///< a feed whose flow it adds, in time
  };
  struct ZoneFeed {
    FeedStream stream;
    std::size_t zone = 0;
  };

  const StirredVessel& outlet() const { return *m_zones[m_outlet].vessel; }
  std::size_t global(std::size_t zone, std::size_t local) const {
    return local < m_zoneBorder ? zone * m_zoneBorder + local
                                : m_bandStart + (local - m_zoneBorder) * m_zones.size() + zone;
  }
  /// Volume flow out of the network [m^3/s]: what the feeds bring (overflow), or none.
  double outflow(double t) const;
  /// The rates of the `outflow` block: what leaves the outlet zone's overflow, per volume of
  /// that zone (the fluid unknowns, then the solid volume); from the states, or J v from v
  /// (the rates are linear in the state).
  void outflowRates(double t, std::span<const double> y, std::span<double> ydot) const;
  /// Amounts over the network's streams up to t (StreamBalance.h).
  StreamAmounts streamAmounts(double t, std::span<const double> y) const;
  void gather(std::size_t z, std::span<const double> y) const;
  /// Adds the flows' terms (linear in the state) of the zone-local vectors `from` to `into`:
  /// into f's rates from the states, or into J v from v.
  void addFlowTerms(double t, std::vector<double> Zone::*from, std::vector<double> Zone::*into);
  double dilution(std::size_t z, double t) const;
  /// network.zones, or the zones and flows of network.stirred-tank (exactly one of them).
  void readZones(const Parameters& root, const Parameters& network);
  /// The index of zone `name`; InputError at `at.key` if there is none.
  std::size_t zoneIndex(const Parameters& at, const std::string& key, const std::string& name) const;
  void addFeedZones(const Parameters& root);
  void readLinks(const Parameters& root, const Parameters& network);
  double flow(const Link& l, double t) const;       ///< [m^3/s]
  double volume(std::size_t z, double t) const;     ///< V_z(t) [m^3]
  void checkVolumeBalance(const Parameters& network) const;
  void buildLayout();
  void buildResidenceTime();
  void shareParameters();

  std::vector<Zone> m_zones;
  std::vector<Link> m_links;
  std::optional<StirredTankTemplate> m_tank;  ///< network.stirred-tank, when given
  std::vector<Link> m_feedZoneLinks;  ///< engulfment into, and passing on through, feed zones
  std::vector<ZoneFeed> m_feeds;
  std::size_t m_outlet = 0;
  bool m_overflow = true;  ///< false: semi-batch, the outlet zone collects what is fed
  std::size_t m_zoneBorder = 0, m_zoneBand = 0;  ///< each zone's (all zones alike)
  // The network's own border block `outflow` (after the zones' borders; continuous networks
  // only) and where the size classes start.
  std::size_t m_outflowIndex = 0, m_outflowSize = 0, m_bandStart = 0;
  CarriedComponents m_carried;  ///< what flows carry of a zone's state
  StateLayout m_layout;
  BorderedBandShape m_shape;
  std::vector<double> m_y0, m_stopTimes;
  std::unique_ptr<BorderedBandJacobian> m_zoneJacobian;  ///< work
  std::vector<double> m_zoneV, m_zoneJv;                  ///< work of the remainder
  double m_productTime = 0.0;  ///< t of the last prepareJacobianProducts
  ParameterRegistry m_parameters;
  double m_rtdMean = 0.0, m_rtdVariance = 0.0;
  std::vector<double> m_tracerMatrix, m_tracerStart;  ///< A (Z x Z, row-major), C(0)
};

}  // namespace proscale
