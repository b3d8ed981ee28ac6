#include "models/pbe/PopulationSettings.h"

namespace proscale {

SchemaPtr PopulationSettings::schema() {
  auto seeds = std::make_shared<Schema>("seeds", "Seed distribution present at t = 0.");
  seeds->add(ParamSpec::choice("distribution", {"log-normal", "exponential-volume"},
                               "log-normal in diameter, or exponential in particle volume "
                               "(Scott's initial condition).")
                 .defaultsTo("log-normal"));
  seeds->add(ParamSpec::real("number-density", dim::numberDensity, "Seed particles per volume.")
                 .unit("1/m^3")
                 .isRequired()
                 .atLeast(0));
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

  auto s = std::make_shared<Schema>("population", "Discretisation of the particle size distribution.");
  s->add(ParamSpec::real("min-size", dim::length, "Lower bound of the size grid (nucleus size).")
             .unit("nm")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("max-size", dim::length, "Upper bound of the size grid.")
             .unit("um")
             .isRequired()
             .above(0));
  s->add(ParamSpec::integer("classes", "Number of size classes.").defaultsTo("200").atLeast(1));
  s->add(ParamSpec::choice("spacing", {"geometric", "uniform"}, "Spacing of the class boundaries.")
             .defaultsTo("geometric"));
  s->add(ParamSpec::choice("scheme", {"van-leer", "minmod", "upwind"},
                           "Face reconstruction for growth: second order with a van Leer or "
                           "minmod limiter, or first-order upwind.")
             .defaultsTo("van-leer"));
  s->add(ParamSpec::boolean("moments", "Integrate the method of moments alongside as a cross-check.")
             .defaultsTo("true"));
  s->add(ParamSpec::real("number-scale", dim::numberDensity,
                         "Reference number density: the absolute tolerance of a class is "
                         "solver.atol times this.")
             .unit("1/m^3")
             .defaultsTo("1e18 1/m^3")
             .above(0));
  s->add(ParamSpec::section("seeds", seeds, "Seed crystals at t = 0 (optional)."));
  return s;
}

PopulationSettings PopulationSettings::from(const Parameters& p) {
  PopulationSettings s;
  s.minSize = p.real("min-size");
  s.maxSize = p.real("max-size");
  if (!(s.maxSize > s.minSize))
    throw p.error("max-size", "must be larger than min-size");
  s.classes = static_cast<std::size_t>(p.integer("classes"));
  s.spacing = p.string("spacing") == "uniform" ? GridSpacing::Uniform : GridSpacing::Geometric;
  const std::string& scheme = p.string("scheme");
  s.scheme = scheme == "upwind" ? GrowthScheme::Upwind
             : scheme == "minmod" ? GrowthScheme::Minmod
                                  : GrowthScheme::VanLeer;
  s.moments = p.boolean("moments");
  s.numberScale = p.real("number-scale");
  if (p.has("seeds")) {
    const Parameters& q = p.section("seeds");
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
    s.seeds = d;
  }
  return s;
}

}  // namespace proscale
