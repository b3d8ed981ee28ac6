// What SizeClasses reports: time-series columns, size classes, summary metrics and the number
// and volume budgets.
#include <algorithm>
#include <cmath>

#include "models/pbe/MomentEquations.h"
#include "models/pbe/PsdStatistics.h"
#include "models/representations/SizeClasses.h"

namespace proscale {
namespace {
const char* const kMomentUnits[5] = {"1/m^3", "m/m^3", "m^2/m^3", "m^3/m^3", "m^4/m^3"};
}

double SizeClasses::solidVolume(std::span<const double> y) const {
  const auto N = psd(y);
  double volume = 0.0;
  for (std::size_t i = 0; i < N.size(); ++i) volume += m_grid.volumes()[i] * N[i];
  return volume + y[m_budget + kVolumeLostTop];
}

double SizeClasses::meanDiameter(std::span<const double> y) const {
  const PsdStatistics s = psdStatistics(m_grid, psd(y));
  return s.meanDiameter > 0.0 ? s.meanDiameter : m_grid.faces().front();
}

// Particles on the grid + those that left = seeds + nucleated + created by breakage + fed.
double SizeClasses::numberBalanceError(std::span<const double> y) const {
  double onGrid = 0.0, seeded = 0.0;
  for (std::size_t i = 0; i < m_grid.size(); ++i) {
    onGrid += y[m_psd + i];
    seeded += m_y0[m_psd + i];
  }
  const auto b = y.subspan(m_budget, kBudgetSize);
  const double in = seeded + b[kNucleated] + b[kBroken] + fedBudget(y, kFed);
  const double out = onGrid + b[kWashedOut] + b[kLostTop] + b[kDissolved] + b[kMerged];
  return in > 0.0 ? std::abs(out - in) / in : 0.0;
}

// Particle volume on the grid + what left = seeds + grown + fed.
double SizeClasses::volumeBalanceError(std::span<const double> y) const {
  double onGrid = 0.0, seeded = 0.0;
  for (std::size_t i = 0; i < m_grid.size(); ++i) {
    onGrid += m_grid.volumes()[i] * y[m_psd + i];
    seeded += m_grid.volumes()[i] * m_y0[m_psd + i];
  }
  const auto b = y.subspan(m_budget, kBudgetSize);
  const double fed = fedBudget(y, kVolumeFed);
  const double made = seeded + b[kVolumeGrown] + fed;
  const double out = onGrid + b[kVolumeWashedOut] + b[kVolumeLostTop];
  // Against what entered, or what is there and left when that is larger: a network's zone
  // that receives particles from another (counted as negative washed out) makes none itself.
  const double scale = std::max({std::abs(seeded) + std::abs(b[kVolumeGrown]) + fed,
                                 std::abs(onGrid) + std::abs(b[kVolumeWashedOut]) +
                                     std::abs(b[kVolumeLostTop]),
                                 1e-300});
  return made != 0.0 || out != 0.0 ? std::abs(out - made) / scale : 0.0;
}

std::vector<SeriesColumn> SizeClasses::columns() const {
  std::vector<SeriesColumn> cols = psdStatisticsColumns();
  if (m_moments)
    for (int k = 0; k < 5; ++k)
      cols.push_back({"mom_mu" + std::to_string(k), kMomentUnits[k], "method-of-moments moment"});
  cols.push_back({"solid_volume_fraction", "-", "particle volume per volume, sum x_i N_i"});
  cols.push_back({"number_balance_error", "-", "relative error of the particle number budget"});
  cols.push_back({"volume_balance_error", "-", "relative error of the particle volume budget"});
  return cols;
}

std::size_t SizeClasses::values(std::span<const double> y, std::span<double> row) const {
  const PsdStatistics s = psdStatistics(m_grid, psd(y));
  std::size_t k = psdStatisticsValues(s, row);
  if (m_moments)
    for (std::size_t j = 0; j < MomentEquations::kCount; ++j) row[k++] = y[m_mom + j];
  row[k++] = s.solidVolumeFraction;
  row[k++] = numberBalanceError(y);
  row[k++] = volumeBalanceError(y);
  return k;
}

PsdHistory SizeClasses::sizeClasses() const {
  PsdHistory h;
  h.faces = m_grid.faces();
  h.pivots = m_grid.pivots();
  return h;
}

std::vector<double> SizeClasses::numberPerClass(std::span<const double> y) const {
  const auto N = psd(y);
  return {N.begin(), N.end()};
}

std::vector<Metric> SizeClasses::metrics(std::span<const double> y) const {
  const PsdStatistics s = psdStatistics(m_grid, psd(y));
  const auto b = y.subspan(m_budget, kBudgetSize);
  std::vector<Metric> m = psdStatisticsMetrics(s);
  const double volume = s.solidVolumeFraction, lost = b[kVolumeLostTop];
  m.push_back({"solid_volume_fraction", volume, "-", "particle volume per volume"});
  const std::size_t fromHistory = m.size();
  const bool fed = m_settings.fed.any;
  m.push_back({"number_balance_error", numberBalanceError(y), "-",
               fed ? "|on grid + washed out + lost + dissolved + merged - seeded - nucleated - "
                     "created by breakage - fed| / (seeded + nucleated + created by breakage + "
                     "fed)"
                   : "|on grid + washed out + lost + dissolved + merged - seeded - nucleated - "
                     "created by breakage| / (seeded + nucleated + created by breakage)"});
  m.push_back({"volume_balance_error", volumeBalanceError(y), "-",
               fed ? "|on grid + washed out + lost - seeded - grown - fed| / max(seeded + "
                     "|grown| + fed, on grid + |washed out| + lost)"
                   : "|on grid + washed out + lost - seeded - grown| / max(seeded + |grown|, "
                     "on grid + |washed out| + lost)"});
  if (fed)
    m.push_back({"number_fed", fedBudget(y, kFed), "1/m^3",
                 "particles brought by the feeds' seeds (per volume, as the other budgets)"});
  m.push_back({"number_lost_above_grid", b[kLostTop], "1/m^3",
               "particles that grew or aggregated past max-size"});
  m.push_back({"solid_lost_above_grid", volume + lost > 0.0 ? lost / (volume + lost) : 0.0, "-",
               "fraction of the particle volume that left past max-size"});
  m.push_back({"number_dissolved", b[kDissolved], "1/m^3",
               "particles that left below min-size (dissolution, fragments below the grid)"});
  m.push_back({"number_washed_out", b[kWashedOut], "1/m^3",
               "particles carried out by the outflow (continuous vessel)"});
  for (std::size_t k = fromHistory; k < m.size(); ++k) m[k].fromHistory = true;
  if (m_moments) {
    const double mom0 = y[m_mom], mom3 = y[m_mom + 3];
    m.push_back({"moments_difference_mu0", mom0 > 0.0 ? std::abs(s.moments[0] - mom0) / mom0 : 0.0,
                 "-", "relative difference of mu0, grid vs method of moments"});
    m.push_back({"moments_difference_mu3", mom3 > 0.0 ? std::abs(s.moments[3] - mom3) / mom3 : 0.0,
                 "-", "relative difference of mu3, grid vs method of moments"});
  }
  return m;
}

// Thresholds (docs/reference/outputs.md, "Self-checks"): what left the grid must be negligible
// against the answer's own accuracy (1e-3 of the solid or of the particles); a class may dip
// below zero only by the tolerance's undershoot (kNegativeClassLimit of the largest class); the method of
// moments, where it runs alongside, must agree with the grid's moments to the grid's own
// accuracy at the default resolution (1 %).
double negativeClassRatio(std::span<const double> N) {
  double largest = 0.0, mostNegative = 0.0;
  for (double n : N) {
    largest = std::max(largest, n);
    mostNegative = std::min(mostNegative, n);
  }
  return largest > 0.0 ? -mostNegative / largest : 0.0;
}

// How many of its own classes the final distribution spans, inverted: the logarithmic width
// of the class holding d50 (volume) over the narrower of ln(d90/d10) by number and by volume.
// 0 for an empty grid; a distribution inside one class gives a large value.
double classWidthVsSpread(const SizeGrid& grid, const PsdStatistics& s) {
  if (!(s.numberDensity > 0.0) || !(s.d50Volume > 0.0)) return 0.0;
  std::size_t i = 0;
  while (i + 1 < grid.size() && grid.faces()[i + 1] < s.d50Volume) ++i;
  const double classWidth = std::log(grid.faces()[i + 1] / grid.faces()[i]);
  const double spread = std::min(std::log(s.d90Volume / s.d10Volume), std::log(s.d90Number / s.d10Number));
  return spread > 0.0 ? classWidth / spread : HUGE_VAL;
}

std::vector<SelfCheck> SizeClasses::selfChecks(std::span<const double> y) const {
  const auto N = psd(y);
  const auto b = y.subspan(m_budget, kBudgetSize);
  const PsdStatistics s = psdStatistics(m_grid, N);
  std::vector<SelfCheck> checks;
  const double volume = s.solidVolumeFraction, lost = b[kVolumeLostTop];
  checks.push_back({"solid_lost_above_grid", volume + lost > 0.0 ? lost / (volume + lost) : 0.0,
                    1e-3, "-",
                    "fraction of the particle volume that grew past population.max-size; "
                    "raise max-size"});
  double onGrid = 0.0;
  for (double n : N) onGrid += std::max(n, 0.0);
  checks.push_back({"number_lost_above_grid_fraction",
                    onGrid + b[kLostTop] > 0.0 ? b[kLostTop] / (onGrid + b[kLostTop]) : 0.0, 1e-3,
                    "-", "fraction of the particles that grew past population.max-size; raise "
                         "max-size"});
  checks.push_back({"negative_classes", negativeClassRatio(N), kNegativeClassLimit, "-",
                    "most negative class / largest class: the absolute tolerance is too loose for "
                    "this population; lower population.number-scale (or leave it to the tool)"});
  // The method of moments has no lower boundary: particles that dissolve through min-size leave
  // the grid but not the moments, so the comparison applies only when those are negligible
  // against its threshold (1e-4 of the particles born; round-off alone leaves ~1e-10).
  double born = b[kNucleated] + b[kBroken];
  for (std::size_t i = 0; i < N.size(); ++i) born += m_y0[m_psd + i];
  checks.push_back({"nucleus_resolution",
                    b[kNucleated] > 0.0 ? b[kBornUnresolved] / b[kNucleated] : 0.0, 1e-2, "-",
                    "fraction of the nuclei born while population.min-size lay above the lower "
                    "edge of the near-critical region x_lo L*: they cannot fluctuate back across "
                    "L* and ripen away, so N is min-size's (the BaSO4 flagship: x9 at 1 nm); "
                    "lower min-size or leave it to the tool"});
  checks.push_back({"class_width_vs_spread", classWidthVsSpread(m_grid, s), 1.0 / 3.0, "-",
                    "log-width of the class at d50 / log(d90/d10), the narrower of the number and "
                    "volume spreads: above 1/3 the distribution spans fewer than 3 classes and "
                    "its nuclei and sizes are not resolved; more classes or leave the grid to "
                    "the tool"});
  checks.push_back(PopulationSettings::numberScaleCheck(
      m_settings.numberScale, std::max({onGrid, born, b[kNucleated]})));
  // The moments carry no size-space diffusion (growth.fluctuations): it conserves number, so
  // mu0 is compared with it on, mu3 only without.
  if (m_moments && b[kDissolved] <= 1e-4 * born)
    for (std::size_t k : {std::size_t{0}, std::size_t{3}}) {
      if (k == 3 && !m_momentsCompareVolume) continue;
      const double mom = y[m_mom + k];
      checks.push_back({"moments_difference_mu" + std::to_string(k),
                        mom > 0.0 ? std::abs(s.moments[k] - mom) / mom : 0.0, 1e-2, "-",
                        "grid vs method of moments: the grid does not resolve the population; "
                        "more classes or a wider grid"});
    }
  return checks;
}

}  // namespace proscale
