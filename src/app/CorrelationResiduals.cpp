#include "app/CorrelationResiduals.h"

#include <cmath>
#include <sstream>

#include "app/ChartRenderer.h"
#include "core/NumberFormat.h"
#include "output/CsvWriter.h"
#include "output/JsonWriter.h"

namespace proscale {
namespace {

double residual(const ResidualPlot& plot, const ResidualPoint& p) {
  return plot.logarithmic ? std::log(p.observed) - std::log(p.predicted) : p.observed - p.predicted;
}

}  // namespace

std::string residualsCsv(const ResidualPlot& plot) {
  const std::string unit = " [" + (plot.unit.empty() ? std::string("-") : plot.unit) + "]";
  std::ostringstream out;
  out << "run," << csvField("observed " + plot.response + unit) << ','
      << csvField(plot.prediction + " prediction" + unit) << ','
      << (plot.logarithmic ? "residual ln(observed/predicted) [-]" : csvField("residual" + unit)) << '\n';
  for (const ResidualPoint& p : plot.points)
    out << csvField(p.run) << ',' << formatShortest(p.observed) << ',' << formatShortest(p.predicted) << ','
        << formatShortest(residual(plot, p)) << '\n';
  return out.str();
}

std::string residualsSpecJson(const ResidualPlot& plot, const std::vector<std::filesystem::path>& outputs) {
  std::ostringstream text;
  JsonWriter json(text);
  json.beginObject();
  json.member("title", plot.title);
  json.member("response", plot.response);
  json.member("unit", plot.unit == "-" ? "" : plot.unit);
  json.member("log", plot.logarithmic);
  json.member("prediction", plot.prediction);
  for (const char* key : {"runs", "observed", "predicted", "residual"}) {
    json.key(key).beginArray();
    for (const ResidualPoint& p : plot.points) {
      const std::string k = key;
      if (k == "runs") json.value(p.run);
      else if (k == "observed") json.value(p.observed);
      else if (k == "predicted") json.value(p.predicted);
      else json.value(residual(plot, p));
    }
    json.endArray();
  }
  endRendererSpec(json, outputs);
  return text.str();
}

}  // namespace proscale
