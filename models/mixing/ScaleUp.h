#pragma once
// Scale-up of a stirred tank to geometrically similar larger tanks (docs/theory/
// stirred-tanks.md, "Scale-up"). With D2/D1 = (V2/V1)^(1/3) the speed follows from the rule:
//
//   constant P/V            N2 = N1 (D2/D1)^(-2/3)   (P/V = N_P rho N^3 D^5 / V ~ N^3 D^2)
//   constant tip speed      N2 = N1 (D2/D1)^(-1)     (u_tip = pi N D)
//   constant Reynolds       N2 = N1 (D2/D1)^(-2)     (Re = rho N D^2 / mu)
//   constant mixing time    N2 = N1                  (turbulent theta_95 ~ 1/N at fixed ratios)
//
// and each scale gets a record of what the rule does to the hydrodynamics, the mixing times at
// three scales, the heat removal and the feed time. The tables are returned as text; the
// models write no files.
#include <string>
#include <vector>

#include "models/mixing/MixingTimes.h"
#include "models/mixing/StirredTank.h"

namespace proscale {

enum class ScaleUpRule { PowerPerVolume, TipSpeed, Reynolds, MixingTime };

const std::vector<ScaleUpRule>& scaleUpRules();
std::string scaleUpRuleName(ScaleUpRule rule);  ///< "constant P/V", ...
/// The exponent a of N ~ D^a: -2/3, -1, -2, 0.
double speedExponent(ScaleUpRule rule);
/// N2 = N1 (D2/D1)^a.
double scaledSpeed(ScaleUpRule rule, double speed1, double impeller1, double impeller2);

/// What is fed and what is released, per unit liquid volume so that it scales with the tank.
struct ScaleUpDuty {
  double feedVolumeFraction = 0.0;    ///< V_B / V of the fed (B) solution [-]
  double feedTime = 0.0;              ///< the recipe's feed time, kept at every scale [s]
  double heatReleasePerVolume = 0.0;  ///< q_V, reaction heat released per liquid volume [W/m^3]
  double temperatureDifference = 0.0;  ///< Delta T_max, bulk minus coolant, for U A Delta T_max [K]
};

/// One tank at one scale under one rule. Heat-transfer entries are NaN without a jacket.
struct ScaleRecord {
  ScaleUpRule rule = ScaleUpRule::PowerPerVolume;
  double volume = 0.0;             ///< V [m^3]
  double vesselDiameter = 0.0;     ///< T [m]
  double impellerDiameter = 0.0;   ///< D [m]
  Hydrodynamics flow;              ///< N, Re, P, P/V, u_tip, eps, Q, t_circ
  double feedDissipation = 0.0;    ///< eps_feed [W/kg]
  BlendTime blend;                 ///< theta_95 [s]
  double mesomixingTime = 0.0;     ///< tau_S at Q_B = V_B / t_feed [s]
  double micromixingTime = 0.0;    ///< t_E at the feed [s]
  double feedTime = 0.0;           ///< the recipe's feed time [s]
  double minimumFeedTime = 0.0;    ///< feed time for tau_S <= t_E [s]
  double UA = 0.0;                 ///< [W/K]
  double heatRemovalCapacity = 0.0;  ///< U A Delta T_max [W]
  double heatRelease = 0.0;        ///< q_V V [W]
  double capacityRatio = 0.0;      ///< U A Delta T_max / (q_V V) [-]
};

/// The record of `tank` under `rule` (the rule only labels it).
ScaleRecord scaleRecord(const StirredTank& tank, ScaleUpRule rule, const ScaleUpDuty& duty);

/// `lab` scaled to each of `volumes` [m^3] (geometrically similar, the first one need not be
/// the lab's own) with the speed of `rule`; the lab tank's own record first.
std::vector<ScaleRecord> scaleUp(const StirredTank& lab, const std::vector<double>& volumes,
                                 ScaleUpRule rule, const ScaleUpDuty& duty);

/// One column of the tables: its CSV header (SI unit in brackets), Markdown header and value.
struct ScaleRecordColumn {
  const char* csv;
  const char* markdown;
  double (*value)(const ScaleRecord&);
  double markdownScale = 1.0;  ///< Markdown value = SI value x scale
};
const std::vector<ScaleRecordColumn>& scaleRecordColumns();

/// Flags of a record, space-separated: outside the turbulent N_P range (`Re<1e4`), the
/// transitional blend-time form (N_P^(1/3) Re < 6370, `theta95-transitional`), a recipe feed
/// time shorter than the mesomixing minimum (`t_feed<t_feed,min`), a jacket that cannot remove
/// the heat released (`Q_max<Q_rel`).
std::string scaleRecordFlags(const ScaleRecord& r);

/// The records as CSV (SI units in the header, shortest round-trip numbers, the flags quoted) and as a Markdown
/// table (4 significant digits, N in rpm); the last column flags Re < 1e4, a transitional
/// blend time, a feed faster than t_feed,min and a jacket short of the heat release.
std::string scaleUpCsv(const std::vector<ScaleRecord>& records);
std::string scaleUpMarkdown(const std::vector<ScaleRecord>& records);

}  // namespace proscale
