#pragma once
// `proscale correlate --form gaussian-process`: a smooth surrogate instead of an equation
// (analysis/GaussianProcess.h), where no power law or quadratic surface fits the map. Printed
// with its length scales (how far each input must move to change the response: the
// relevance of each input), its signal and noise standard deviations and its leave-one-out
// error and R^2; written as YAML with the hyperparameters and the runs it interpolates, which
// determine its prediction (docs/reference/outputs.md, "Correlation").
#include <iosfwd>
#include <string>
#include <vector>

#include "analysis/Correlation.h"
#include "app/CorrelationResiduals.h"
#include "app/ResultTable.h"

namespace proscale {

struct SurrogateCorrelation {
  std::string yaml;                  ///< correlation.yaml's text
  std::vector<ResidualPoint> points;  ///< leave-one-out predictions
};

/// Fits, prints the report to `out` and returns the YAML and the residuals. std::invalid_argument
/// as GaussianProcess::fit.
SurrogateCorrelation correlateSurrogate(const CorrelationData& data, const ResultTable& table,
                                        const std::vector<std::size_t>& columns, std::ostream& out);

}  // namespace proscale
