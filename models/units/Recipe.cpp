#include "models/units/Recipe.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/NumberFormat.h"

namespace proscale {
namespace {

constexpr double kOpen = std::numeric_limits<double>::infinity();

std::string timeText(double t) { return formatNumber(t) + " s"; }

// The profile's value at the fraction x of the segment elapsed.
double shapeValue(const Recipe::Segment& s, double x) {
  switch (s.shape) {
    case Recipe::Shape::Hold: return s.start;
    case Recipe::Shape::Linear: return s.start + (s.end - s.start) * x;
    case Recipe::Shape::Cubic: return s.start + (s.end - s.start) * x * x * x;
  }
  return s.start;
}

// Integral of the profile from `from` to from + x (to - from).
double shapeIntegral(const Recipe::Segment& s, double x) {
  const double width = s.to - s.from;
  switch (s.shape) {
    case Recipe::Shape::Hold: return s.start * x * width;
    case Recipe::Shape::Linear: return (s.start * x + 0.5 * (s.end - s.start) * x * x) * width;
    case Recipe::Shape::Cubic: return (s.start * x + 0.25 * (s.end - s.start) * x * x * x * x) * width;
  }
  return 0.0;
}

}  // namespace

ParamSpec Recipe::spec(const std::string& key, Dimension d, const std::string& unit,
                       double lowest, bool strict, const std::string& doc) {
  auto bounded = [&](ParamSpec p) { return strict ? p.above(lowest) : p.atLeast(lowest); };
  auto s = std::make_shared<Schema>(
      "segment", "One segment of a recipe: a hold (`value`) or a profile from `start` to `end`.");
  s->add(ParamSpec::real("from", dim::time, "Start of the segment (the first one starts at 0).")
             .unit("min")
             .isRequired()
             .atLeast(0));
  s->add(ParamSpec::real("to", dim::time,
                         "End of the segment; may be left out on the last one (then open).")
             .unit("min")
             .above(0));
  s->add(bounded(ParamSpec::real("value", d, "Held value (instead of start and end).").unit(unit)));
  s->add(bounded(ParamSpec::real("start", d, "Value at `from` of a profile.").unit(unit)));
  s->add(bounded(ParamSpec::real("end", d, "Value at `to` of a profile.").unit(unit)));
  s->add(ParamSpec::choice("profile", {"linear", "cubic"},
                           "Shape between start and end: linear, or cubic q0 + (q1 - q0) x^3 "
                           "(Mullin & Nyvlt's controlled cooling), x the fraction of the "
                           "segment elapsed.")
             .defaultsTo("linear"));
  return ParamSpec::sectionList(key, s, doc);
}

Recipe::Recipe(double value) : m_segments{{0.0, kOpen, value, value, Shape::Hold}} {}

Recipe::Recipe(const Parameters& owner, const std::string& key) {
  const Parameters::List& list = owner.list(key);
  if (list.empty()) throw owner.error(key, "a recipe needs at least one segment");
  if (list.size() > kMaxSegments)
    throw owner.error(key, std::to_string(list.size()) + " segments, more than the " +
                               std::to_string(kMaxSegments) +
                               " a recipe may have (the integrator restarts at each): describe "
                               "a smooth change with `linear` or `cubic` profiles");
  for (std::size_t i = 0; i < list.size(); ++i) {
    const Parameters& p = list[i];
    Segment s;
    s.from = p.real("from");
    s.to = p.has("to") ? p.real("to") : kOpen;
    if (!p.has("to") && i + 1 < list.size())
      throw p.error("from", "segment " + std::to_string(i + 1) + " has no `to`, but segment " +
                                std::to_string(i + 2) +
                                " follows it: give its end (only the last segment may leave "
                                "out `to`)");
    if (s.to <= s.from)
      throw p.error("to", "the segment ends at " + timeText(s.to) + ", not after its start " +
                              timeText(s.from));
    const bool hold = p.has("value"), profile = p.has("start") || p.has("end");
    if (hold && profile)
      throw p.error(p.has("start") ? "start" : "end",
                    "a segment is a hold (`value`) or a profile (`start` and `end`), not both");
    if (!hold && !profile)
      throw p.error("value", "the segment gives no value: add `value` (a hold) or `start` and "
                             "`end` (a profile)");
    if (profile && !(p.has("start") && p.has("end")))
      throw p.error(p.has("start") ? "start" : "end",
                    std::string("a profile needs both `start` and `end`; `") +
                        (p.has("start") ? "end" : "start") + "` is missing");
    if (profile && s.to == kOpen)
      throw p.error("end", "a profile needs `to`: when is `end` reached?");
    if (hold) {
      s.start = s.end = p.real("value");
    } else {
      s.start = p.real("start");
      s.end = p.real("end");
      s.shape = p.string("profile") == "cubic" ? Shape::Cubic : Shape::Linear;
    }
    if (i == 0 && s.from != 0.0)
      throw p.error("from", "the first segment starts at " + timeText(s.from) +
                                ", not at 0: say what holds before it");
    if (i > 0) {
      const double previous = m_segments.back().to;
      if (s.from < previous)
        throw p.error("from", "the segment starts at " + timeText(s.from) + ", before segment " +
                                  std::to_string(i) + " ends at " + timeText(previous) +
                                  ": segments may not overlap");
      if (s.from > previous)
        throw p.error("from", "the segment starts at " + timeText(s.from) + ", after segment " +
                                  std::to_string(i) + " ends at " + timeText(previous) +
                                  ": the recipe leaves a gap; add a segment for it");
    }
    m_segments.push_back(s);
  }
}

const Recipe::Segment& Recipe::at(double t) const {
  for (const Segment& s : m_segments)
    if (t < s.to) return s;
  return m_segments.back();
}

double Recipe::value(double t) const {
  const Segment& s = at(t);
  if (t >= s.to) return s.end;  // after the last segment
  if (s.shape == Shape::Hold) return s.start;
  return shapeValue(s, std::max(0.0, (t - s.from) / (s.to - s.from)));
}

double Recipe::integral(double t) const {
  double sum = 0.0;
  for (const Segment& s : m_segments) {
    if (t <= s.from) break;
    if (s.to == kOpen) return sum + s.start * (t - s.from);
    const double x = std::min(1.0, (t - s.from) / (s.to - s.from));
    sum += shapeIntegral(s, x);
  }
  if (t > m_segments.back().to) sum += m_segments.back().end * (t - m_segments.back().to);
  return sum;
}

// Every profile is monotone within its segment, so the extremes are at segment ends.
template <class Pick>
double Recipe::extreme(double t, Pick pick) const {
  double m = value(0.0);
  for (const Segment& s : m_segments) {
    if (s.from > t) break;
    m = pick(pick(m, s.start), t >= s.to ? s.end : value(t));
  }
  return pick(m, value(t));
}

double Recipe::maximum(double t) const {
  return extreme(t, [](double a, double b) { return std::max(a, b); });
}

double Recipe::minimum(double t) const {
  return extreme(t, [](double a, double b) { return std::min(a, b); });
}

void Recipe::sortUnique(std::vector<double>& times) {
  std::sort(times.begin(), times.end());
  times.erase(std::unique(times.begin(), times.end()), times.end());
}

std::vector<double> Recipe::switchTimes(double tEnd) const {
  std::vector<double> times;
  for (const Segment& s : m_segments)
    if (s.to < tEnd && s.to > 0.0) times.push_back(s.to);
  return times;
}

Recipe Recipe::scaled(double factor) const {
  Recipe r = *this;
  for (Segment& s : r.m_segments) {
    s.start *= factor;
    s.end *= factor;
  }
  return r;
}

}  // namespace proscale
