// Seeds a feed brings onto the size classes (docs/theory/feeds-and-energy.md, "Seeds in
// feeds"). Given by parameters they are integrated over each class exactly as the initial
// seeds are (fillSeeds); a table gives N_i per feed volume on the vessel's own grid, named by
// its pivots or its faces. The vessel adds (Q_f/V) times what is written here to its rates.
#include <cmath>
#include <sstream>
#include <stdexcept>

#include "core/NumberFormat.h"
#include "models/pbe/MomentEquations.h"
#include "models/representations/SizeClasses.h"

namespace proscale {
namespace {

// A table's sizes must equal the grid's to this relative difference: sizes typed in um with
// seven significant digits, converted to m, differ from the grid's by less.
constexpr double kSizeMatch = 1e-6;
// Seeds by parameters whose number lies outside the grid by more than this fraction are
// refused: they would silently not enter (the initial seeds' automatic grid reaches 1e-6).
constexpr double kOffGridLimit = 1e-4;

std::string micrometres(double metres) { return formatNumber(metres * 1e6) + " um"; }

}  // namespace

std::vector<double> SizeClasses::fedTable(const Parameters& seeds) const {
  const std::size_t n = m_grid.size();
  if (seeds.has("number-density"))
    throw seeds.error("number-density",
                      "not with distribution: table, whose numbers are per class (numbers)");
  for (const char* key : {"sizes", "numbers"})
    if (!seeds.has(key)) throw seeds.error(key, "required for distribution: table");
  std::ostringstream grid;
  grid << "population.min-size " << micrometres(m_grid.faces().front()) << ", max-size "
       << micrometres(m_grid.faces().back()) << ", " << n << " classes";
  if (m_settings.autoMinSize || m_settings.autoMaxSize || m_settings.autoClasses)
    throw seeds.error("sizes", "a table on sizes needs the vessel's size grid given, and this "
                               "one is the tool's (it changes between its reruns): give "
                               "population.min-size, max-size and classes");
  if (m_settings.verifyGrid)
    throw seeds.error("sizes", "population.verify-grid reruns on twice the classes, where "
                               "this table does not lie: set verify-grid: false, or give the "
                               "seeds by parameters");
  const std::vector<double>& sizes = seeds.reals("sizes");
  const bool pivots = sizes.size() == n;
  if (!pivots && sizes.size() != n + 1) {
    std::ostringstream msg;
    msg << "has " << sizes.size() << " sizes, the vessel's grid (" << grid.str() << ") has "
        << n << " pivots and " << n + 1 << " faces: the table is on another size grid";
    throw seeds.error("sizes", msg.str());
  }
  const std::vector<double>& on = pivots ? m_grid.pivots() : m_grid.faces();
  for (std::size_t i = 0; i < sizes.size(); ++i)
    if (std::abs(sizes[i] - on[i]) > kSizeMatch * on[i]) {
      std::ostringstream msg;
      msg << "size " << i + 1 << " is " << micrometres(sizes[i]) << ", the grid's "
          << (pivots ? "pivot" : "face") << " there is " << micrometres(on[i]) << " ("
          << grid.str() << "): the table is on another size grid";
      throw seeds.error("sizes", msg.str());
    }
  const std::vector<double>& numbers = seeds.reals("numbers");
  if (numbers.size() != n) {
    std::ostringstream msg;
    msg << "has " << numbers.size() << " values, one per class of the grid: " << n;
    throw seeds.error("numbers", msg.str());
  }
  return numbers;
}

double SizeClasses::fedParticles(const Parameters& feed, std::span<double> fed) const {
  if (!m_settings.fed.any) throw std::logic_error("SizeClasses: built without fed seeds");
  const Parameters& seeds = feed.section("seeds");
  const std::size_t n = m_grid.size();
  const auto N = fed.subspan(m_psd, n);
  if (const auto d = PopulationSettings::readSeeds(seeds)) {
    fillSeeds(m_grid, *d, N);
    double onGrid = 0.0;
    for (double v : N) onGrid += v;
    const double outside = d->numberDensity > 0.0 ? 1.0 - onGrid / d->numberDensity : 0.0;
    if (outside > kOffGridLimit)
      throw seeds.error(
          d->shape == SeedDistribution::Shape::LogNormal ? "median-diameter"
                                                         : "mean-volume-diameter",
          formatNumber(outside) + " of the fed seeds lie outside the size grid (" +
              micrometres(m_grid.faces().front()) + " to " +
              micrometres(m_grid.faces().back()) +
              ") and would not enter: widen population.min-size and max-size, or leave them "
              "to the tool");
  } else {
    const std::vector<double> table = fedTable(seeds);
    std::copy(table.begin(), table.end(), N.begin());
  }
  double number = 0.0, volume = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    number += N[i];
    volume += m_grid.volumes()[i] * N[i];
  }
  fed[m_budget + kFed] = number;
  fed[m_budget + kVolumeFed] = volume;
  if (m_moments)  // the cross-check's moments of the fed classes, as of the initial ones
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t k = 0; k < MomentEquations::kCount; ++k)
        fed[m_mom + k] += std::pow(m_grid.pivots()[i], static_cast<double>(k)) * N[i];
  return number;
}

}  // namespace proscale
