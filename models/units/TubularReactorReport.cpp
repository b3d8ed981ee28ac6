// What a tubular reactor reports: the outlet's columns and metrics (the product is what leaves
// the last cell), the tube's own figures (residence time, Peclet number, flows), every cell's
// self-checks at their worst, and the axial profiles with the size distribution along the tube.
// The equations are in TubularReactor.cpp.
#include <algorithm>
#include <cmath>
#include <map>

#include "models/units/TubularReactor.h"

namespace proscale {

std::vector<SeriesColumn> TubularReactor::seriesColumns() const {
  std::vector<SeriesColumn> cols;
  for (SeriesColumn& c : m_cell->seriesColumns()) {
    if (c.name != "time") c.doc += " at the outlet";
    cols.push_back(std::move(c));
  }
  for (const TubeFeed& f : m_feeds)
    cols.push_back({"flow_" + f.stream.name, "m^3/s", "volume flow of the feed '" + f.stream.name + "'"});
  cols.push_back({"outflow", "m^3/s", "volume flow out of the tube"});
  return cols;
}

void TubularReactor::series(double t, std::span<const double> y, std::span<double> row) const {
  const std::size_t own = m_cell->seriesColumns().size();
  cellSeries(t, y, m_cells - 1, row.first(own));
  std::size_t k = own;
  for (const TubeFeed& f : m_feeds) row[k++] = f.stream.flow.value(t);
  row[k++] = faceFlow(m_cells, t);
}

// With a wall profile the vessel's last two columns, its jacket temperature and the heat it
// takes out, are the cell's: T_w,i and U A_i (T_i - T_w,i).
void TubularReactor::cellSeries(double t, std::span<const double> y, std::size_t i,
                                std::span<double> row) const {
  m_cell->series(t, cellState(y, i), row);
  if (m_wall.empty()) return;
  const double T = cellState(y, i)[*m_carried.temperature];
  row[row.size() - 2] = m_wall[i];
  row[row.size() - 1] = m_cell->energyBalance()->ua() * (T - m_wall[i]);
}

std::vector<Metric> TubularReactor::metrics(double t, std::span<const double> y) const {
  std::vector<Metric> m = m_cell->metrics(t, cellState(y, m_cells - 1));
  const double q = faceFlow(m_cells, t), u = q / m_area;
  m.push_back({"tube_volume", m_area * m_length, "m^3", "volume of the tube"});
  m.push_back({"mean_residence_time", m_area * m_length / q, "s",
               "V / Q_out at the final time (side feeds shorten it upstream of them)"});
  m.push_back({"axial_dispersion", m_dispersion, "m^2/s", "axial dispersion coefficient D_ax"});
  m.push_back({"peclet", m_dispersion > 0 ? u * m_length / m_dispersion : 0.0, "-",
               "u L / D_ax at the outlet at the final time (0: plug flow)"});
  m.push_back({"cells", static_cast<double>(m_cells), "-", "cells along the tube"});
  if (m_mixer) {
    m.push_back({"mixer_pressure_drop", m_mixer->pressureDrop(), "Pa", "pressure drop over the mixer"});
    m.push_back({"mixer_dissipation", m_mixer->dissipation(), "W/kg",
                 "mean dissipation in the mixing zone, dp Q / (rho V_m)"});
    m.push_back({"mixer_engulfment_rate", m_mixer->engulfmentRate(), "1/s",
                 "E = 0.058 (eps / nu)^(1/2) of the engulfed feed"});
  }
  return m;
}

// Every cell's checks, each reported once at the worst cell -- but two:
//  * the grid-versus-moments cross-check, which judges the size grid, at the outlet: in a tube
//    the moments and the classes are carried by two reconstructions of the same axial flow
//    (AxialTransport.h), which differ where the profiles are steep (the nucleation zone at the
//    inlet of cases/dpfr_crystallizer.yaml: 2 % there, 0.2 % at the outlet), so elsewhere it
//    would blame the size grid for the axial one;
//  * the number scale against the population at the cell that holds the most: one scale
//    serves every cell, and the cells near the inlet, where nucleation has only begun, hold
//    1/1600 of the outlet's particles in that case's steady state.
std::vector<SelfCheck> TubularReactor::selfChecks(double t, std::span<const double> y) const {
  std::vector<SelfCheck> judged;
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < m_cells; ++i)
    for (SelfCheck& c : m_cell->selfChecks(t, cellState(y, i))) {
      const bool outletOnly = c.name.starts_with("moments_difference");
      const bool best = c.name == "number_scale_ratio";
      if (outletOnly && i + 1 < m_cells) continue;
      const auto at = index.find(c.name);
      if (at == index.end()) {
        index[c.name] = judged.size();
        c.meaning += outletOnly ? " (at the outlet)"
                     : best     ? " (the tube's most populated cell)"
                                : " (the worst of the tube's cells)";
        judged.push_back(std::move(c));
        continue;
      }
      double& value = judged[at->second].value;
      // A NaN is the worst; a cell without particles (ratio 0) has nothing to judge.
      const bool replaces = std::isnan(c.value) ||
                            (best ? c.value > 0.0 && (value == 0.0 || c.value < value) : c.value > value);
      if (replaces && !std::isnan(value)) value = c.value;
    }
  return judged;
}

AxialGrid TubularReactor::axialGrid() const {
  AxialGrid g;
  const double dz = m_length / static_cast<double>(m_cells);
  for (std::size_t i = 0; i < m_cells; ++i) g.positions.push_back((static_cast<double>(i) + 0.5) * dz);
  for (SeriesColumn& c : m_cell->seriesColumns())
    if (c.name != "time") g.columns.push_back(std::move(c));
  return g;
}

void TubularReactor::axialProfiles(double t, std::span<const double> y, std::vector<double>& values,
                                   std::vector<double>& numberDensity) const {
  const std::size_t own = m_cell->seriesColumns().size();
  std::vector<double> row(own);
  values.clear();
  numberDensity.clear();
  const PsdHistory classes = m_cell->sizeClasses();
  for (std::size_t i = 0; i < m_cells; ++i) {
    cellSeries(t, y, i, row);
    values.insert(values.end(), row.begin() + 1, row.end());
    if (!m_cell->hasSizeDistribution()) continue;
    const std::vector<double> N = m_cell->numberPerClass(cellState(y, i));
    for (std::size_t k = 0; k < N.size(); ++k)
      numberDensity.push_back(N[k] / (classes.faces[k + 1] - classes.faces[k]));
  }
}

}  // namespace proscale
