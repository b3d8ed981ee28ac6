#include "app/ScaleQuantities.h"

#include "core/NumberFormat.h"

namespace proscale {
namespace {
// V_B = (V_B/V) V, the volume fed over the recipe's feed time.
double feedVolume(const ScaleRecord& r, const ScaleUpDuty& d) {
  return d.feedVolumeFraction * r.volume;
}
}  // namespace

const std::vector<ScaleQuantity>& scaleQuantities() {
  using R = const ScaleRecord&;
  using D = const ScaleUpDuty&;
  static const std::vector<ScaleQuantity> q{
      {"volume", "m^3", "liquid volume V of the tank at this scale (after the feed)",
       [](R r, D) { return r.volume; }},
      {"initial-volume", "m^3", "liquid before the feed, V - V_B = V (1 - feed-volume-fraction)",
       [](R r, D d) { return r.volume - feedVolume(r, d); }},
      {"feed-volume", "m^3", "volume fed, V_B = feed-volume-fraction V",
       [](R r, D d) { return feedVolume(r, d); }},
      {"feed-flow", "m^3/s", "feed flow Q_B = V_B / feed-time",
       [](R r, D d) { return feedVolume(r, d) / d.feedTime; }},
      {"feed-time", "s", "the duty's feed time (the same at every scale)",
       [](R, D d) { return d.feedTime; }},
      {"vessel-diameter", "m", "vessel diameter T", [](R r, D) { return r.vesselDiameter; }},
      {"impeller-diameter", "m", "impeller diameter D", [](R r, D) { return r.impellerDiameter; }},
      {"speed", "1/s", "impeller speed N under the rule", [](R r, D) { return r.flow.speed; }},
      {"power", "W", "impeller power P", [](R r, D) { return r.flow.power; }},
      {"power-per-volume", "W/m^3", "P / V", [](R r, D) { return r.flow.powerPerVolume; }},
      {"tip-speed", "m/s", "pi N D", [](R r, D) { return r.flow.tipSpeed; }},
      {"reynolds", "", "impeller Reynolds number", [](R r, D) { return r.flow.reynolds; }},
      {"mean-dissipation", "W/kg", "mean dissipation P / (rho V)",
       [](R r, D) { return r.flow.meanDissipation; }},
      {"feed-dissipation", "W/kg", "dissipation at the feed point, phi_feed x mean",
       [](R r, D) { return r.feedDissipation; }},
      {"blend-time", "s", "blend time theta_95", [](R r, D) { return r.blend.seconds; }},
      {"circulation-time", "s", "V / (N_Q N D^3)", [](R r, D) { return r.flow.circulationTime; }},
      {"mesomixing-time", "s", "tau_S at the duty's feed flow",
       [](R r, D) { return r.mesomixingTime; }},
      {"micromixing-time", "s", "engulfment time t_E at the feed point",
       [](R r, D) { return r.micromixingTime; }},
      {"minimum-feed-time", "s", "feed time for tau_S <= t_E",
       [](R r, D) { return r.minimumFeedTime; }},
      {"ua", "W/K", "jacket U A (needs tank.jacket)", [](R r, D) { return r.UA; }},
  };
  return q;
}

std::vector<std::string> scaleQuantityNames() {
  std::vector<std::string> names;
  for (const ScaleQuantity& q : scaleQuantities()) names.emplace_back(q.name);
  return names;
}

const ScaleQuantity* findScaleQuantity(const std::string& name) {
  for (const ScaleQuantity& q : scaleQuantities())
    if (name == q.name) return &q;
  return nullptr;
}

std::string scaleQuantityText(const ScaleQuantity& quantity, double factor,
                              const ScaleRecord& record, const ScaleUpDuty& duty) {
  const std::string number = formatShortest(factor * quantity.value(record, duty));
  return *quantity.unit == '\0' ? number : number + " " + quantity.unit;
}

}  // namespace proscale
