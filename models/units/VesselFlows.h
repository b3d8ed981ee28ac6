#pragma once
// The streams of a well-mixed vessel and the volume they leave in it (additive volumes, one
// density): feeds, each a volume-flow recipe Q_f(t) with the point's fluid composition c_f and a
// temperature T_f, and the outflow Q_out,
//   V(t) = V0 + sum_f int_0^t Q_f dt - int_0^t Q_out dt,
//   Q_out = 0                   semi-batch (`reactor.outflow: none`, the default with feeds),
//   Q_out = sum_f Q_f           continuous at constant volume (`reactor.outflow: overflow`).
// `reactor.residence-time` tau without feeds is the classical MSMPR: one feed of the initial
// fluid composition at Q = V0/tau, overflow. The balances in concentration form,
//   d(V c)/dt = sum_f Q_f c_f - Q_out c + V r   =>   dc/dt = sum_f (Q_f/V)(c_f - c) + r,
// so the contents are diluted at D = Q_in/V (the particles too) and fed at Q_f/V. A feed may
// carry seeds, a number density n_f(L) [1/m^3] of the stream: dN_i/dt gains (Q_f/V) N_f,i.
// Theory: docs/theory/feeds-and-energy.md.
#include <span>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"
#include "models/pbe/PopulationSettings.h"
#include "models/units/Recipe.h"

namespace proscale {

class PointModel;

struct FeedStream {
  std::string name;
  Recipe flow;                 ///< Q_f(t) [m^3/s]
  std::vector<double> fluid;   ///< the point's fluid unknowns in the feed
  double temperature = 0.0;    ///< T_f [K]
  /// Seeds, per volume of the feed, as amounts of the vessel's whole state: its representation's
  /// blocks (classes, fed budgets) and the solid of its `mixture`; empty without seeds.
  std::vector<double> particles;
  double seedNumber = 0.0;       ///< seed particles per feed volume [1/m^3]
  double seedVolume = 0.0;       ///< their particle volume per feed volume [m^3/m^3]
};

/// The seeds of the case's feeds: which carry any, and those given by parameters (the
/// automatic size grid reaches them).
FedSeeds fedSeeds(const Parameters& root);

/// The feed `name` from its validated section: flow or flow recipe (InputError if both or
/// neither), temperature (default T0 [K]) and the composition the point reads.
FeedStream readFeed(const std::string& name, const Parameters& feed, const PointModel& point,
                    double T0);

class VesselFlows {
 public:
  /// The `feeds:` section: named streams with `flow` or `flow-recipe`, `temperature` and the
  /// composition keys the point model declares (`addComposition`).
  /// Where each feed enters: the vessel; the zone of a compartment network it names (`zone`);
  /// a position along a tube (`position`, the inlet by default).
  enum class Target { Vessel, NetworkZone, TubePosition };
  static ParamSpec feedsSection(void (*addComposition)(Schema&), Target target = Target::Vessel);
  /// The keys of `reactor:` about flows: outflow, max-volume (residence-time is the vessel's).
  static void addReactorKeys(Schema& reactor);

  VesselFlows() = default;  ///< a closed batch vessel
  /// From the case: `c0` the initial fluid state, `T0` [K] the initial temperature, `volume` V0
  /// [m^3]. InputError at the flow keys when a semi-batch vessel would overflow
  /// reactor.max-volume before output.end-time.
  VesselFlows(const Parameters& root, const PointModel& point, std::span<const double> c0,
              double T0, double volume);

  bool any() const { return !m_feeds.empty(); }
  bool hasOutflow() const { return m_overflow; }
  const std::vector<FeedStream>& feeds() const { return m_feeds; }

  double volume(double t) const;   ///< V [m^3]
  double inflow(double t) const;   ///< sum_f Q_f [m^3/s]
  double outflow(double t) const;  ///< Q_out [m^3/s]
  double dilution(double t) const { return inflow(t) / volume(t); }  ///< D = Q_in/V [1/s]
  /// Adds sum_f (Q_f/V) c_f to dc (the feeds' share; -D c is the caller's, with the particles').
  void addFed(double t, std::span<double> dc) const;
  /// Adds sum_f (Q_f/V) times the seeds' amounts (FeedStream::particles) to the whole ydot.
  void addFedParticles(double t, std::span<double> ydot) const;
  /// Gives feed f its seeds (and its fluid completed with their solid, PointModel::setInitialSolid).
  void setSeeds(std::size_t f, FeedStream seeded) { m_feeds[f] = std::move(seeded); }
  bool anySeeds() const;
  /// sum_f (Q_f/V)(T_f - T) [K/s].
  double heatFed(double t, double T) const;
  /// Seed volume fed by all streams up to t [m^3].
  double fedSeedVolume(double t) const;
  /// Volume fed by stream f, and by all streams, up to t [m^3].
  double fedVolume(std::size_t f, double t) const { return m_feeds[f].flow.integral(t); }
  double fedVolume(double t) const;
  /// Volume that left up to t [m^3].
  double outflowVolume(double t) const;
  /// Where a flow recipe switches, in (0, end).
  std::vector<double> stopTimes(double end) const;

 private:
  std::vector<FeedStream> m_feeds;
  bool m_overflow = false;
  double m_volume0 = 0.0;
};

}  // namespace proscale
