#pragma once
// A tubular reactor: a tube of length L and cross-section A with axial convection and
// dispersion (AxialTransport.h: Danckwerts inlet and outlet, a high-resolution scheme in z),
// fed at its inlet and, optionally, through side injections along it, and divided into N equal
// cells. Each cell holds the 0-D model of a well-mixed zone (a StirredVessel in zone mode: the
// point model, its particles and, with reactor.energy-balance, its temperature, exchanging
// heat with the jacket through its share of U A), so every point model becomes the reaction
// part of the tube without being written twice:
//
//   dy_i/dt = (cell's own rates at y_i) + transport_i(y_{i-2} .. y_{i+1})
//             + sum_{feeds into cell i} (Q_f / V_cell) y_f
//
// for every component a flow carries (CarriedComponents.h), and the washed-out budgets of cell
// i count what transport takes out of it net, so that the sum over the cells is what left the
// tube. A GridSystem (core/GridSystem.h): PETSc distributes its cells over MPI ranks.
// Theory: docs/theory/tubular-reactors.md. Reporting: TubularReactorReport.cpp.
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/GridSystem.h"
#include "core/Process.h"
#include "models/mixing/ImpingingMixer.h"
#include "models/units/AxialTransport.h"
#include "models/units/CarriedComponents.h"
#include "models/units/StirredVessel.h"
#include "models/units/VesselFlows.h"

namespace proscale {

class TubularReactor final : public Process, public GridSystem {
 public:
  /// The `tube:` section: length, diameter, cells, dispersion or peclet, scheme.
  static ParamSpec section();
  using PointFactory = std::function<std::unique_ptr<PointModel>()>;
  /// InputError for a tube without an inlet feed, feeds beyond its end, a feed temperature
  /// without an energy balance, and a grid too coarse for its Peclet number.
  TubularReactor(const Parameters& root, const PointFactory& makePoint);

  // GridSystem
  std::size_t nodeCount() const override { return m_cells; }
  const StateLayout& nodeLayout() const override { return m_cell->layout(); }
  std::size_t stencilWidth() const override { return AxialTransport::upstream; }
  void initialNode(std::size_t i, std::span<double> y0) const override;
  void nodeRates(double t, const NodeWindow& y, std::size_t first, std::size_t last,
                 std::span<double> f) override;
  BorderedBandShape nodeJacobianShape() const override { return m_cell->jacobianShape(); }
  void nodeJacobian(double t, const NodeWindow& y, std::size_t i, BorderedBandJacobian& J) override;
  bool nodeJacobianIsExact() const override { return m_cell->jacobianIsExact(); }
  void neighbourJacobian(double t, const NodeWindow& y, std::size_t i, int offset,
                         std::vector<NodeCoupling>& entries) override;
  ParameterRegistry& parameters() override { return m_cell->parameters(); }
  std::vector<double> stopTimes() const override { return m_stopTimes; }

  // Process: the product is what leaves the outlet (the last cell's contents).
  System& system() override { return *this; }
  std::vector<SeriesColumn> seriesColumns() const override;
  void series(double t, std::span<const double> y, std::span<double> row) const override;
  bool hasSizeDistribution() const override { return m_cell->hasSizeDistribution(); }
  PsdHistory sizeClasses() const override { return m_cell->sizeClasses(); }
  std::vector<double> numberPerClass(std::span<const double> y) const override {
    return m_cell->numberPerClass(cellState(y, m_cells - 1));
  }
  std::vector<Metric> metrics(double t, std::span<const double> y) const override;
  std::vector<SelfCheck> selfChecks(double t, std::span<const double> y) const override;
  SettingsAdvice settingsAdvice(double t, std::span<const double> y) const override {
    return m_cell->settingsAdvice(t, cellState(y, m_cells - 1));
  }
  RefinementPlan refinement() const override { return m_cell->refinement(); }
  AxialGrid axialGrid() const override;
  void axialProfiles(double t, std::span<const double> y, std::vector<double>& values,
                     std::vector<double>& numberDensity) const override;

  double length() const { return m_length; }                    ///< [m]
  double area() const { return m_area; }                        ///< [m^2]
  /// Volume flow through face f = 0 .. N (inlet to outlet) at t [m^3/s].
  double faceFlow(std::size_t f, double t) const;

 private:
  struct TubeFeed {
    FeedStream stream;
    bool inlet = true;             ///< at position 0: through the inlet face
    /// The cells it enters and the fraction of its flow each gets: the inlet cell, the cell at
    /// a side feed's position, or the mixer's engulfment profile.
    std::vector<std::pair<std::size_t, double>> cells;
    std::vector<double> carried;   ///< the cell-state components one m^3 of it brings
  };

  std::span<const double> cellState(std::span<const double> y, std::size_t i) const {
    return y.subspan(i * nodeLayout().size(), nodeLayout().size());
  }
  void faceFlows(double t) const;  ///< into m_faceFlow
  /// Transport's rate of component k of cell i and, with `slopes`, its slopes by the
  /// components k of cells i - 2 .. i + 1 (face flows from faceFlows).
  double transportRate(const NodeWindow& y, std::size_t i, std::size_t k, double slopes[4]) const;
  void readFeeds(const Parameters& root, const PointModel& point);
  /// With tube.mixer: the engulfed feed enters the cells at the E-model's rate.
  void addMixer(const Parameters& root);
  /// The fraction of feed f's flow that has entered the cells before face `face`.
  double enteredBefore(const TubeFeed& f, std::size_t face) const;
  void checkResolution(const Parameters& tube) const;
  /// With tube.wall-temperature: each cell's mean wall temperature (InputError without an
  /// energy balance's U A, or with its jacket temperature too).
  void readWall(const Parameters& root);
  /// The outlet's or a cell's vessel columns with its own jacket temperature and heat.
  void cellSeries(double t, std::span<const double> y, std::size_t i, std::span<double> row) const;

  std::size_t m_cells = 0;
  double m_length = 0.0, m_area = 0.0, m_dispersion = 0.0;
  std::unique_ptr<StirredVessel> m_cell;  ///< every cell's physics (the cells differ by state)
  CarriedComponents m_carried;
  std::vector<TubeFeed> m_feeds;
  std::unique_ptr<AxialTransport> m_transport;
  std::optional<ImpingingMixer> m_mixer;
  std::vector<double> m_wall;  ///< the cells' mean wall temperatures [K]; empty: the jacket's
  std::vector<double> m_stopTimes, m_y0;
  mutable std::vector<double> m_faceFlow, m_work;
  /// Transport's slopes of each carried component by cells i - 2 .. i + 1, from the last
  /// nodeJacobian (node m_slopesNode), for the neighbourJacobian calls that follow it.
  std::vector<std::array<double, 4>> m_slopes;
  std::size_t m_slopesNode = 0;
};

}  // namespace proscale
