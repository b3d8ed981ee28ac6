// `check`, `run` and `outputs` of a global sensitivity study (`model: global-sensitivity`):
// the study's keys validated and its ranges' corners loaded (bad input exits 2 before anything
// runs), the runs and the analysis (SensitivityStudy.h), then sensitivity.csv, runs.csv,
// summary.json and the ranked table on the terminal (docs/reference/outputs.md,
// "Global sensitivity").
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "app/ChartRenderer.h"
#include "app/Interrupts.h"
#include "app/RunCommand.h"
#include "app/SensitivityStudy.h"
#include "app/StudyCommand.h"
#include "app/StudySupport.h"
#include "core/NumberFormat.h"
#include "output/CsvWriter.h"
#include "output/JsonWriter.h"

namespace proscale {
namespace {

const char* const kSensitivityOutputs =
    "# Outputs of a global sensitivity study\n\n"
    "| file | what |\n|---|---|\n"
    "| `sensitivity.csv` | one row per metric and key: Sobol S1 and ST with their 95 % "
    "intervals, or Morris mu*, mu and sigma; the key's rank for that metric (1: the most "
    "influential, by ST or mu*) |\n"
    "| `runs.csv` | the full runs made: each key in SI, the status and the metrics analysed |\n"
    "| `summary.json` | status, method, whether on a surrogate (and its leave-one-out R^2 per "
    "metric), the number of runs and evaluations |\n\n"
    "docs/reference/outputs.md, \"Global sensitivity\", describes every column.\n";

bool sobol(const SensitivityStudy& s) { return s.method == SensitivityMethod::Sobol; }

// The keys of one metric by importance: total index, or mu*.
std::vector<std::size_t> ranked(const SensitivityStudy& s, const MetricSensitivity& m) {
  const std::vector<double>& measure = sobol(s) ? m.sobol.total : m.morris.muStar;
  std::vector<std::size_t> order(measure.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return measure[a] > measure[b]; });
  return order;
}

std::string sensitivityCsv(const SensitivityStudy& s, const SensitivityOutcome& o) {
  std::ostringstream out;
  out << "metric,key,rank,"
      << (sobol(s) ? "S1,S1_low,S1_high,ST,ST_low,ST_high" : "mu_star,mu,sigma") << "\n";
  for (const MetricSensitivity& m : o.metrics) {
    const std::vector<std::size_t> order = ranked(s, m);
    for (std::size_t i = 0; i < s.space.variables.size(); ++i) {
      const std::size_t rank = static_cast<std::size_t>(std::find(order.begin(), order.end(), i) - order.begin()) + 1;
      out << csvField(m.metric) << ',' << csvField(s.space.variables[i].key) << ',' << rank;
      if (sobol(s))
        for (double v : {m.sobol.first[i], m.sobol.firstLow[i], m.sobol.firstHigh[i], m.sobol.total[i],
                         m.sobol.totalLow[i], m.sobol.totalHigh[i]})
          out << ',' << formatShortest(v);
      else
        for (double v : {m.morris.muStar[i], m.morris.mu[i], m.morris.sigma[i]}) out << ',' << formatShortest(v);
      out << '\n';
    }
  }
  return out.str();
}

std::string runsCsv(const SensitivityStudy& s, const SensitivityOutcome& o) {
  std::ostringstream out;
  out << "run";
  for (const SweepVariable& v : s.space.variables) out << ',' << csvField(v.key + " [" + v.siUnit + "]");
  out << ",status";
  for (const std::string& m : s.metrics) out << ',' << csvField(m);
  out << ",problem\n";
  for (std::size_t r = 0; r < o.runs.size(); ++r) {
    out << r + 1;
    for (std::size_t i = 0; i < s.space.variables.size(); ++i) {
      std::string value;
      for (const Override& ov : o.runs[r].overrides)
        if (ov.keyPath == s.space.variables[i].key) value = ov.valueText;
      out << ',' << csvField(value);
    }
    out << ',' << runStatusName(o.runs[r].status());
    for (const std::string& m : s.metrics) {
      const auto v = o.runs[r].metric(m);
      out << ',' << (v ? formatShortest(*v) : "");
    }
    out << ',' << csvField(o.runs[r].problem()) << '\n';
  }
  return out.str();
}

std::string summaryJson(const SensitivityStudy& s, const SensitivityOutcome& o, const std::string& runId,
                        double seconds) {
  std::ostringstream text;
  JsonWriter json(text);
  beginStudySummary(json, o.status, s.file, s.name, kSensitivityModel, runId, s.space.processFile);
  json.member("method", sobol(s) ? "sobol" : "morris");
  json.member("on", s.onSurrogate ? "surrogate" : "model");
  json.member("runs", o.runs.size());
  json.member("samples", s.samples);
  if (!o.problem.empty()) json.member("problem", o.problem);
  json.key("metrics").beginArray();
  for (const MetricSensitivity& m : o.metrics) {
    json.beginObject();
    json.member("metric", m.metric);
    if (s.onSurrogate) json.member("surrogate_loo_r2", m.surrogateLooR2);
    json.member("evaluations", sobol(s) ? m.sobol.evaluations : m.morris.evaluations);
    json.endObject();
  }
  json.endArray();
  json.member("run_wall_time_s", seconds);
  json.endObject();
  json.finish();
  return text.str();
}

void printRanked(std::ostream& out, const SensitivityStudy& s, const SensitivityOutcome& o) {
  for (const MetricSensitivity& m : o.metrics) {
    out << "  " << m.metric;
    if (s.onSurrogate) out << " (surrogate: leave-one-out R^2 " << formatNumber(m.surrogateLooR2, 4) << ")";
    out << "\n    " << std::left << std::setw(40) << "key"
        << (sobol(s) ? "S1 [95 % interval]              ST [95 % interval]" : "mu*           mu            sigma")
        << "\n";
    for (std::size_t i : ranked(s, m)) {
      out << "    " << std::setw(40) << s.space.variables[i].key;
      if (sobol(s))
        out << std::setw(33)
            << (formatNumber(m.sobol.first[i], 3) + " [" + formatNumber(m.sobol.firstLow[i], 3) + ", " +
                formatNumber(m.sobol.firstHigh[i], 3) + "]")
            << formatNumber(m.sobol.total[i], 3) << " [" << formatNumber(m.sobol.totalLow[i], 3) << ", "
            << formatNumber(m.sobol.totalHigh[i], 3) << "]";
      else
        out << std::setw(14) << formatNumber(m.morris.muStar[i], 4) << std::setw(14)
            << formatNumber(m.morris.mu[i], 4) << formatNumber(m.morris.sigma[i], 4);
      out << "\n";
    }
  }
}

// sensitivity.json: the bars renderer's spec, one panel per metric, keys by rank.
std::string barsJson(const SensitivityStudy& s, const SensitivityOutcome& o,
                     const std::vector<std::filesystem::path>& outputs) {
  std::ostringstream text;
  JsonWriter json(text);
  json.beginObject();
  json.member("title", s.name + ": " + (sobol(s) ? "Sobol indices" : "Morris elementary effects") + " on the " +
                           (s.onSurrogate ? "surrogate" : "model"));
  json.key("panels").beginArray();
  for (const MetricSensitivity& m : o.metrics) {
    const std::vector<std::size_t> order = ranked(s, m);
    json.beginObject();
    json.member("metric", m.metric);
    json.member("note", s.onSurrogate ? "surrogate LOO R² " + formatNumber(m.surrogateLooR2, 3) : std::string());
    json.key("keys").beginArray();
    for (std::size_t i : order) json.value(s.space.variables[i].key);
    json.endArray();
    const auto bar = [&](const char* name, const std::vector<double>& v, const std::vector<double>* low,
                         const std::vector<double>* high) {
      json.beginObject();
      json.member("name", name);
      for (const auto& [key, values] : {std::pair{"values", &v}, std::pair{"low", low}, std::pair{"high", high}}) {
        json.key(key);
        if (values == nullptr) {
          json.null();
          continue;
        }
        json.beginArray();
        for (std::size_t i : order) json.value((*values)[i]);
        json.endArray();
      }
      json.endObject();
    };
    json.key("bars").beginArray();
    if (sobol(s)) {
      bar("first order S1", m.sobol.first, &m.sobol.firstLow, &m.sobol.firstHigh);
      bar("total ST", m.sobol.total, &m.sobol.totalLow, &m.sobol.totalHigh);
    } else {
      bar("mu* (SI)", m.morris.muStar, nullptr, nullptr);
      bar("sigma (SI)", m.morris.sigma, nullptr, nullptr);
    }
    json.endArray();
    json.endObject();
  }
  json.endArray();
  endRendererSpec(json, outputs);
  return text.str();
}

}  // namespace

int runSensitivity(const CommandLine& cl, const CaseDocument& document, std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  const SensitivityStudy study =
      SensitivityStudy::fromParameters(document.validate(*sensitivityStudySchema()), cl.caseFile);
  if (cl.verb == "outputs") {
    out << kSensitivityOutputs;
    return kSuccess;
  }
  EvaluationOptions options = studyOptions(cl, study.threads);
  checkSensitivityStudy(study, options.maxMemory);
  if (cl.verb == "check") {
    out << cl.caseFile << ": OK (" << kSensitivityModel << ", " << study.space.variables.size()
        << " keys, " << study.metrics.size() << " metrics)\n";
    return kSuccess;
  }
  OutputDirectory dir = claimStudyDirectory(cl);
  const InterruptHandlers interrupts;
  options.stop = runStopCheck(cl, start);
  const SensitivityOutcome outcome = runSensitivityStudy(study, options);
  writeStudyFile(dir, "runs.csv", runsCsv(study, outcome));
  if (!outcome.metrics.empty()) writeStudyFile(dir, "sensitivity.csv", sensitivityCsv(study, outcome));
  std::string chartProblem;
  if (!outcome.metrics.empty()) {
    writeStudyFile(dir, "sensitivity.json",
                   barsJson(study, outcome, {dir.path("sensitivity.png"), dir.path("sensitivity.svg")}));
    chartProblem = renderChart(dir.path("sensitivity.json"), "bars.py");
  }
  writeStudyFile(dir, "summary.json", summaryJson(study, outcome, dir.runId(), secondsSince(start)));
  if (!chartProblem.empty())
    out << "proscale: the bar chart could not be drawn: " << chartProblem << "\n";
  if (!cl.quiet || outcome.status != RunStatus::Complete) {
    out << "proscale: " << study.name << " (" << kSensitivityModel << ", "
        << (sobol(study) ? "Sobol" : "Morris") << " on the " << (study.onSurrogate ? "surrogate" : "model")
        << ") done in " << formatNumber(secondsSince(start), 3) << " s (" << outcome.runs.size()
        << " full runs)\n";
    printRanked(out, study, outcome);
    if (!outcome.problem.empty()) out << "proscale: " << runStatusName(outcome.status) << ": " << outcome.problem << "\n";
    out << "proscale: results (status " << runStatusName(outcome.status) << ") in " << dir.root().string()
        << "/ (sensitivity.csv, sensitivity.png, sensitivity.svg, runs.csv, summary.json)\n";
  }
  if (!chartProblem.empty() && outcome.status == RunStatus::Complete) return kInternalError;
  return studyExitCode(outcome.status);
}

}  // namespace proscale
