// The settings SizeClasses leaves to the tool when the case omits their keys: the grid's top
// (population.max-size), its class count (population.classes) and the tolerance scale of the
// classes (population.number-scale). Judged from a finished run; the rules and their
// thresholds are in docs/theory/automatic-grid.md.
#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/NumberFormat.h"
#include "models/pbe/PsdStatistics.h"
#include "models/representations/SizeClasses.h"

namespace proscale {
namespace {
// A class counts as populated when it holds more than this fraction of the particle volume.
constexpr double kPopulatedVolume = 1e-6;
// Loss off the top that makes the top move before the self-check (1e-3) would fail.
constexpr double kLossToExtend = 1e-4;
// The top is kept when the populated range ends between these fractions of it, and set to
// kTopMargin times the populated range's end otherwise.
constexpr double kTopLow = 1.0 / 1.5, kTopHigh = 1.0 / 30.0, kTopMargin = 3.0;
// Loss with no way to tell how far the particles went: the top moves up by this factor.
constexpr double kBlindExtension = 8.0;
// Class counts: at least this many per decade of size, at most this many in all.
constexpr double kMinClassesPerDecade = 20.0;
constexpr std::size_t kMaxClasses = 1000;
// The refinement check doubles the classes up to this many (first-order convergence near the
// critical size, e.g. the flagship, needs ~2700 to move by < 5 %).
constexpr std::size_t kMaxVerifiedClasses = 4 * kMaxClasses;
// A class count below this fraction of the resolution target is raised to it.
constexpr double kAcceptedResolution = 0.7;

/// Upper face of the largest class that holds more than kPopulatedVolume of the volume; 0 if
/// the classes are empty.
double populatedTop(const SizeGrid& grid, std::span<const double> N) {
  double total = 0.0;
  for (std::size_t i = 0; i < N.size(); ++i) total += grid.volumes()[i] * std::max(N[i], 0.0);
  if (!(total > 0.0)) return 0.0;
  for (std::size_t i = N.size(); i-- > 0;)
    if (grid.volumes()[i] * N[i] > kPopulatedVolume * total) return grid.faces()[i + 1];
  return 0.0;
}

std::string lengthText(double metres) { return formatNumber(metres * 1e6) + " um"; }
}  // namespace

SettingsAdvice SizeClasses::settingsAdvice(std::span<const double> y) const {
  SettingsAdvice advice;
  const PopulationSettings& s = m_settings;
  if (s.autoMinSize) advice.used.push_back({"population.min-size", s.minSize, "m"});
  if (s.autoMaxSize) advice.used.push_back({"population.max-size", s.maxSize, "m"});
  if (s.autoClasses)
    advice.used.push_back({"population.classes", static_cast<double>(m_grid.size()), "-"});
  if (s.autoNumberScale) advice.used.push_back({"population.number-scale", s.numberScale, "1/m^3"});

  const auto N = psd(y);
  const auto b = y.subspan(m_budget, kBudgetSize);
  const PsdStatistics stats = psdStatistics(m_grid, N);
  double onGrid = 0.0;
  for (double n : N) onGrid += std::max(n, 0.0);

  double top = s.maxSize;
  if (s.autoMaxSize) {
    const double volume = stats.solidVolumeFraction, lost = b[kVolumeLostTop];
    const double lostVolume = volume + lost > 0.0 ? lost / (volume + lost) : 0.0;
    const double lostNumber = onGrid + b[kLostTop] > 0.0 ? b[kLostTop] / (onGrid + b[kLostTop]) : 0.0;
    const double reach = std::max(populatedTop(m_grid, N),
                                  populatedTop(m_grid, std::span<const double>(m_y0).subspan(m_psd, N.size())));
    std::ostringstream why;
    if (lostVolume > kLossToExtend || lostNumber > kLossToExtend) {
      top = kBlindExtension * s.maxSize;
      // Where the method of moments rides along, its mu4/mu3 knows how far the particles went.
      if (m_moments && y[m_mom + 3] > 0.0) top = std::max(top, 4.0 * y[m_mom + 4] / y[m_mom + 3]);
      why << formatNumber(lostVolume) << " of the solid and " << formatNumber(lostNumber)
          << " of the particles grew past max-size " << lengthText(s.maxSize);
    } else if (reach > 0.0 && (reach > kTopLow * s.maxSize || reach < kTopHigh * s.maxSize)) {
      top = kTopMargin * reach;
      why << "the population reaches " << lengthText(reach) << " on a grid to "
          << lengthText(s.maxSize);
    }
    if (top != s.maxSize) {
      advice.changes.push_back({"population.max-size", top, "m"});
      advice.reasons.push_back(why.str() + ": max-size " + lengthText(top));
    }
  }

  if (s.autoClasses && onGrid > 0.0) {
    // Resolution target: `resolution` classes across the narrower of the number and volume
    // d10..d90 spans, at least kMinClassesPerDecade per decade.
    const double span = std::min(std::log10(stats.d90Volume / stats.d10Volume),
                                 std::log10(stats.d90Number / stats.d10Number));
    const double perDecade =
        span > 0.0 ? std::max(kMinClassesPerDecade, s.resolution / span) : kMinClassesPerDecade;
    const double decadesNow = std::log10(s.maxSize / s.minSize);
    const double decades = std::log10(top / s.minSize);
    const auto wanted = std::min(kMaxClasses, static_cast<std::size_t>(std::ceil(perDecade * decades)));
    const double perDecadeNow = static_cast<double>(m_grid.size()) / decadesNow;
    const bool coarse = perDecadeNow < kAcceptedResolution * perDecade && m_grid.size() < kMaxClasses;
    if (coarse || (top != s.maxSize && wanted != m_grid.size())) {
      advice.changes.push_back({"population.classes", static_cast<double>(wanted), "-"});
      std::ostringstream why;
      why << "d10..d90 spans " << formatNumber(span) << " decades: " << wanted << " classes ("
          << formatNumber(static_cast<double>(wanted) / decades) << " per decade, was "
          << formatNumber(perDecadeNow) << ")";
      advice.reasons.push_back(why.str());
    }
  }

  if (s.autoNumberScale && onGrid > 0.0) {
    // A scale far from the population's is replaced by it; one that let classes undershoot
    // past the negative_classes check is cut.
    const double undershoot = negativeClassRatio(N);
    const bool fits = PopulationSettings::numberScaleFits(s.numberScale, onGrid);
    if (!fits || undershoot > kNegativeClassLimit) {
      const double wanted = fits ? s.numberScale / PopulationSettings::kNumberScaleCut
                                 : onGrid;
      advice.changes.push_back({"population.number-scale", wanted, "1/m^3"});
      advice.reasons.push_back(
          (fits ? "classes undershoot to " + formatNumber(undershoot) + " of the largest"
                : "the run has " + formatNumber(onGrid) + " particles/m^3 against a number "
                  "scale of " + formatNumber(s.numberScale)) +
          ": number-scale " + formatNumber(wanted) + " 1/m^3");
    }
  }
  return advice;
}

RefinementPlan SizeClasses::refinement() const {
  RefinementPlan plan;
  const std::size_t finer = 2 * m_grid.size();
  if (!m_settings.verifyGrid || finer > kMaxVerifiedClasses) return plan;
  plan.changes.push_back({"population.classes", static_cast<double>(finer), "-"});
  plan.adopt = m_settings.autoClasses;
  return plan;
}

}  // namespace proscale
