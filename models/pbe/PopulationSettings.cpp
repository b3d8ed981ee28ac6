#include "models/pbe/PopulationSettings.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "models/pbe/Qmom.h"

namespace proscale {

SchemaPtr PopulationSettings::seedsSchema(bool fed) {
  auto seeds = std::make_shared<Schema>(
      "seeds", fed ? "Seed particles in a feed stream, per volume of the stream."
                   : "Seed distribution present at t = 0.");
  std::vector<std::string> shapes{"log-normal", "exponential-volume"};
  if (fed) shapes.push_back("table");
  seeds->add(ParamSpec::choice("distribution", shapes,
                               fed ? "log-normal in diameter, exponential in particle volume, "
                                     "or table: numbers per class on the vessel's size grid."
                                   : "log-normal in diameter, or exponential in particle volume "
                                     "(Scott's initial condition).")
                 .defaultsTo("log-normal"));
  auto number = ParamSpec::real("number-density", dim::numberDensity,
                                fed ? "Seed particles per volume of the feed (log-normal, "
                                      "exponential-volume)."
                                    : "Seed particles per volume.")
                    .unit("1/m^3")
                    .atLeast(0);
  seeds->add(fed ? number : number.isRequired());
  seeds->add(ParamSpec::real("median-diameter", dim::length,
                             "log-normal: number median diameter L_50.")
                 .unit("nm")
                 .above(0));
  seeds->add(ParamSpec::real("mean-volume-diameter", dim::length,
                             "exponential-volume: diameter d of the mean particle volume "
                             "v0 = k_v d^3.")
                 .unit("nm")
                 .above(0));
  seeds->add(ParamSpec::real("geometric-std", dim::none, "Geometric standard deviation sigma_g.")
                 .defaultsTo("1.3")
                 .above(1));
  if (fed) {
    seeds->add(ParamSpec::realList("sizes", dim::length,
                                   "table: the vessel's class pivots (one per class) or class "
                                   "faces (one more), to 1e-6; the grid must be the case's own "
                                   "(population.min-size, max-size and classes given).")
                   .unit("um")
                   .above(0));
    seeds->add(ParamSpec::realList("numbers", dim::numberDensity,
                                   "table: particles of each class per volume of the feed "
                                   "(the vessel's representation N_i), one per class.")
                   .unit("1/m^3")
                   .atLeast(0));
  }
  return seeds;
}

SchemaPtr PopulationSettings::schema() {
  SchemaPtr seeds = seedsSchema(false);

  auto s = std::make_shared<Schema>("population", "Discretisation of the particle size distribution.");
  s->add(ParamSpec::choice("method", {"sectional", "qmom", "moments"},
                           "sectional: size classes (finite volumes for growth, fixed pivot for "
                           "aggregation and breakage); qmom: quadrature method of moments "
                           "(moment-count moments, any kernel and any growth law without "
                           "Gibbs-Thomson solubility, which dissolves particles completely; no "
                           "distribution shape); moments: standard method of moments "
                           "mu_0..mu_4 (nucleation and size-independent growth only).")
             .defaultsTo("sectional"));
  s->add(ParamSpec::real("min-size", dim::length,
                         "Lower bound of the size grid; nuclei are born at max(min-size, x_b L*) "
                         "(all methods). Leave it out and it is the lower edge of the near-critical "
                         "region x_lo L* at the initial supersaturation, or lower where seeds reach below "
                         "(docs/theory/automatic-grid.md). At least 0.01 nm: a tenth of the smallest atom, below "
                         "which nothing is a particle (and volume scales underflow).")
             .unit("nm")
             .atLeast(1e-11));
  s->add(ParamSpec::real("max-size", dim::length,
                         "sectional: upper bound of the size grid. Leave it out and the tool "
                         "sizes the grid to the population (docs/theory/automatic-grid.md); "
                         "given, the grid is fixed and particles that outgrow it fail the "
                         "solid_lost_above_grid self-check. At most 10 cm: larger bodies are not "
                         "suspended particles.")
             .unit("um")
             .above(0)
             .atMost(0.1));
  s->add(ParamSpec::integer("classes",
                            "Number of size classes. Leave it out and the tool chooses it from "
                            "`resolution` (with max-size given: 200).")
             .atLeast(1));
  s->add(ParamSpec::real("resolution", dim::none,
                         "With classes left out: size classes across the span d10..d90 of the "
                         "volume distribution the automatic grid aims for (at least 20 per "
                         "decade of size).")
             .defaultsTo("20")
             .atLeast(4));
  s->add(ParamSpec::integer("moment-count",
                            "qmom: number of moments 2n (n quadrature nodes), 2 to 10.")
             .defaultsTo("6"));
  s->add(ParamSpec::real("realizability-tolerance", dim::none,
                         "qmom: relative uncertainty of the moments; a quadrature level that "
                         "the moments resolve only within it is dropped (keep above 10 "
                         "solver.rtol).")
             .defaultsTo("1e-6")
             .above(0));
  s->add(ParamSpec::boolean("verify-grid",
                            "sectional: rerun at twice the classes and compare N and d50 "
                            "(the grid_refinement_change self-check). Left out: on when the "
                            "class count is the tool's (then the finer run is reported, and "
                            "refined again while it changes the answer), off for a given grid."));
  s->add(ParamSpec::choice("spacing", {"geometric", "uniform"}, "Spacing of the class boundaries.")
             .defaultsTo("geometric"));
  s->add(ParamSpec::choice("scheme", {"van-leer", "minmod", "upwind", "van-albada"},
                           "Face reconstruction for growth: second order with a van Leer or "
                           "minmod limiter, or first-order upwind; van-albada: second order "
                           "with a differentiable slope (not TVD at extrema), far fewer steps "
                           "with continuous nucleation (docs/theory/population-balance.md).")
             .defaultsTo("van-leer"));
  s->add(ParamSpec::boolean("moments", "sectional: integrate the method of moments alongside as "
                                       "a cross-check.")
             .defaultsTo("true"));
  s->add(ParamSpec::real("number-scale", dim::numberDensity,
                         "Reference number density: the absolute tolerance of a class or of "
                         "mu_0 is solver.atol times this. Leave it out and the tool sets it to "
                         "the particle number density of the run (rerunning when its first "
                         "guess, 1e18 1/m^3, was off by more than the accepted band). Between 1 and "
                         "1e30 1/m^3: a particle per cubic metre, and more particles than a "
                         "solid has atoms (about 1e29 1/m^3).")
             .unit("1/m^3")
             .atLeast(1)
             .atMost(1e30));
  s->add(ParamSpec::section("seeds", seeds, "Seed crystals at t = 0 (optional)."));
  s->add(ParamSpec::realList("initial-moments", dim::none,
                             "qmom or moments: the moments mu_0, mu_1, ... of the population at "
                             "t = 0 in SI units (m^k/m^3), instead of seeds; all moments the "
                             "method carries, and realizable."));
  return s;
}

SelfCheck PopulationSettings::numberScaleCheck(double scale, double population) {
  return {"number_scale_ratio", population > 0.0 ? scale / population : 0.0, 10.0, "-",
          "population.number-scale / the particle number density (largest of on the grid, "
          "seeded, nucleated): tolerances far above the population; lower number-scale or "
          "leave it to the tool"};
}

std::optional<SeedDistribution> PopulationSettings::readSeeds(const Parameters& q) {
  if (q.string("distribution") == "table") return std::nullopt;
  if (!q.has("number-density"))
    throw q.error("number-density", "required for distribution: " + q.string("distribution"));
  SeedDistribution d;
  d.numberDensity = q.real("number-density");
  d.geometricStd = q.real("geometric-std");
  const bool exponential = q.string("distribution") == "exponential-volume";
  const char* needed = exponential ? "mean-volume-diameter" : "median-diameter";
  if (!q.has(needed))
    throw q.error(needed, std::string("required for distribution: ") + q.string("distribution"));
  d.shape = exponential ? SeedDistribution::Shape::ExponentialVolume
                        : SeedDistribution::Shape::LogNormal;
  (exponential ? d.meanVolumeDiameter : d.medianDiameter) = q.real(needed);
  return d;
}

namespace {

// Where the seeds' number distribution has ~1e-6 (log-normal: 5 geometric deviations below
// the median) or 1e-3 (exponential in volume: v = 1e-3 v0, L = d / 10) of its particles below,
// and where it is as far above (log-normal 5 deviations; exponential 125 v0, L = 5 d).
double seedsBottom(const SeedDistribution& d) {
  return d.shape == SeedDistribution::Shape::LogNormal ? d.medianDiameter / std::pow(d.geometricStd, 5.0)
                                                       : 0.1 * d.meanVolumeDiameter;
}
double seedsTop(const SeedDistribution& d) {
  return d.shape == SeedDistribution::Shape::LogNormal ? d.medianDiameter * std::pow(d.geometricStd, 5.0)
                                                       : 5.0 * d.meanVolumeDiameter;
}
}  // namespace

PopulationSettings PopulationSettings::from(const Parameters& p, double gridBottom,
                                            const FedSeeds& fed) {
  PopulationSettings s;
  const std::string& method = p.string("method");
  s.method = method == "qmom"      ? PopulationMethod::Qmom
             : method == "moments" ? PopulationMethod::Moments
                                   : PopulationMethod::Sectional;
  const long count = p.integer("moment-count");
  if (count < 2 || count % 2 != 0 || count > 2 * static_cast<long>(kMaxQuadratureNodes))
    throw p.error("moment-count", QmomSystem::invalidMomentCountMessage(
                                      static_cast<std::size_t>(std::max(count, 0L))));
  s.momentCount = static_cast<std::size_t>(count);
  s.realizabilityTolerance = p.real("realizability-tolerance");
  s.spacing = p.string("spacing") == "uniform" ? GridSpacing::Uniform : GridSpacing::Geometric;
  s.scheme = schemeNamed(p.string("scheme"));
  s.moments = p.boolean("moments");
  if (p.has("seeds")) s.seeds = readSeeds(p.section("seeds"));
  s.fed = fed;
  std::vector<SeedDistribution> allSeeds = fed.distributions;
  if (s.seeds) allSeeds.push_back(*s.seeds);

  // A key is the tool's when the case leaves it out; the tool's reruns set it as a default.
  const auto tools = [&p](const char* key) { return !p.has(key) || p.isDefault(key); };
  s.autoMinSize = !p.has("min-size");
  s.autoMaxSize = s.sectional() && tools("max-size");
  s.autoClasses = s.autoMaxSize && tools("classes");  // a fixed range keeps its classes
  s.autoNumberScale = tools("number-scale");
  s.resolution = p.real("resolution");
  s.verifyGrid = s.sectional() && (p.has("verify-grid") ? p.boolean("verify-grid") : s.autoClasses);
  s.numberScale = p.has("number-scale") ? p.real("number-scale") : kFirstNumberScale;

  if (s.autoMinSize) {
    // The bottom: the near-critical region's lower edge at the initial supersaturation, or
    // below the seeds.
    double bottom = std::isfinite(gridBottom) ? gridBottom : HUGE_VAL;
    for (const SeedDistribution& d : allSeeds) bottom = std::min(bottom, seedsBottom(d));
    if (!std::isfinite(bottom))
      throw p.error("min-size", "required: this case has neither a critical nucleus at its "
                                "initial state nor seeds to start the size grid from");
    s.minSize = bottom;
  } else {
    s.minSize = p.real("min-size");
  }
  if (s.sectional()) {
    s.maxSize = p.has("max-size") ? p.real("max-size") : kFirstMaxSize;
    if (!p.has("max-size"))
      for (const SeedDistribution& d : allSeeds) s.maxSize = std::max(s.maxSize, seedsTop(d));
    if (!p.has("max-size") && s.autoMinSize) s.maxSize = std::max(s.maxSize, 1e3 * s.minSize);
    if (!(s.maxSize > s.minSize))
      throw p.error(p.has("max-size") ? "max-size" : "min-size",
                    p.has("max-size") ? "must be larger than min-size"
                                      : "must be below the automatic grid's first top, 10 um; "
                                        "give max-size");
  }
  s.classes = p.has("classes") ? static_cast<std::size_t>(p.integer("classes"))
              : s.autoMaxSize
                  ? static_cast<std::size_t>(std::ceil(kFirstClassesPerDecade *
                                                       std::log10(s.maxSize / s.minSize)))
                  : 200;
  if (p.has("initial-moments")) {
    if (s.sectional())
      throw p.error("initial-moments", "only with method: qmom or moments (sectional: use seeds)");
    if (p.has("seeds")) throw p.error("initial-moments", "give either seeds or initial-moments");
    s.initialMoments = p.reals("initial-moments");
  }
  return s;
}

}  // namespace proscale
