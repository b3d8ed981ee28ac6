#pragma once
// What `proscale correlate -o DIR` writes beside correlation.yaml to judge a fit by eye:
// residuals.csv (each run's observed and predicted response and their difference) and the
// residual plot (residuals.png, residuals.svg, drawn by python/proscale/residuals.py from
// residuals.json): predicted against observed with the line of equality, and the residuals
// against the prediction. For a power law the residuals are in ln y and the axes logarithmic;
// for a Gaussian process the predictions are leave-one-out (a surrogate reproduces its own
// points).
#include <filesystem>
#include <string>
#include <vector>

namespace proscale {

struct ResidualPoint {
  std::string run;
  double observed = 0.0, predicted = 0.0;
};

struct ResidualPlot {
  std::string title, response, unit;  ///< the response's name and SI unit
  bool logarithmic = false;           ///< residuals in ln y, log axes
  std::string prediction;             ///< "in-sample" or "leave-one-out"
  std::vector<ResidualPoint> points;
};

/// residuals.csv: run, observed, predicted, residual (ln y - ln y_hat for a power law).
std::string residualsCsv(const ResidualPlot& plot);
/// residuals.json, the renderer's spec.
std::string residualsSpecJson(const ResidualPlot& plot, const std::vector<std::filesystem::path>& outputs);

}  // namespace proscale
