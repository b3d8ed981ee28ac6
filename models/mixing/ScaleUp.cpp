#include "models/mixing/ScaleUp.h"

#include <cmath>
#include <limits>
#include <sstream>

#include "core/NumberFormat.h"
#include "models/mixing/JacketHeatTransfer.h"
#include "models/mixing/MixingTimes.h"

namespace proscale {

const std::vector<ScaleUpRule>& scaleUpRules() {
  static const std::vector<ScaleUpRule> rules{ScaleUpRule::PowerPerVolume, ScaleUpRule::TipSpeed,
                                              ScaleUpRule::Reynolds, ScaleUpRule::MixingTime};
  return rules;
}

std::string scaleUpRuleName(ScaleUpRule rule) {
  switch (rule) {
    case ScaleUpRule::PowerPerVolume: return "constant P/V";
    case ScaleUpRule::TipSpeed: return "constant tip speed";
    case ScaleUpRule::Reynolds: return "constant Re";
    case ScaleUpRule::MixingTime: return "constant mixing time";
  }
  return "";
}

double speedExponent(ScaleUpRule rule) {
  switch (rule) {
    case ScaleUpRule::PowerPerVolume: return -2.0 / 3.0;
    case ScaleUpRule::TipSpeed: return -1.0;
    case ScaleUpRule::Reynolds: return -2.0;
    case ScaleUpRule::MixingTime: return 0.0;
  }
  return 0.0;
}

double scaledSpeed(ScaleUpRule rule, double speed1, double impeller1, double impeller2) {
  return speed1 * std::pow(impeller2 / impeller1, speedExponent(rule));
}

ScaleRecord scaleRecord(const StirredTank& tank, ScaleUpRule rule, const ScaleUpDuty& duty) {
  const TankGeometry& g = tank.geometry();
  const double nu = tank.liquid().kinematicViscosity();
  ScaleRecord r;
  r.rule = rule;
  r.volume = g.volume();
  r.vesselDiameter = g.T();
  r.impellerDiameter = g.D();
  r.flow = tank.hydrodynamics();
  r.feedDissipation = tank.dissipation().feed;
  r.blend = blendTime(tank.impeller().powerNumber, r.flow.reynolds, r.flow.speed,
                      1.0 / g.impellerToVessel, g.heightToDiameter);
  const double u = tank.feedVelocity(), feedVolume = duty.feedVolumeFraction * r.volume;
  r.mesomixingTime = inertialConvectiveTime(feedVolume / duty.feedTime, u, r.feedDissipation);
  r.micromixingTime = engulfmentTime(r.feedDissipation, nu);
  r.minimumFeedTime = minimumFeedTime(feedVolume, u, r.feedDissipation, nu);
  r.feedTime = duty.feedTime;
  r.heatRelease = duty.heatReleasePerVolume * r.volume;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  r.UA = r.heatRemovalCapacity = r.capacityRatio = nan;
  if (tank.jacket()) {
    const JacketHeatTransfer j = jacketHeatTransfer(tank);
    r.UA = j.UA;
    r.heatRemovalCapacity = j.UA * duty.temperatureDifference;
    r.capacityRatio = r.heatRelease > 0.0 ? r.heatRemovalCapacity / r.heatRelease
                                          : std::numeric_limits<double>::infinity();
  }
  return r;
}

std::vector<ScaleRecord> scaleUp(const StirredTank& lab, const std::vector<double>& volumes,
                                 ScaleUpRule rule, const ScaleUpDuty& duty) {
  std::vector<ScaleRecord> records;
  const double D1 = lab.geometry().D(), N1 = lab.speed();
  for (double V : volumes) {
    const TankGeometry g = lab.geometry().withVolume(V);
    records.push_back(
        scaleRecord(lab.withGeometry(g).withSpeed(scaledSpeed(rule, N1, D1, g.D())), rule, duty));
  }
  return records;
}

const std::vector<ScaleRecordColumn>& scaleRecordColumns() {
  static const std::vector<ScaleRecordColumn> c{
      {"volume [m^3]", "V [m^3]", [](const ScaleRecord& r) { return r.volume; }},
      {"vessel_diameter [m]", "T [m]", [](const ScaleRecord& r) { return r.vesselDiameter; }},
      {"impeller_diameter [m]", "D [m]", [](const ScaleRecord& r) { return r.impellerDiameter; }},
      {"speed [1/s]", "N [rpm]", [](const ScaleRecord& r) { return r.flow.speed; }, 60.0},
      {"power [W]", "P [W]", [](const ScaleRecord& r) { return r.flow.power; }},
      {"power_per_volume [W/m^3]", "P/V [W/m^3]",
       [](const ScaleRecord& r) { return r.flow.powerPerVolume; }},
      {"tip_speed [m/s]", "u_tip [m/s]", [](const ScaleRecord& r) { return r.flow.tipSpeed; }},
      {"reynolds [-]", "Re", [](const ScaleRecord& r) { return r.flow.reynolds; }},
      {"mean_dissipation [W/kg]", "eps [W/kg]",
       [](const ScaleRecord& r) { return r.flow.meanDissipation; }},
      {"feed_dissipation [W/kg]", "eps_feed [W/kg]",
       [](const ScaleRecord& r) { return r.feedDissipation; }},
      {"blend_time_95 [s]", "theta_95 [s]", [](const ScaleRecord& r) { return r.blend.seconds; }},
      {"circulation_time [s]", "t_circ [s]",
       [](const ScaleRecord& r) { return r.flow.circulationTime; }},
      {"mesomixing_time [s]", "tau_S [s]", [](const ScaleRecord& r) { return r.mesomixingTime; }},
      {"micromixing_time [s]", "t_E [s]", [](const ScaleRecord& r) { return r.micromixingTime; }},
      {"minimum_feed_time [s]", "t_feed,min [s]",
       [](const ScaleRecord& r) { return r.minimumFeedTime; }},
      {"UA [W/K]", "UA [W/K]", [](const ScaleRecord& r) { return r.UA; }},
      {"heat_removal_capacity [W]", "Q_max [W]",
       [](const ScaleRecord& r) { return r.heatRemovalCapacity; }},
      {"heat_release [W]", "Q_rel [W]", [](const ScaleRecord& r) { return r.heatRelease; }},
      {"capacity_ratio [-]", "Q_max/Q_rel", [](const ScaleRecord& r) { return r.capacityRatio; }},
  };
  return c;
}

std::string scaleRecordFlags(const ScaleRecord& r) {
  const double feedTime = r.feedTime;
  std::string f;
  const auto add = [&f](const char* flag) {
    if (!f.empty()) f += ' ';
    f += flag;
  };
  if (!r.flow.turbulent) add("Re<1e4");
  if (!r.blend.turbulent) add("theta95-transitional");
  if (feedTime < r.minimumFeedTime) add("t_feed<t_feed,min");
  if (r.capacityRatio < 1.0) add("Q_max<Q_rel");
  return f;
}

std::string scaleUpCsv(const std::vector<ScaleRecord>& records) {
  std::ostringstream out;
  out << "rule";
  for (const ScaleRecordColumn& c : scaleRecordColumns()) out << ',' << c.csv;
  out << ",flags\n";
  for (const ScaleRecord& r : records) {
    out << scaleUpRuleName(r.rule);
    for (const ScaleRecordColumn& c : scaleRecordColumns()) out << ',' << formatShortest(c.value(r));
    out << ",\"" << scaleRecordFlags(r) << "\"\n";  // quoted: a flag holds a comma
  }
  return out.str();
}

std::string scaleUpMarkdown(const std::vector<ScaleRecord>& records) {
  std::ostringstream out;
  out << "| rule |";
  for (const ScaleRecordColumn& c : scaleRecordColumns()) out << ' ' << c.markdown << " |";
  out << " flags |\n|---|";
  for (std::size_t i = 0; i < scaleRecordColumns().size(); ++i) out << "---:|";
  out << "---|\n";
  for (const ScaleRecord& r : records) {
    out << "| " << scaleUpRuleName(r.rule) << " |";
    for (const ScaleRecordColumn& c : scaleRecordColumns()) out << ' ' << formatNumber(c.value(r) * c.markdownScale, 4) << " |";
    out << ' ' << scaleRecordFlags(r) << " |\n";
  }
  return out.str();
}

}  // namespace proscale
