#include "app/CorrelateCommand.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <ostream>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "analysis/Correlation.h"
#include "app/ChartRenderer.h"
#include "app/CorrelateSurrogate.h"
#include "app/CorrelationResiduals.h"
#include "app/ResultTable.h"
#include "case/DidYouMean.h"
#include "core/Errors.h"
#include "core/Expression.h"
#include "core/NumberFormat.h"
#include "output/AtomicFile.h"
#include "output/OutputDirectory.h"

namespace proscale {
namespace {

// A problem with what the command line asked of the table, located at the option.
InputError optionError(const std::string& option, const std::string& key, const std::string& problem) {
  return InputError(SourceMark{option, 1, 1}, key, problem);
}

std::size_t columnOf(const ResultTable& t, const std::string& name, const std::string& option) {
  if (const auto c = t.column(name)) return *c;
  throw optionError(option, name, "no column '" + name + "' in " + t.file.filename().string() +
                                      didYouMean(name, t.names) + "; columns: " + joinWords(t.names));
}

// The rows' labels (the `run` column, else 1, 2, ...); refuses a table with runs that did not
// complete: a correlation over the others would hide where the process fails.
std::vector<std::string> completeRuns(const ResultTable& t, const std::string& response) {
  std::vector<std::string> labels;
  const auto run = t.column("run"), status = t.column("status");
  std::vector<std::string> failed;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    labels.push_back(run && *run < t.rows[r].size() ? t.rows[r][*run] : std::to_string(r + 1));
    if (status && *status < t.rows[r].size() && t.rows[r][*status] != "complete")
      failed.push_back(labels.back() + " " + t.rows[r][*status]);
  }
  if (!failed.empty()) {
    std::string list;
    for (std::size_t k = 0; k < failed.size() && k < 10; ++k) list += (k ? ", " : "") + failed[k];
    throw InputError(SourceMark{t.file.string(), 1, 1}, response,
                     std::to_string(failed.size()) + " of " + std::to_string(t.rows.size()) +
                         " runs are not complete (run " + list + (failed.size() > 10 ? ", ..." : "") +
                         "): correlate a table of complete runs (rerun or leave those out)");
  }
  return labels;
}


// correlation.yaml, emitted by yaml-cpp (names and paths quoted as YAML needs).
std::string yamlText(const Correlation& c, const ResultTable& t, const std::vector<std::size_t>& columns) {
  const RegressionFit& f = c.fit;
  const bool powerLaw = c.form == CorrelationForm::PowerLaw;
  YAML::Emitter y;
  y << YAML::Comment("proscale correlate: " + c.equation()) << YAML::BeginMap;
  y << YAML::Key << "form" << YAML::Value << (powerLaw ? "power-law" : "quadratic");
  y << YAML::Key << "table" << YAML::Value << t.file.string();
  const auto named = [&](const std::string& name, std::size_t column) {
    y << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << name << YAML::Key
      << "unit" << YAML::Value << t.units[column] << YAML::EndMap;
  };
  y << YAML::Key << "response" << YAML::Value;
  named(c.response, columns[0]);
  y << YAML::Key << "inputs" << YAML::Value << YAML::BeginSeq;
  for (std::size_t i = 0; i < c.inputs.size(); ++i) named(c.inputs[i], columns[i + 1]);
  y << YAML::EndSeq;
  y << YAML::Key << "equation" << YAML::Value << c.equation();
  y << YAML::Key << "latex" << YAML::Value << c.latex();
  const auto number = [&](const char* key, double v) { y << YAML::Key << key << YAML::Value << formatShortest(v); };
  y << YAML::Key << "coefficients" << YAML::Value << YAML::BeginMap;
  for (Eigen::Index k = 0; k < f.coefficients.size(); ++k) {
    y << YAML::Key << f.terms[static_cast<std::size_t>(k)] << YAML::Value << YAML::Flow << YAML::BeginMap;
    number("estimate", f.coefficients(k));
    number("standard-error", f.standardErrors(k));
    number("lower-95", f.lower(k));
    number("upper-95", f.upper(k));
    y << YAML::EndMap;
  }
  y << YAML::EndMap;
  if (powerLaw) {
    y << YAML::Key << "prefactor" << YAML::Value << YAML::Flow << YAML::BeginMap;
    number("estimate", std::exp(f.coefficients(0)));
    number("lower-95", std::exp(f.lower(0)));
    number("upper-95", std::exp(f.upper(0)));
    y << YAML::EndMap;
  }
  y << YAML::Key << "observations" << YAML::Value << f.observations;
  number("r-squared", f.rSquared);
  number("adjusted-r-squared", f.adjustedRSquared);
  y << YAML::Key << "cross-validated-error" << YAML::Value << YAML::Flow << YAML::BeginMap;
  number("value", c.crossValidatedError);
  y << YAML::Key << "folds" << YAML::Value << c.folds;
  y << YAML::Key << "of" << YAML::Value << (powerLaw ? "log response" : "response") << YAML::EndMap;
  y << YAML::EndMap;
  return std::string(y.c_str()) + "\n";
}

void report(std::ostream& out, const Correlation& c) {
  const RegressionFit& f = c.fit;
  out << "proscale: correlation of " << c.response << " over " << f.observations << " runs ("
      << (c.form == CorrelationForm::PowerLaw ? "power law, log-linear least squares"
                                              : "quadratic response surface, least squares")
      << ")\n  " << c.equation() << "\n  LaTeX: " << c.latex() << "\n";
  out << "  " << std::left << std::setw(34) << "term" << std::setw(14) << "estimate" << std::setw(14)
      << "std. error" << "95 % interval\n";
  for (Eigen::Index k = 0; k < f.coefficients.size(); ++k)
    out << "  " << std::setw(34) << f.terms[static_cast<std::size_t>(k)] << std::setw(14)
        << formatNumber(f.coefficients(k), 6) << std::setw(14) << formatNumber(f.standardErrors(k), 3)
        << "[" << formatNumber(f.lower(k), 6) << ", " << formatNumber(f.upper(k), 6) << "]\n";
  out << "  R^2 = " << formatNumber(f.rSquared, 6) << ", adjusted R^2 = "
      << formatNumber(f.adjustedRSquared, 6) << ", " << c.folds << "-fold cross-validated RMS error "
      << formatNumber(c.crossValidatedError, 3)
      << (c.form == CorrelationForm::PowerLaw ? " (of ln " + c.response + ")" : std::string()) << "\n";
}

// A column's name as expressions know it: every character that is not a letter, a digit or _
// becomes _ ("reactor.temperature" -> reactor_temperature).
std::string expressionName(const std::string& column) {
  std::string name = column;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  return name;
}

// --define NAME=EXPRESSION: a column computed row by row from others (a dimensionless group).
void addDefinedColumn(ResultTable& t, const std::string& definition) {
  const std::size_t equals = definition.find('=');
  const std::string name = definition.substr(0, std::min(equals, definition.size()));
  if (equals == std::string::npos || name.empty())
    throw optionError("--define", definition, "write NAME=EXPRESSION, e.g. Re=rho*u*d/mu");
  if (t.column(name)) throw optionError("--define", name, "the table has a column '" + name + "' already");
  const std::string text = definition.substr(equals + 1);
  const Expression e = [&] {
    try {
      return Expression::parse(text);
    } catch (const ExpressionError& x) {
      throw InputError(SourceMark{"--define", 1, static_cast<int>(name.size() + 2 + x.column())}, name,
                       x.problem());
    }
  }();
  std::vector<std::string> known;
  for (const std::string& c : t.names) known.push_back(expressionName(c));
  std::vector<std::size_t> columns;
  for (const std::string& v : e.variables()) {
    const auto at = std::find(known.begin(), known.end(), v);
    if (at == known.end())
      throw optionError("--define", name, "no column '" + v + "' in " + t.file.filename().string() +
                                              didYouMean(v, known) + " (columns are named with _ "
                                              "for every character that is not a letter or digit)");
    columns.push_back(static_cast<std::size_t>(at - known.begin()));
  }
  t.names.push_back(name);
  t.units.push_back("");
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    std::vector<double> values;
    for (std::size_t c : columns) values.push_back(t.number(r, c));
    t.rows[r].resize(t.names.size() - 1);
    t.rows[r].push_back(formatShortest(e.evaluate(values)));
  }
}

}  // namespace

int runCorrelate(const CommandLine& cl, std::ostream& out) {
  std::filesystem::path file = cl.caseFile;
  if (std::filesystem::is_directory(file)) file /= "sweep.csv";
  ResultTable table = [&] {
    try {
      return ResultTable::read(file);
    } catch (const std::runtime_error& e) {
      throw InputError(SourceMark{file.string(), 0, 0}, "", e.what());
    }
  }();
  for (const std::string& definition : cl.correlation.groups) addDefinedColumn(table, definition);
  if (cl.correlation.response.empty()) throw optionError("--response", "", "name the column to correlate");
  if (cl.correlation.inputs.empty()) throw optionError("--inputs", "", "name the columns it depends on");
  std::vector<std::size_t> columns{columnOf(table, cl.correlation.response, "--response")};
  for (const std::string& name : cl.correlation.inputs) columns.push_back(columnOf(table, name, "--inputs"));
  CorrelationData data;
  data.response = cl.correlation.response;
  data.inputs = cl.correlation.inputs;
  data.observation = "run";
  data.labels = completeRuns(table, data.response);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    data.y.push_back(table.number(r, columns[0]));
    std::vector<double> x;
    for (std::size_t i = 1; i < columns.size(); ++i) x.push_back(table.number(r, columns[i]));
    data.x.push_back(std::move(x));
  }
  const auto refused = [&](const std::invalid_argument& e) {
    std::string what = e.what();
    for (const char* prefix : {"correlation: ", "Gaussian process: "})
      if (what.rfind(prefix, 0) == 0) what = what.substr(std::string(prefix).size());
    return InputError(SourceMark{file.string(), 1, 1}, data.response, what);
  };
  std::string yaml;
  ResidualPlot plot{"", data.response, table.units[columns[0]], false, "in-sample", {}};
  if (cl.correlation.form == "gaussian-process") {
    try {
      SurrogateCorrelation s = correlateSurrogate(data, table, columns, out);
      yaml = std::move(s.yaml);
      plot.points = std::move(s.points);
    } catch (const std::invalid_argument& e) {
      throw refused(e);
    }
    plot.prediction = "leave-one-out";
    plot.title = "Gaussian-process surrogate of " + data.response + " (leave-one-out)";
  } else {
    const CorrelationForm form =
        cl.correlation.form == "quadratic" ? CorrelationForm::Quadratic : CorrelationForm::PowerLaw;
    const Correlation c = [&] {
      try {
        return correlate(data, form, cl.correlation.folds);
      } catch (const std::invalid_argument& e) {
        throw refused(e);
      }
    }();
    report(out, c);
    yaml = yamlText(c, table, columns);
    plot.logarithmic = form == CorrelationForm::PowerLaw;
    plot.title = c.equation();
    for (std::size_t k = 0; k < data.y.size(); ++k)
      plot.points.push_back({data.labels[k], data.y[k], c.predict(data.x[k])});
  }
  if (!cl.outputDir) return 0;
  OutputDirectory dir{std::filesystem::path(*cl.outputDir)};
  dir.claim(newRunId(), cl.overwrite);
  const auto write = [&dir](const std::string& name, const std::string& text) {
    writeFileAtomically(dir.fileForWriting(name), [&text](std::ostream& s) { s << text; });
  };
  write("correlation.yaml", yaml);
  write("residuals.csv", residualsCsv(plot));
  write("residuals.json", residualsSpecJson(plot, {dir.path("residuals.png"), dir.path("residuals.svg")}));
  const std::string why = renderChart(dir.path("residuals.json"), "residuals.py");
  out << "proscale: correlation in " << dir.root().string() << "/ (correlation.yaml, residuals.csv"
      << (why.empty() ? ", residuals.png, residuals.svg)\n" : ")\n");
  if (!why.empty()) {
    out << "proscale: the residual plot could not be drawn: " << why << "\n";
    return 1;
  }
  return 0;
}

}  // namespace proscale
