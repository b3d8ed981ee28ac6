// What SectionalPopulationBalance reports: time-series columns, size classes, summary metrics
// and the number and volume budgets.
#include "models/pbe/PsdStatistics.h"
#include "models/reactors/SectionalPopulationBalance.h"

namespace proscale {

std::vector<SeriesColumn> SectionalPopulationBalance::seriesColumns() const {
  std::vector<SeriesColumn> cols{{"time", "s", "time"}};
  for (auto& c : psdStatisticsColumns()) cols.push_back(std::move(c));
  cols.push_back({"solid_volume_fraction", "-", "particle volume per volume, sum x_i N_i"});
  cols.push_back({"number_balance_error", "-", "relative error of the particle number budget"});
  cols.push_back({"volume_balance_error", "-", "relative error of the particle volume budget"});
  return cols;
}

void SectionalPopulationBalance::series(double t, std::span<const double> y,
                                        std::span<double> row) const {
  const PsdStatistics s = psdStatistics(m_grid, y.subspan(m_psd, m_grid.size()));
  row[0] = t;
  std::size_t k = 1 + psdStatisticsValues(s, row.subspan(1));
  row[k++] = s.solidVolumeFraction;
  row[k++] = numberBalanceError(y);
  row[k++] = volumeBalanceError(y);
}

PsdHistory SectionalPopulationBalance::sizeClasses() const {
  PsdHistory h;
  h.faces = m_grid.faces();
  h.pivots = m_grid.pivots();
  return h;
}

std::vector<double> SectionalPopulationBalance::numberPerClass(std::span<const double> y) const {
  const auto N = y.subspan(m_psd, m_grid.size());
  return {N.begin(), N.end()};
}

std::vector<Metric> SectionalPopulationBalance::metrics(double t, std::span<const double> y) const {
  const PsdStatistics s = psdStatistics(m_grid, y.subspan(m_psd, m_grid.size()));
  std::vector<Metric> m{{"final_time", t, "s", "time of the reported state"}};
  for (auto& x : psdStatisticsMetrics(s)) m.push_back(std::move(x));
  const double volume = s.solidVolumeFraction;
  m.push_back({"solid_volume_fraction", volume, "-", "particle volume per volume"});
  m.push_back({"number_balance_error", numberBalanceError(y), "-",
               "|on grid + washed out + lost + dissolved + merged - seeded - nucleated - "
               "created by breakage| / (seeded + nucleated + created by breakage)"});
  m.push_back({"volume_balance_error", volumeBalanceError(y), "-",
               "|on grid + washed out + lost - seeded - grown| / (seeded + |grown|)"});
  m.push_back({"number_lost_above_grid", y[kLostTop], "1/m^3",
               "particles that grew or aggregated past max-size"});
  m.push_back({"solid_lost_above_grid",
               volume + y[kVolumeLostTop] > 0.0 ? y[kVolumeLostTop] / (volume + y[kVolumeLostTop])
                                                : 0.0,
               "-", "fraction of the particle volume that left past max-size"});
  m.push_back({"number_dissolved", y[kDissolved], "1/m^3",
               "particles that left below min-size (dissolution, fragments below the grid)"});
  m.push_back({"number_washed_out", y[kWashedOut], "1/m^3",
               "particles carried out by the outflow (continuous vessel)"});
  return m;
}

}  // namespace proscale
