// Correlations (src/analysis/Correlation.h): exact laws recovered with their equations, and
// the values a power law cannot take named by observation.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "analysis/Correlation.h"

namespace proscale {

TEST_CASE("A power law in two process variables is recovered with its equation",
          "[unit][analysis]") {
  CorrelationData d{"d50", {"c", "T"}, {}, {}};
  for (double c : {0.01, 0.03, 0.1, 0.3})
    for (double T : {288.0, 310.0, 333.0}) {
      d.x.push_back({c, T});
      d.y.push_back(2.5e-6 * std::pow(c, 0.7) * std::pow(T, -1.3));
    }
  const Correlation k = correlate(d, CorrelationForm::PowerLaw);
  CHECK(std::abs(std::exp(k.fit.coefficients(0)) / 2.5e-6 - 1.0) < 1e-11);
  CHECK(std::abs(k.fit.coefficients(1) - 0.7) < 1e-12);
  CHECK(std::abs(k.fit.coefficients(2) + 1.3) < 1e-12);
  CHECK(k.fit.terms == std::vector<std::string>{"log a", "b_c", "b_T"});
  CHECK(k.folds == 5);
  CHECK(k.crossValidatedError < 1e-12);
  CHECK(k.equation() == "d50 = 2.5e-06 * c^0.7 * T^-1.3");
  CHECK(k.latex() == "\\mathrm{d50} = 2.5 \\times 10^{-6}\\,\\mathrm{c}^{0.7}\\,\\mathrm{T}^{-1.3}");
  // A name with an underscore is escaped (unescaped, \mathrm{d50_volume} sets "volume" as a
  // subscript).
  const Correlation named = correlate({"d50_volume", {"c_feed"}, {1.0, 2.0, 4.0}, {{1.0}, {2.0}, {4.0}}},
                                      CorrelationForm::PowerLaw);
  CHECK(named.latex().starts_with("\\mathrm{d50\\_volume} = "));
  CHECK(named.latex().find("\\mathrm{c\\_feed}^{1}") != std::string::npos);
  CHECK(std::abs(k.predict({0.05, 300.0}) / (2.5e-6 * std::pow(0.05, 0.7) * std::pow(300.0, -1.3)) - 1.0) <
        1e-11);
}

TEST_CASE("A quadratic response surface is recovered term by term", "[unit][analysis]") {
  // y = 1 + 2 x - 3 z + 0.5 x^2 + 0.25 x z - z^2 on a 4 x 4 grid.
  CorrelationData d{"span", {"x", "z"}, {}, {}};
  for (double x : {-1.0, 0.0, 1.0, 2.0})
    for (double z : {-2.0, -0.5, 0.5, 2.0}) {
      d.x.push_back({x, z});
      d.y.push_back(1 + 2 * x - 3 * z + 0.5 * x * x + 0.25 * x * z - z * z);
    }
  const Correlation k = correlate(d, CorrelationForm::Quadratic, 4);
  CHECK(k.fit.terms == std::vector<std::string>{"c_0", "x", "z", "x^2", "x*z", "z^2"});
  const std::vector<double> expected{1, 2, -3, 0.5, 0.25, -1};
  for (std::size_t t = 0; t < expected.size(); ++t)
    CHECK(std::abs(k.fit.coefficients(static_cast<Eigen::Index>(t)) - expected[t]) < 1e-12);
  CHECK(k.equation() == "span = 1 + 2 * x - 3 * z + 0.5 * x^2 + 0.25 * x*z - 1 * z^2");
  CHECK(std::abs(k.fit.rSquared - 1.0) < 1e-14);
}

TEST_CASE("A power law refuses values that are not positive, naming them", "[unit][analysis]") {
  CorrelationData d{"d50", {"c"}, {1, 2, 0, 4, -1, 6}, {{1}, {2}, {3}, {4}, {5}, {6}}};
  CHECK_THROWS_WITH(correlate(d, CorrelationForm::PowerLaw),
                    "correlation: a power law needs positive values, and d50 is zero or negative "
                    "in 2 of 6 observations (observations 3, 5)");
  d.y = {1, 2, 3, 4, 5, 6};
  d.x[1][0] = std::nan("");
  CHECK_THROWS_WITH(correlate(d, CorrelationForm::Quadratic),
                    Catch::Contains("c is not a finite number in 1 of 6 observations (observation 2)"));
}

}  // namespace proscale
