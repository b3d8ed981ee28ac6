// The parameter sweep's designs, its runs' checks and its table (ParameterSweep.h); its keys are
// read in ParameterSweepInput.cpp.
#include "app/ParameterSweep.h"

#include <cmath>
#include <limits>
#include <map>
#include <sstream>

#include "analysis/LatinHypercube.h"
#include "app/StudySupport.h"
#include "core/NumberFormat.h"
#include "core/Units.h"
#include "output/CsvWriter.h"

namespace proscale {
namespace {

// A process-case problem caused by an override, located at the sweep entry that made it.
InputError atSweepEntry(const ParameterSweep& sweep, const InputError& e) {
  const std::string key = parseOverride(e.keyPath() + "=").keyPath;
  const std::string problem = "in " + sweep.processCase + ": " + e.keyPath() + ": " + e.problem();
  for (const SweepVariable& v : sweep.variables)
    if (key == v.key || key.rfind(v.key + ".", 0) == 0) return InputError(v.mark, "vary." + v.key, problem);
  for (const DerivedInput& d : sweep.derived)
    if (key == d.key || key.rfind(d.key + ".", 0) == 0) return InputError(d.mark, "vary." + d.key, problem);
  return InputError(sweep.processSetMark, "process.set", problem);
}

std::vector<std::vector<Override>> runsOf(const ParameterSweep& sweep,
                                          const std::vector<ParameterSweep::Point>& points) {
  std::vector<std::vector<Override>> runs;
  for (const ParameterSweep::Point& p : points) runs.push_back(sweep.overridesFor(p));
  return runs;
}

template <class Action>
auto located(const ParameterSweep& sweep, Action&& action) {
  try {
    return action();
  } catch (const InputError& e) {
    if (e.mark().file == "--set") throw atSweepEntry(sweep, e);
    throw;
  }
}

}  // namespace

std::pair<std::string, double> SweepVariable::at(double u) const {
  const double value = logarithmic ? from * std::pow(to / from, u) : from + u * (to - from);
  const std::string text = formatShortest((value - offset) / scale) + (unit.empty() ? "" : " " + unit);
  return {text, parseQuantity(text).value};  // the SI value the run reads
}

std::vector<ParameterSweep::Point> ParameterSweep::points() const {
  std::vector<Point> out = designPoints();
  for (std::size_t r = 0; r < out.size(); ++r) addDerived(out[r], "run " + std::to_string(r + 1));
  return out;
}

ParameterSweep::Point ParameterSweep::pointAt(const std::vector<double>& u) const {
  Point p;
  for (std::size_t i = 0; i < variables.size(); ++i) {
    const auto [text, si] = variables[i].at(u[i]);
    p.texts.push_back(text);
    p.si.push_back(si);
  }
  addDerived(p, "the point");
  return p;
}

void ParameterSweep::addDerived(Point& point, const std::string& where) const {
  for (const DerivedInput& d : derived) {
    std::vector<double> values;
    std::string at;
    for (std::size_t k = 0; k < d.inputs.size(); ++k) {
      values.push_back(point.si[d.inputs[k]]);
      at += (at.empty() ? "" : ", ") + d.expression.variables()[k] + " = " + formatShortest(values.back());
    }
    const double value = d.expression.evaluate(values);
    if (!std::isfinite(value))
      throw InputError(d.mark, "vary." + d.key + ".expression",
                       "'" + d.expression.text() + "' is " + formatShortest(value) + " at " + where +
                           " (" + at + ", in SI)");
    const std::string text = formatShortest(value) + (d.unit.empty() ? "" : " " + d.unit);
    point.texts.push_back(text);
    point.si.push_back(parseQuantity(text).value);
  }
}

std::vector<ParameterSweep::Point> ParameterSweep::designPoints() const {
  std::vector<Point> out;
  const std::size_t d = variables.size();
  constexpr double own = std::numeric_limits<double>::quiet_NaN();
  switch (design) {
    case SweepDesign::Factorial: {
      std::vector<std::size_t> index(d, 0);  // the last key fastest
      while (true) {
        Point p;
        for (std::size_t i = 0; i < d; ++i) {
          p.texts.push_back(variables[i].texts[index[i]]);
          p.si.push_back(variables[i].si[index[i]]);
        }
        out.push_back(std::move(p));
        std::size_t i = d;
        while (i > 0 && ++index[i - 1] == variables[i - 1].texts.size()) index[--i] = 0;
        if (i == 0) return out;
      }
    }
    case SweepDesign::LatinHypercube: {
      for (const std::vector<double>& u : latinHypercube(samples, d, seed)) {
        Point p;
        for (std::size_t i = 0; i < d; ++i) {
          const auto [text, si] = variables[i].at(u[i]);
          p.texts.push_back(text);
          p.si.push_back(si);
        }
        out.push_back(std::move(p));
      }  // (derived keys are added by points())
      return out;
    }
    case SweepDesign::OneAtATime: {
      out.push_back({std::vector<std::string>(d), std::vector<double>(d, own)});
      for (std::size_t i = 0; i < d; ++i)
        for (std::size_t k = 0; k < variables[i].texts.size(); ++k) {
          Point p{std::vector<std::string>(d), std::vector<double>(d, own)};
          p.texts[i] = variables[i].texts[k];
          p.si[i] = variables[i].si[k];
          out.push_back(std::move(p));
        }
      return out;
    }
  }
  return out;
}

std::vector<Override> ParameterSweep::overridesFor(const Point& point) const {
  std::vector<Override> overrides = processSet;
  for (std::size_t i = 0; i < variables.size(); ++i)
    if (!point.texts[i].empty()) overrides.push_back({variables[i].key, point.texts[i]});
  for (std::size_t i = 0; i < derived.size(); ++i)
    overrides.push_back({derived[i].key, point.texts[variables.size() + i]});
  return overrides;
}

std::size_t checkParameterSweep(const ParameterSweep& sweep, double maxMemory) {
  const std::vector<ParameterSweep::Point> points = sweep.points();
  for (const std::vector<Override>& run : runsOf(sweep, points))
    located(sweep, [&] {
      checkCase(sweep.processFile, run, maxMemory);
      return 0;
    });
  if (sweep.chart)
    checkChartMetrics(*sweep.chart, reportedMetrics(sweep.processFile, sweep.overridesFor(points.front()), maxMemory));
  return points.size();
}

std::vector<Metric> checkRangeCorners(const ParameterSweep& space, double maxMemory) {
  const std::vector<double> middle(space.variables.size(), 0.5);
  return located(space, [&] {
    for (const double corner : {0.0, 1.0})
      checkCase(space.processFile, space.overridesFor(space.pointAt(std::vector<double>(middle.size(), corner))),
                maxMemory);
    return reportedMetrics(space.processFile, space.overridesFor(space.pointAt(middle)), maxMemory);
  });
}

std::string parameterSweepCsv(const ParameterSweep& sweep,
                              const std::vector<ParameterSweep::Point>& points,
                              const std::map<std::size_t, SweepRunRecord>& records) {
  // Every metric any run reported, in the order of first appearance, with its unit.
  std::vector<std::pair<std::string, std::string>> metrics;
  std::map<std::string, std::size_t> column;
  for (const auto& [run, record] : records)
    for (const Metric& m : record.metrics)
      if (column.emplace(m.name, metrics.size()).second) metrics.emplace_back(m.name, m.unit);
  std::ostringstream out;
  out << "run";
  for (const SweepVariable& v : sweep.variables)
    out << ',' << csvField(v.choice ? v.key : v.key + " [" + v.siUnit + "]");
  for (const DerivedInput& d : sweep.derived) out << ',' << csvField(d.key + " [" + d.siUnit + "]");
  out << ",status";
  for (const auto& [name, unit] : metrics) out << ',' << csvField(name + " [" + (unit.empty() ? "-" : unit) + "]");
  out << ",problem\n";
  for (std::size_t r = 0; r < points.size(); ++r) {
    out << r + 1;
    for (std::size_t i = 0; i < points[r].si.size(); ++i) {
      const double v = points[r].si[i];
      const bool word = i < sweep.variables.size() && sweep.variables[i].choice;
      out << ',' << (word                      ? csvField(points[r].texts[i])
                     : std::isnan(v)           ? std::string()
                                               : formatShortest(v));
    }
    const auto record = records.find(r + 1);
    std::vector<std::string> values(metrics.size());
    if (record == records.end()) {
      out << ",not-run";
    } else {
      out << ',' << runStatusName(record->second.status);
      for (const Metric& m : record->second.metrics) values[column.at(m.name)] = formatShortest(m.value);
    }
    for (const std::string& v : values) out << ',' << v;
    out << ',' << (record == records.end() ? "" : csvField(record->second.problem)) << '\n';
  }
  return out.str();
}

}  // namespace proscale
