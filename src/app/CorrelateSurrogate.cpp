#include "app/CorrelateSurrogate.h"

#include <yaml-cpp/yaml.h>

#include <iomanip>
#include <ostream>

#include "analysis/GaussianProcess.h"
#include "core/NumberFormat.h"

namespace proscale {

SurrogateCorrelation correlateSurrogate(const CorrelationData& data, const ResultTable& table,
                                        const std::vector<std::size_t>& columns, std::ostream& out) {
  const auto n = static_cast<Eigen::Index>(data.y.size());
  const auto d = static_cast<Eigen::Index>(data.inputs.size());
  Eigen::MatrixXd X(n, d);
  Eigen::VectorXd y(n);
  for (Eigen::Index k = 0; k < n; ++k) {
    for (Eigen::Index i = 0; i < d; ++i) X(k, i) = data.x[static_cast<std::size_t>(k)][static_cast<std::size_t>(i)];
    y(k) = data.y[static_cast<std::size_t>(k)];
  }
  const GaussianProcess gp = GaussianProcess::fit(X, y);
  const double mean = y.mean(), variance = (y.array() - mean).square().mean();
  const double looR2 = variance > 0.0 ? 1.0 - gp.leaveOneOutRmse() * gp.leaveOneOutRmse() / variance : 1.0;
  const Eigen::VectorXd lengths = gp.lengthScales();

  out << "proscale: Gaussian-process surrogate of " << data.response << " over " << n
      << " runs (squared-exponential kernel, one length scale per input; marginal likelihood)\n";
  out << "  " << std::left << std::setw(40) << "input" << "length scale (its unit)\n";
  for (Eigen::Index i = 0; i < d; ++i)
    out << "  " << std::setw(40) << data.inputs[static_cast<std::size_t>(i)] << formatNumber(lengths(i), 4)
        << " " << table.units[columns[static_cast<std::size_t>(i) + 1]] << "\n";
  out << "  signal sd " << formatNumber(gp.signalStandardDeviation(), 4) << ", noise sd "
      << formatNumber(gp.noiseStandardDeviation(), 3) << ", leave-one-out RMS error "
      << formatNumber(gp.leaveOneOutRmse(), 3) << " (R^2 " << formatNumber(looR2, 4) << ") "
      << table.units[columns[0]] << "\n";

  SurrogateCorrelation result;
  for (Eigen::Index k = 0; k < n; ++k)
    result.points.push_back({data.labels.empty() ? std::to_string(k + 1) : data.labels[static_cast<std::size_t>(k)],
                             y(k), gp.leaveOneOutPredictions()(k)});
  YAML::Emitter e;
  const auto number = [&](const char* key, double v) { e << YAML::Key << key << YAML::Value << formatShortest(v); };
  e << YAML::Comment("proscale correlate: Gaussian-process surrogate of " + data.response) << YAML::BeginMap;
  e << YAML::Key << "form" << YAML::Value << "gaussian-process";
  e << YAML::Key << "table" << YAML::Value << table.file.string();
  e << YAML::Key << "response" << YAML::Value << YAML::Flow << YAML::BeginMap << YAML::Key << "name"
    << YAML::Value << data.response << YAML::Key << "unit" << YAML::Value << table.units[columns[0]] << YAML::EndMap;
  e << YAML::Key << "inputs" << YAML::Value << YAML::BeginSeq;
  for (Eigen::Index i = 0; i < d; ++i) {
    e << YAML::Flow << YAML::BeginMap << YAML::Key << "name" << YAML::Value << data.inputs[static_cast<std::size_t>(i)]
      << YAML::Key << "unit" << YAML::Value << table.units[columns[static_cast<std::size_t>(i) + 1]];
    number("length-scale", lengths(i));
    e << YAML::EndMap;
  }
  e << YAML::EndSeq;
  e << YAML::Key << "kernel" << YAML::Value << "squared exponential, constant mean (the runs' mean)";
  number("signal-sd", gp.signalStandardDeviation());
  number("noise-sd", gp.noiseStandardDeviation());
  number("leave-one-out-rmse", gp.leaveOneOutRmse());
  number("leave-one-out-r-squared", looR2);
  e << YAML::Key << "runs" << YAML::Value << YAML::BeginSeq;
  for (Eigen::Index k = 0; k < n; ++k) {
    e << YAML::Flow << YAML::BeginSeq;
    for (Eigen::Index i = 0; i < d; ++i) e << formatShortest(X(k, i));
    e << formatShortest(y(k)) << YAML::EndSeq;
  }
  e << YAML::EndSeq << YAML::EndMap;
  result.yaml = std::string(e.c_str()) + "\n";
  return result;
}

}  // namespace proscale
