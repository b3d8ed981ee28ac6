#pragma once
// A parameter sweep (`model: parameter-sweep`, docs/theory/studies.md "Sweeps"): one process
// case run over a design of values of some of its keys -- a full factorial grid, a seeded Latin
// hypercube, or one key at a time about the case's own values -- each run in memory
// (app/SweepExecution.h: on threads and MPI ranks, journaled and resumable), a failed run
// recorded with its reason while the others go on, and one table with the inputs (SI), the
// status and every summary metric.
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/CaseEvaluation.h"
#include "app/SweepChart.h"
#include "app/SweepJournal.h"
#include "core/Errors.h"
#include "core/Expression.h"
#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

inline constexpr const char* kParameterSweepModel = "parameter-sweep";

/// The sweep file's keys.
SchemaPtr parameterSweepSchema();
/// The keys every study over a process case has: model, name, description, process (case,
/// set) and vary (ranges, lists, derived keys); the study adds its own.
std::shared_ptr<Schema> studyOverProcessSchema(const char* model, const std::string& doc, const char* name,
                                               const std::string& varyDoc);

/// One varied key: its values as override texts (in the file's unit) and in SI.
struct SweepVariable {
  std::string key;              ///< process case key path, dotted
  SourceMark mark;              ///< the `vary` entry
  std::vector<std::string> texts;
  std::vector<double> si;
  std::string siUnit;           ///< "K", "1/m^3", or "-" for plain numbers
  std::string name;             ///< what derived keys' expressions call it ("" none)
  bool range = false;           ///< from/to (a Latin hypercube can sample it)
  double from = 0.0, to = 0.0;  ///< SI, with a range
  bool logarithmic = false;
  double scale = 1.0, offset = 0.0;  ///< SI = scale x + offset for x in the file's unit
  std::string unit;                  ///< the file's unit ("degC"), empty for plain numbers
  bool choice = false;  ///< values that are words (a model, a method): texts only, si NaN

  /// A range's value at the fraction u (in log for log spacing): the override text in the
  /// file's unit, and the SI value the run reads from it.
  std::pair<std::string, double> at(double u) const;
};

/// A key computed from the varied ones (`vary.KEY.expression`): e.g. a flow from a residence
/// time. The expression's names are the `name`s of varied keys, standing for their SI values;
/// its value is read in `unit`.
struct DerivedInput {
  std::string key;
  SourceMark mark;
  Expression expression;
  std::vector<std::size_t> inputs;  ///< the variable of each of expression.variables()
  std::string unit;                 ///< of the expression's value, as given ("" plain number)
  std::string siUnit;               ///< "m^3/s", "-"
};

enum class SweepDesign { Factorial, LatinHypercube, OneAtATime };

struct ParameterSweep {
  std::string name, file;
  std::string processCase, processFile;
  std::vector<Override> processSet;
  SourceMark processSetMark;
  std::vector<SweepVariable> variables;  ///< the design's keys
  std::vector<DerivedInput> derived;     ///< keys computed from them, after them in a Point
  SweepDesign design = SweepDesign::Factorial;
  std::size_t samples = 0;
  std::uint64_t seed = 0;
  unsigned threads = 1;
  std::string sampler = "a Latin hypercube";  ///< what samples the ranges, for messages
  std::optional<double> caseTimeLimit;  ///< s of wall time per run (case-time-limit)
  bool keepCaseOutputs = false;         ///< keep-case-outputs
  std::optional<ChartRequest> chart;    ///< chart: drawn from the table at the end

  /// From the validated file; InputError at the offending key (empty, inverted or unreadable
  /// ranges, a key varied twice or also in process.set, a design that does not fit the values).
  static ParameterSweep fromParameters(const Parameters& p, const std::string& file);

  /// One run of the design: each variable's value, then each derived key's, as override text
  /// and in SI (one-at-a-time leaves the others at the case's own: empty text, NaN).
  struct Point {
    std::vector<std::string> texts;  ///< per variable and derived key; empty: the case's own
    std::vector<double> si;          ///< the same; NaN: the case's own (or a word)
  };
  /// The design's runs. InputError at a derived key whose expression is not finite at a run.
  std::vector<Point> points() const;
  /// The point at the fractions u (each in [0, 1]) of the variables' ranges (in log for log
  /// spacing), derived keys included. InputError at a derived key that is not finite there.
  Point pointAt(const std::vector<double>& u) const;
  /// Reads `process` and `vary` (the keys, their names and the derived keys) for `design`.
  void readInputs(const Parameters& p);
  std::vector<Override> overridesFor(const Point& point) const;

 private:
  std::vector<Point> designPoints() const;  ///< the variables' values only
  void addDerived(Point& point, const std::string& where) const;
};

/// Checks every run the sweep implies (an override's problem located at its `vary` entry or
/// process.set) and the chart's metrics: bad input throws before anything runs. Returns the
/// number of runs.
std::size_t checkParameterSweep(const ParameterSweep& sweep, double maxMemory);

/// For the studies that search the ranges (inverse design, sensitivity): the case at every
/// range's low end, middle and high end loads and builds (an override's problem located at its
/// `vary` entry, as checkParameterSweep does). Returns the metrics the case reports.
std::vector<Metric> checkRangeCorners(const ParameterSweep& space, double maxMemory);

/// sweep.csv: run, each key [SI unit] (a key with words as values: the word), status, every
/// metric [unit], problem. A run without a record (an interrupted sweep) has status "not-run".
std::string parameterSweepCsv(const ParameterSweep& sweep,
                              const std::vector<ParameterSweep::Point>& points,
                              const std::map<std::size_t, SweepRunRecord>& records);

}  // namespace proscale
