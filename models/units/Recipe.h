#pragma once
// A quantity prescribed in time by a recipe: consecutive segments, each a hold (`value`) or a
// profile from `start` to `end` -- linear, or the cubic "controlled cooling" profile of Mullin &
// Nyvlt (Chem. Eng. Sci. 26 (1971) 369), q(t) = q0 + (q1 - q0) x^3 with x = (t - from)/(to - from).
// The segments must start at t = 0 and follow each other without overlap or gap; after the last
// one (whose `to` may be left out) its end value holds. Theory: docs/theory/feeds-and-energy.md.
#include <cstddef>
#include <string>
#include <vector>

#include "core/Parameters.h"
#include "core/Schema.h"

namespace proscale {

class Recipe {
 public:
  enum class Shape { Hold, Linear, Cubic };
  /// At most this many segments (docs/reference/input-limits.md): the integrator stops at
  /// every segment end, so 10^5 segments ran for most of an hour.
  static constexpr std::size_t kMaxSegments = 1000;
  struct Segment {
    double from = 0.0, to = 0.0;  ///< [s]; to = +inf for an open last segment
    double start = 0.0, end = 0.0;
    Shape shape = Shape::Hold;
  };

  /// The list key `key` of segments whose values have dimension `d` (shown in `unit`) and
  /// lie at or above `lowest` (above it when `strict`).
  static ParamSpec spec(const std::string& key, Dimension d, const std::string& unit,
                        double lowest, bool strict, const std::string& doc);

  /// A constant value.
  explicit Recipe(double value = 0.0);
  /// The segments listed at `owner.key`; InputError at the offending segment's key when they
  /// overlap, leave a gap, do not start at 0, are empty or more than kMaxSegments.
  Recipe(const Parameters& owner, const std::string& key);

  double value(double t) const;
  /// The integral of q from 0 to t.
  double integral(double t) const;
  /// Largest and smallest value over [0, t].
  double maximum(double t) const;
  double minimum(double t) const;
  /// Times in (0, tEnd) where the recipe switches segment (an integrator stops there).
  std::vector<double> switchTimes(double tEnd) const;
  /// Sorts `times` and removes repeats (stop times gathered from several recipes).
  static void sortUnique(std::vector<double>& times);
  bool isConstant() const { return m_segments.size() == 1 && m_segments[0].shape == Shape::Hold; }
  /// The same recipe with every value times `factor` (a mass flow over a density).
  Recipe scaled(double factor) const;

 private:
  const Segment& at(double t) const;
  template <class Pick> double extreme(double t, Pick pick) const;
  std::vector<Segment> m_segments;
};

}  // namespace proscale
