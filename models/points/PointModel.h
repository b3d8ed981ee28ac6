#pragma once
// A point model: the physics at one material point, apart from the vessel that holds it
// (models/units/) and from how its particles are represented (models/representations/).
// It owns the fluid unknowns it carries (a solution's species; none for prescribed rates), the
// particle processes they drive, how the particles' formation feeds back on the fluid, the
// parameters a study may vary, and the columns and metrics that describe the fluid. A batch
// vessel holds one; a tubular reactor will hold one per grid node.
//
// Units: concentrations mol/m^3, solid volume per suspension volume m^3/m^3, T in K.
#include <limits>
#include <span>
#include <string>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "core/ParameterRegistry.h"
#include "core/Parameters.h"
#include "core/Results.h"
#include "core/StateLayout.h"
#include "models/pbe/FiniteVolumeDiffusion.h"
#include "models/points/ParticleProcesses.h"
#include "models/points/TemperatureRange.h"

namespace proscale {

/// The local conditions a vessel imposes on a point.
struct PointConditions {
  double temperature = 298.15;  ///< K
};

class PointModel {
 public:
  virtual ~PointModel() = default;

  // ---- fluid unknowns (first in the state: the border of the Jacobian) ----
  virtual std::size_t fluidSize() const { return 0; }
  virtual void addFluidBlocks(StateLayout& /*layout*/) const {}
  /// The fluid before any particles are added: the initial state and, in a continuous
  /// vessel, the feed's composition.
  virtual void initialFluid(std::span<double> /*c0*/) const {}
  /// A point that carries the solid volume fraction among its fluid unknowns (CrystallizerPoint)
  /// sets it in c0 from the particles' initial solid volume [m^3/m^3] (the seeds).
  virtual void setInitialSolid(double /*solidVolume*/, std::span<double> /*c0*/) const {}

  // ---- particles ----
  /// Shape, aggregation, breakage (constant); the representation is built from them.
  virtual const ParticleInteractions& interactions() const = 0;
  /// True if G depends on L (the standard method of moments does not close then).
  virtual bool sizeDependentGrowth() const = 0;
  /// True if the processes carry a size-space diffusion (molecular fluctuations of growth):
  /// it conserves the number of particles but moves their higher moments.
  virtual bool growthFluctuates() const { return false; }
  /// The form of that diffusion on size classes: Zeldovich-Frenkel (molecular fluctuations) or
  /// Fickian (growth-rate dispersion, D_g d^2n/dL^2).
  virtual DiffusionForm sizeDiffusionForm() const { return DiffusionForm::ZeldovichFrenkel; }
  /// True if growth has a critical size at all (Gibbs-Thomson solubility): particles below it
  /// dissolve, through L = 0 unless the supersaturation rises again (Ostwald ripening).
  virtual bool growthHasCriticalSize() const { return false; }
  /// The processes at fluid state c; with `slopes` also d(argument)/dc into `slopes`.
  virtual ParticleProcesses processes(std::span<const double> c, const PointConditions& at,
                                      ArgumentSlopes* slopes = nullptr) const = 0;
  /// Critical nucleus diameter L* at the initial fluid state [m]; NaN without a critical
  /// nucleus (prescribed rates, no nucleation) or when the initial state is not supersaturated.
  virtual double initialCriticalDiameter() const { return std::numeric_limits<double>::quiet_NaN(); }
  /// Where a size grid left to the tool starts [m]: the lower edge of the near-critical region
  /// at the initial fluid state (NucleationLaw::lowerEdgeDiameter); NaN as above.
  virtual double initialGridBottom() const { return initialCriticalDiameter(); }
  /// InputError at population.min-size when nuclei born at `nucleusSize` cannot represent the
  /// critical nucleus; `problem` starts the message.
  virtual void checkNucleusSize(double /*nucleusSize*/, const Parameters& /*population*/,
                                const std::string& /*problem*/) const {}

  // ---- fluid equations ----
  /// dc/dt at temperature T [K] when the particles take `solidVolumeRate` [m^3 solid/(m^3 s)]
  /// out of the fluid.
  virtual void fluidRates(std::span<const double> /*c*/, double /*T*/, double /*solidVolumeRate*/,
                          std::span<double> /*dc*/) const {}
  /// d(dc_j/dt)/d(solidVolumeRate) [mol/m^3 of j per m^3 of solid]: the fluid rows of the
  /// Jacobian are this times the solid-volume row, so conserved moieties stay exact.
  virtual void solidCoupling(std::span<double> /*perSolidVolume*/) const {}
  /// Adds d(dc/dt)/dc at fixed solid-volume rate (reactions) to the border block D of J.
  virtual void addFluidJacobian(std::span<const double> /*c*/, double /*T*/,
                                BorderedBandJacobian& /*J*/) const {}

  /// The temperature ranges of the point's correlations: a vessel whose temperature changes
  /// (recipe, energy balance) checks the temperatures it may reach against them. Empty: any.
  virtual std::vector<TemperatureRange> temperatureRanges() const { return {}; }

  // ---- streams and heat ----
  /// The fluid unknowns of a feed stream from its `feeds.<name>` section, whose composition
  /// keys the point class declares with its static addFeedKeys(Schema&); c arrives zeroed.
  virtual void feedFluid(const Parameters& /*feed*/, std::span<double> /*c*/) const {}
  /// Heat released by the point's reactions per suspension volume at c [W/m^3]; adds its
  /// slopes d/dc_j to dq[j] unless dq is empty.
  virtual double reactionHeat(std::span<const double> /*c*/, double /*T*/,
                              std::span<double> /*dq*/ = {}) const {
    return 0.0;
  }
  /// The conserved moieties w of (fluid unknowns, solid volume [m^3/m^3]): w^T (c, solid) is
  /// unchanged by the point's reactions and particle formation; one vector per moiety.
  virtual std::vector<std::vector<double>> conservedMoieties() const { return {}; }
  /// Heat released per volume of solid formed, -Delta H_c / V_m [J/m^3 of solid].
  virtual double heatPerSolidVolume() const { return 0.0; }

  // ---- parameters ----
  virtual void registerParameters(ParameterRegistry& /*registry*/) {}

  // ---- reporting ----
  /// Columns after `time`: temperature, concentrations, supersaturation, rates ... and their
  /// values at fluid state c, with the growth rate evaluated at diameter L.
  virtual std::vector<SeriesColumn> fluidColumns() const { return {}; }
  virtual std::size_t fluidValues(std::span<const double> /*c*/, const PointConditions& /*at*/,
                                  double /*L*/, std::span<double> /*row*/) const {
    return 0;
  }
  /// Columns after the particles': the product and its conservation check, given the solid
  /// volume formed now and initially [m^3/m^3].
  virtual std::vector<SeriesColumn> productColumns() const { return {}; }
  virtual std::size_t productValues(std::span<const double> /*c*/, double /*solidVolume*/,
                                    std::span<const double> /*c0*/, double /*solidVolume0*/,
                                    std::span<double> /*row*/) const {
    return 0;
  }
  /// Self-checks of the fluid's final state c at `at` (validity ranges of its models).
  virtual std::vector<SelfCheck> selfChecks(std::span<const double> /*c*/,
                                            const PointConditions& /*at*/) const {
    return {};
  }
  /// True when the particles form from a fluid they deplete, so that a closed vessel tends to an
  /// end state (saturation, or ripening's slow coarsening); false for prescribed rates.
  virtual bool depletes() const { return false; }
  /// Summary metrics of the fluid and the product; `vesselVolume` [m^3] scales product mass.
  virtual std::vector<Metric> metrics(std::span<const double> /*c*/, const PointConditions& /*at*/,
                                      double /*solidVolume*/, std::span<const double> /*c0*/,
                                      double /*solidVolume0*/, double /*vesselVolume*/) const {
    return {};
  }

 protected:
  /// InputError at reactor.temperature when T [K] lies outside one of temperatureRanges(): a
  /// point's constructor calls it, so that a case outside its correlations is refused rather
  /// than extrapolated.
  void checkTemperature(const Parameters& root, double T) const {
    requireWithin(temperatureRanges(), T, root.section("reactor"), "temperature");
  }
};

}  // namespace proscale
