// What BatchPrecipitation reports: time-series columns, size classes, summary metrics and
// the conservation checks.
#include <cmath>

#include "models/pbe/PsdStatistics.h"
#include "models/reactors/BatchPrecipitation.h"

namespace proscale {
namespace {
const char* const kMomentUnits[5] = {"1/m^3", "m/m^3", "m^2/m^3", "m^3/m^3", "m^4/m^3"};
}

double BatchPrecipitation::solidConcentration(std::span<const double> y) const {
  const auto N = y.subspan(m_psd, m_grid.size());
  double volume = 0.0;
  for (std::size_t i = 0; i < N.size(); ++i) volume += m_grid.volumes()[i] * N[i];
  return volume / m_chem.solid().molarVolume() + y[m_budget + kSolidLostTop];
}

// Largest relative drift of any conserved moiety of (species, solid on the grid + lost).
double BatchPrecipitation::massBalanceError(std::span<const double> y) const {
  const std::size_t ns = m_chem.solution().size();
  return m_chem.massBalanceError(y.first(ns), solidConcentration(y),
                                 std::span<const double>(m_y0).first(ns), solidConcentration(m_y0));
}

// Particles on the grid + those that left = seeds + nucleated.
double BatchPrecipitation::numberBalanceError(std::span<const double> y) const {
  double onGrid = 0.0, initial = 0.0;
  for (std::size_t i = 0; i < m_grid.size(); ++i) {
    onGrid += y[m_psd + i];
    initial += m_y0[m_psd + i];
  }
  const double in = initial + y[m_budget + kNumberNucleated] + y[m_budget + kNumberBroken];
  const double out = onGrid + y[m_budget + kNumberLostTop] + y[m_budget + kNumberDissolved] +
                     y[m_budget + kNumberMerged];
  return in > 0.0 ? std::abs(out - in) / in : 0.0;
}

std::vector<SeriesColumn> BatchPrecipitation::seriesColumns() const {
  std::vector<SeriesColumn> cols = m_chem.leadingColumns();
  for (auto& c : psdStatisticsColumns()) cols.push_back(std::move(c));
  if (m_moments)
    for (int k = 0; k < 5; ++k)
      cols.push_back({"mom_mu" + std::to_string(k), kMomentUnits[k], "method-of-moments moment"});
  cols.push_back({"solid_concentration", "mol/m^3", "solid formed per volume (incl. above the grid)"});
  cols.push_back({"mass_balance_error", "-", "largest relative drift of a conserved moiety"});
  return cols;
}

void BatchPrecipitation::series(double t, std::span<const double> y, std::span<double> row) const {
  const PsdStatistics s = psdStatistics(m_grid, y.subspan(m_psd, m_grid.size()));
  std::size_t k = m_chem.leadingValues(
      t, y.first(m_chem.solution().size()),
      s.meanDiameter > 0.0 ? s.meanDiameter : m_grid.faces().front(), row);
  k += psdStatisticsValues(s, row.subspan(k));
  if (m_moments)
    for (std::size_t j = 0; j < MomentEquations::kCount; ++j) row[k++] = y[m_mom + j];
  row[k++] = solidConcentration(y);
  row[k++] = massBalanceError(y);
}

PsdHistory BatchPrecipitation::sizeClasses() const {
  PsdHistory h;
  h.faces = m_grid.faces();
  h.pivots = m_grid.pivots();
  return h;
}

std::vector<double> BatchPrecipitation::numberPerClass(std::span<const double> y) const {
  const auto N = y.subspan(m_psd, m_grid.size());
  return {N.begin(), N.end()};
}

std::vector<Metric> BatchPrecipitation::metrics(double t, std::span<const double> y) const {
  const PsdStatistics s = psdStatistics(m_grid, y.subspan(m_psd, m_grid.size()));
  const PrecipitationRates r = m_chem.rates(y.first(m_chem.solution().size()));
  const double solid = solidConcentration(y);
  std::vector<Metric> m{{"final_time", t, "s", "time of the reported state"}};
  for (Metric& x : psdStatisticsMetrics(s)) m.push_back(std::move(x));
  for (Metric& x : m_chem.solutionMetrics(r)) m.push_back(std::move(x));
  for (Metric& x : m_chem.productMetrics(solid)) m.push_back(std::move(x));
  m.push_back({"mass_balance_error", massBalanceError(y), "-",
               "largest relative drift of a conserved moiety"});
  m.push_back({"number_balance_error", numberBalanceError(y), "-",
               "|particles on grid + left + merged - seeded - nucleated - created by breakage| / "
               "(seeded + nucleated + created by breakage)"});
  m.push_back({"solid_lost_above_grid", solid > 0.0 ? y[m_budget + kSolidLostTop] / solid : 0.0,
               "-", "fraction of the solid that grew past max-size"});
  if (m_moments) {
    const double mom0 = y[m_mom], mom3 = y[m_mom + 3];
    m.push_back({"moments_difference_mu0", mom0 > 0.0 ? std::abs(s.moments[0] - mom0) / mom0 : 0.0,
                 "-", "relative difference of mu0, grid vs method of moments"});
    m.push_back({"moments_difference_mu3", mom3 > 0.0 ? std::abs(s.moments[3] - mom3) / mom3 : 0.0,
                 "-", "relative difference of mu3, grid vs method of moments"});
  }
  return m;
}

}  // namespace proscale
