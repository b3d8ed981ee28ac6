#pragma once
// How a vessel carries its particles: size classes (SizeClasses: finite volumes + fixed pivot)
// or moments (MomentRepresentation: QMOM or the standard method of moments). A representation
// takes the processes of any point model in one form (models/points/ParticleProcesses.h) and
// returns the rates of its own unknowns, the solid volume the particles take from the fluid,
// its budget rows, its Jacobian block and the slopes of its rates in the point model's
// arguments. It knows nothing of the fluid or the vessel: adding a particle method is one class
// here and one branch in makeRepresentation.
//
// Units: number densities 1/m^3, moments m^k/m^3, volumes per suspension volume m^3/m^3,
// dilution rate D = Q/V [1/s] (0 in a batch vessel).
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "core/BorderedBandJacobian.h"
#include "core/Parameters.h"
#include "core/Results.h"
#include "core/Schema.h"
#include "core/StateLayout.h"
#include "models/pbe/PopulationSettings.h"
#include "models/points/ParticleProcesses.h"

namespace proscale {

class PointModel;

/// What a representation's Jacobian reports besides its entries in J. Vectors over the whole
/// state (only the representation's rows or columns are non-zero).
struct RepresentationSlopes {
  std::vector<std::vector<double>> dRates;  ///< [a][row]: d(dy_row/dt)/d(argument a)
  std::vector<double> dSolidVolume;         ///< [a]: d(solid volume rate)/d(argument a)
  std::vector<double> dSolidVolumeDy;       ///< [column]: d(solid volume rate)/dy_column
};

class ParticleRepresentation {
 public:
  virtual ~ParticleRepresentation() = default;

  /// Appends the representation's blocks to the layout (after the fluid's) and remembers where.
  virtual void addBlocks(StateLayout& layout) = 0;
  /// Writes the initial values of its blocks into the whole state y0.
  virtual void initialState(std::span<double> y0) const = 0;
  /// Smallest size a nucleus is born at (population.min-size) [m], and what to call the
  /// problem when the point model finds the critical nucleus smaller than half of it.
  virtual double minimumNucleusSize() const = 0;
  virtual std::string nucleusProblem() const = 0;

  /// The Jacobian's structure for a state of `size` unknowns whose first `border` are not the
  /// representation's band (dense by default).
  virtual BorderedBandShape jacobianShape(std::size_t size) const { return {size, 0, 0, 0}; }
  /// False when the Jacobian block is only a preconditioner (aggregation, breakage on classes).
  virtual bool jacobianIsExact() const { return true; }

  /// Registers the constants of the interactions it was built with (the aggregation kernel's,
  /// breakage's selection rate), each with the rebuild of what the representation made from it.
  virtual void registerParameters(ParameterRegistry& /*registry*/,
                                  const ParticleInteractions& /*with*/) {}

  /// Writes the rates of its blocks into ydot for processes p and dilution D [1/s]; returns the
  /// solid volume formed per suspension volume and time by growth and nucleation
  /// [m^3/(m^3 s)] (aggregation and breakage conserve it; what leaves by dilution is not
  /// formation).
  virtual double rates(std::span<const double> y, const ParticleProcesses& p, double dilution,
                       std::span<double> ydot) const = 0;
  /// Its rows of J (J zeroed by the caller) and the slopes (sized by the representation).
  virtual void jacobian(std::span<const double> y, const ParticleProcesses& p, double dilution,
                        BorderedBandJacobian& J, RepresentationSlopes& slopes) const = 0;

  /// True if addJacobianRemainderTimes() gives the terms an approximate jacobian() leaves out.
  virtual bool hasJacobianRemainder() const { return false; }
  /// Adds (J - J~) v of its blocks to Jv, the terms jacobian() leaves out (whole states y, v,
  /// Jv); nothing when its Jacobian is exact.
  virtual void addJacobianRemainderTimes(std::span<const double> /*y*/,
                                         std::span<const double> /*v*/,
                                         std::span<double> /*Jv*/) const {}

  /// The particles a feed's `seeds` section brings per volume of the feed, written into the
  /// representation's blocks of a whole state `fed` (zeroed by the caller) as the amounts they
  /// add per volume, fed budgets included; returns their number density [1/m^3]. InputError at
  /// the seeds' keys when they do not fit the representation (by default: none fit).
  virtual double fedParticles(const Parameters& feed, std::span<double> /*fed*/) const {
    throw feed.error("seeds", "particles in a feed need size classes (population.method: "
                              "sectional); moments cannot take them yet");
  }

  // ---- reporting ----
  /// Solid volume formed per suspension volume [m^3/m^3], incl. what left the grid (mass balance).
  virtual double solidVolume(std::span<const double> y) const = 0;
  /// Solid volume washed out per suspension volume, the integral of D times the solid volume
  /// [m^3/m^3] (an amount only at constant volume, D = Q_out/V); NaN when not tracked.
  virtual double solidVolumeWashedOut(std::span<const double> /*y*/) const {
    return std::numeric_limits<double>::quiet_NaN();
  }
  /// Number-mean diameter [m] (where the fluid reports its growth rate); the nucleus size if empty.
  virtual double meanDiameter(std::span<const double> y) const = 0;
  virtual std::vector<SeriesColumn> columns() const = 0;
  virtual std::size_t values(std::span<const double> y, std::span<double> row) const = 0;
  virtual std::vector<Metric> metrics(std::span<const double> y) const = 0;
  /// Self-checks of its part of the final state (Process::selfChecks).
  virtual std::vector<SelfCheck> selfChecks(std::span<const double> /*y*/) const { return {}; }
  /// The settings of its own the case left to the tool, and what a rerun should use
  /// (Process::settingsAdvice).
  virtual SettingsAdvice settingsAdvice(std::span<const double> /*y*/) const { return {}; }
  /// Process::refinement.
  virtual RefinementPlan refinement() const { return {}; }
  virtual bool hasSizeDistribution() const { return false; }
  virtual PsdHistory sizeClasses() const { return {}; }
  virtual std::vector<double> numberPerClass(std::span<const double> /*y*/) const { return {}; }
};

/// The `population:` section's schema (PopulationSettings) as a case section.
ParamSpec populationSection();

/// The representation `population.method` chooses, for the point model's particles and the
/// seeds the feeds bring. InputError at population keys for a method that cannot represent the
/// point's processes.
std::unique_ptr<ParticleRepresentation> makeRepresentation(const Parameters& population,
                                                           const PointModel& point,
                                                           const FedSeeds& fed = {});

}  // namespace proscale
