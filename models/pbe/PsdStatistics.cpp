#include "models/pbe/PsdStatistics.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

namespace proscale {

double quantile(const SizeGrid& grid, std::span<const double> weights, double q) {
  double total = 0.0;
  for (double w : weights) total += std::max(w, 0.0);
  if (total <= 0.0) return 0.0;
  const auto& faces = grid.faces();
  const double target = q * total;
  double cumulative = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double w = std::max(weights[i], 0.0);
    if (w > 0.0 && cumulative + w >= target) {
      const double fraction = (target - cumulative) / w;
      return faces[i] + fraction * (faces[i + 1] - faces[i]);
    }
    cumulative += w;
  }
  return faces.back();
}

PsdStatistics psdStatistics(const SizeGrid& grid, std::span<const double> N) {
  PsdStatistics s;
  const auto& L = grid.pivots();
  std::vector<double> volume(N.size());
  for (std::size_t i = 0; i < N.size(); ++i) {
    const double Ni = std::max(N[i], 0.0);
    double Lk = 1.0;
    for (double& mu : s.moments) {
      mu += Lk * Ni;
      Lk *= L[i];
    }
    volume[i] = grid.volumes()[i] * Ni;
    s.solidVolumeFraction += volume[i];
  }
  const auto& mu = s.moments;
  s.numberDensity = mu[0];
  if (mu[0] <= 0.0) return s;
  s.meanDiameter = mu[1] / mu[0];
  s.sauterDiameter = mu[2] > 0.0 ? mu[3] / mu[2] : 0.0;
  const double variance = std::max(mu[2] / mu[0] - s.meanDiameter * s.meanDiameter, 0.0);
  s.cv = std::sqrt(variance) / s.meanDiameter;
  s.d10Number = quantile(grid, N, 0.1);
  s.d50Number = quantile(grid, N, 0.5);
  s.d90Number = quantile(grid, N, 0.9);
  s.d10Volume = quantile(grid, volume, 0.1);
  s.d50Volume = quantile(grid, volume, 0.5);
  s.d90Volume = quantile(grid, volume, 0.9);
  return s;
}

namespace {
const char* const kMomentUnits[5] = {"1/m^3", "m/m^3", "m^2/m^3", "m^3/m^3", "m^4/m^3"};
const char* const kSizes[][2] = {{"mean_diameter", "number mean diameter mu1/mu0"},
                                 {"sauter_diameter", "Sauter diameter mu3/mu2"},
                                 {"d10_number", "10 % quantile of the number distribution"},
                                 {"d50_number", "median of the number distribution"},
                                 {"d90_number", "90 % quantile of the number distribution"},
                                 {"d10_volume", "10 % quantile of the volume distribution"},
                                 {"d50_volume", "median of the volume distribution"},
                                 {"d90_volume", "90 % quantile of the volume distribution"}};
constexpr const char* kCvDoc = "coefficient of variation of the number distribution";

std::array<double, 8> sizes(const PsdStatistics& s) {
  return {s.meanDiameter, s.sauterDiameter, s.d10Number, s.d50Number,
          s.d90Number,    s.d10Volume,      s.d50Volume, s.d90Volume};
}
}  // namespace

std::vector<SeriesColumn> psdStatisticsColumns() {
  std::vector<SeriesColumn> cols;
  for (int k = 0; k < 5; ++k)
    cols.push_back({"mu" + std::to_string(k), kMomentUnits[k],
                    "moment of the grid PSD, sum L_i^k max(N_i, 0)"});
  cols.push_back({"number_density", "1/m^3",
                  "particles per volume of suspension, sum max(N_i, 0) (undershoots below zero "
                  "are left out; the negative_classes self-check bounds them)"});
  for (const auto& size : kSizes) cols.push_back({size[0], "m", size[1]});
  cols.push_back({"cv", "-", kCvDoc});
  return cols;
}

std::size_t psdStatisticsValues(const PsdStatistics& s, std::span<double> row) {
  std::size_t k = 0;
  for (double mu : s.moments) row[k++] = mu;
  row[k++] = s.numberDensity;
  for (double v : sizes(s)) row[k++] = v;
  row[k++] = s.cv;
  return k;
}

std::vector<Metric> psdStatisticsMetrics(const PsdStatistics& s) {
  std::vector<Metric> m{{"number_density", s.numberDensity, "1/m^3",
                         "particles per volume of suspension, sum max(N_i, 0) (undershoots below "
                         "zero are left out; the negative_classes self-check bounds them)"}};
  const auto v = sizes(s);
  for (std::size_t i = 0; i < v.size(); ++i) m.push_back({kSizes[i][0], v[i], "m", kSizes[i][1]});
  m.push_back({"cv", s.cv, "-", kCvDoc});
  // The width engineers specify (e.g. "span <= 1.2"; ISO 13320 reports it for laser
  // diffraction): (d90 - d10) / d50 of the volume distribution.
  m.push_back({"span_volume", s.d50Volume > 0.0 ? (s.d90Volume - s.d10Volume) / s.d50Volume : 0.0,
               "-", "span of the volume distribution, (d90_volume - d10_volume) / d50_volume"});
  return m;
}

}  // namespace proscale
