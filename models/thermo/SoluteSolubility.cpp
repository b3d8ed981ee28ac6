#include "models/thermo/SoluteSolubility.h"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/Constants.h"

namespace proscale {

double VantHoffSoluteSolubility::at(double T, double) const {
  // ln c* = ln c*_ref - dH/R (1/T - 1/T_ref).
  return m_cRef * std::exp(-m_dH / constants::R * (1.0 / T - 1.0 / m_Tref));
}

double PolynomialSoluteSolubility::at(double T, double) const {
  const double x = T - m_T0;
  double c = 0.0;
  for (std::size_t k = m_a.size(); k-- > 0;) c = c * x + m_a[k];  // Horner
  return m_unit * c;
}

Segment segmentOf(const std::vector<double>& nodes, double x) {
  const auto upper = std::upper_bound(nodes.begin() + 1, nodes.end() - 1, x);
  Segment s;
  s.i = static_cast<std::size_t>(upper - nodes.begin()) - 1;
  s.t = (x - nodes[s.i]) / (nodes[s.i + 1] - nodes[s.i]);
  return s;
}

TableSoluteSolubility::TableSoluteSolubility(std::vector<double> T, std::vector<double> c,
                                             bool logarithmic)
    : m_T(std::move(T)), m_y(std::move(c)), m_log(logarithmic) {
  if (m_log)
    for (double& y : m_y) y = std::log(y);
}

double TableSoluteSolubility::at(double T, double) const {
  const Segment s = segmentOf(m_T, T);
  const double y = (1.0 - s.t) * m_y[s.i] + s.t * m_y[s.i + 1];
  return m_log ? std::exp(y) : y;
}

AntisolventTableSolubility::AntisolventTableSolubility(std::vector<double> T, std::vector<double> w,
                                                       std::vector<double> c)
    : m_T(std::move(T)), m_w(std::move(w)), m_c(std::move(c)) {}

double AntisolventTableSolubility::at(double T, double w) const {
  const Segment a = segmentOf(m_T, T), b = segmentOf(m_w, w);
  const std::size_t n = m_w.size();
  auto c = [&](std::size_t i, std::size_t j) { return m_c[i * n + j]; };
  // Linear in w along the two temperature rows, then linear in T between them.
  const double lo = (1.0 - b.t) * c(a.i, b.i) + b.t * c(a.i, b.i + 1);
  const double hi = (1.0 - b.t) * c(a.i + 1, b.i) + b.t * c(a.i + 1, b.i + 1);
  return (1.0 - a.t) * lo + a.t * hi;
}

namespace {

void addTemperatureRange(Schema& s) {
  s.add(ParamSpec::real("min-temperature", dim::temperature,
                        "Lowest temperature at which the law holds (the source's range); absent: "
                        "no lower limit.")
            .unit("degC")
            .above(0));
  s.add(ParamSpec::real("max-temperature", dim::temperature,
                        "Highest temperature at which the law holds; absent: no upper limit.")
            .unit("degC")
            .above(0));
}

void readTemperatureRange(const Parameters& p, SoluteSolubility& law) {
  const double lo = p.has("min-temperature") ? p.real("min-temperature") : 0.0;
  const double hi = p.has("max-temperature") ? p.real("max-temperature")
                                             : std::numeric_limits<double>::infinity();
  if (lo >= hi) throw p.error("max-temperature", "must be above min-temperature");
  law.setTemperatureRange(lo, hi);
}

/// Strictly increasing, at least two nodes; InputError at `key` otherwise.
void checkNodes(const Parameters& p, const std::string& key, const std::vector<double>& x,
                double unitOffset, const char* unit) {
  if (x.size() < 2) throw p.error(key, "give at least two values to interpolate between");
  for (std::size_t i = 1; i < x.size(); ++i)
    if (!(x[i] > x[i - 1])) {
      std::ostringstream msg;
      msg << "must be strictly increasing: entry " << i + 1 << " (" << x[i] - unitOffset << " "
          << unit << ") is not above entry " << i << " (" << x[i - 1] - unitOffset << " " << unit
          << ")";
      throw p.error(key, msg.str());
    }
}

SchemaPtr constantSchema() {
  auto s = std::make_shared<Schema>("constant", "c* independent of temperature.");
  s->add(ParamSpec::real("solubility", dim::concentration,
                         "Solubility c* (mol of solute per m^3 of suspension).")
             .unit("mol/L")
             .isRequired()
             .above(0));
  addTemperatureRange(*s);
  return s;
}

SchemaPtr vantHoffSchema() {
  auto s = std::make_shared<Schema>(
      "van-t-hoff", "ln c* = ln c*_ref - dH_sol/R (1/T - 1/T_ref) (ideal solution, constant dH_sol).");
  s->add(ParamSpec::real("solubility", dim::concentration, "c*_ref at the reference temperature.")
             .unit("mol/L")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("reference-temperature", dim::temperature, "T_ref of `solubility`.")
             .unit("degC")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("dissolution-enthalpy", dim::molarEnergy,
                         "Enthalpy of dissolution dH_sol (> 0: c* rises with T).")
             .unit("kJ/mol")
             .isRequired());
  addTemperatureRange(*s);
  return s;
}

/// The keys both polynomials share: coefficients, T_0 and the range.
void addPolynomialKeys(Schema& s, const char* coefficientsDoc) {
  s.add(ParamSpec::realList("coefficients", dim::none, coefficientsDoc).isRequired());
  s.add(ParamSpec::real("reference-temperature", dim::temperature, "T_0.")
            .unit("degC")
            .defaultsTo("0 degC")
            .above(0));
}

SchemaPtr polynomialSchema() {
  auto s = std::make_shared<Schema>(
      "polynomial",
      "c* = u sum_k a_k (T - T_0)^k with T - T_0 in K (the same number as in degC): with the "
      "default T_0 = 0 degC the polynomial is in degC.");
  addPolynomialKeys(*s, "a_0, a_1, ... (plain numbers: c* in units of `unit`, T - T_0 in K).");
  s->add(ParamSpec::real("unit", dim::concentration,
                         "u: the concentration unit the coefficients are in, e.g. 1 mol/L.")
             .unit("mol/L")
             .defaultsTo("1 mol/m^3")
             .above(0));
  addTemperatureRange(*s);
  return s;
}

SchemaPtr solventMassPolynomialSchema() {
  auto s = std::make_shared<Schema>(
      "solvent-mass-polynomial",
      "X* = sum_k a_k (T - T_0)^k, the solubility as a mass ratio X* [kg solute / kg solvent] "
      "(T - T_0 in K, the same number as in degC); converted to mol per m^3 of suspension "
      "with c* = X* w / M, w = solvent mass per m^3 from solution.density (required).");
  addPolynomialKeys(*s, "a_0, a_1, ... (plain numbers: X* in kg/kg, T - T_0 in K).");
  addTemperatureRange(*s);
  return s;
}

/// A polynomial law in units of `unit` (1 for a mass ratio, then marked per solvent mass).
std::unique_ptr<SoluteSolubility> makePolynomial(const Parameters& p, double unit,
                                                 bool perSolventMass) {
  if (p.reals("coefficients").empty()) throw p.error("coefficients", "give at least a_0");
  auto law = std::make_unique<PolynomialSoluteSolubility>(p.reals("coefficients"),
                                                          p.real("reference-temperature"), unit);
  readTemperatureRange(p, *law);
  law->setPerSolventMass(perSolventMass);
  return law;
}

SchemaPtr tableSchema() {
  auto s = std::make_shared<Schema>(
      "table",
      "c*(T) at increasing temperatures, interpolated linearly in T (in c*, or in ln c* with "
      "interpolation: log); valid between the first and the last temperature.");
  s->add(ParamSpec::realList("temperatures", dim::temperature, "Strictly increasing T_i.")
             .unit("degC")
             .isRequired()
             .above(0));
  s->add(ParamSpec::realList("solubilities", dim::concentration, "c*(T_i), one per temperature.")
             .unit("mol/L")
             .isRequired()
             .above(0));
  s->add(ParamSpec::choice("interpolation", {"linear", "log"},
                           "linear: c* linear in T between nodes; log: ln c* linear in T.")
             .defaultsTo("linear"));
  return s;
}

SchemaPtr antisolventRowSchema() {
  auto s = std::make_shared<Schema>("row", "c* at one temperature, one per antisolvent fraction.");
  s->add(ParamSpec::real("temperature", dim::temperature, "T_i (rows strictly increasing).")
             .unit("degC")
             .isRequired()
             .above(0));
  s->add(ParamSpec::realList("solubilities", dim::concentration,
                             "c*(T_i, w_j), one per entry of antisolvent-fractions.")
             .unit("mol/L")
             .isRequired()
             .above(0));
  return s;
}

SchemaPtr antisolventSchema() {
  auto s = std::make_shared<Schema>(
      "antisolvent-table",
      "c*(T, w) on a grid of temperatures T_i and antisolvent mass fractions w_j, bilinear in "
      "c*; w is solution.antisolvent-fraction. Valid inside the grid.");
  s->add(ParamSpec::realList("antisolvent-fractions", dim::none,
                             "Strictly increasing antisolvent mass fractions w_j of the solvent "
                             "mixture (solute-free basis).")
             .isRequired()
             .atLeast(0)
             .atMost(1));
  s->add(ParamSpec::sectionList("rows", antisolventRowSchema(),
                                "One row per temperature, in increasing temperature.")
             .isRequired());
  return s;
}

std::unique_ptr<SoluteSolubility> makeTable(const Parameters& p) {
  const auto& T = p.reals("temperatures");
  const auto& c = p.reals("solubilities");
  checkNodes(p, "temperatures", T, 273.15, "degC");
  if (c.size() != T.size())
    throw p.error("solubilities", "give one solubility per temperature (" +
                                      std::to_string(T.size()) + "), got " +
                                      std::to_string(c.size()));
  return std::make_unique<TableSoluteSolubility>(T, c, p.string("interpolation") == "log");
}

std::unique_ptr<SoluteSolubility> makeAntisolventTable(const Parameters& p) {
  const auto& w = p.reals("antisolvent-fractions");
  checkNodes(p, "antisolvent-fractions", w, 0.0, "");
  std::vector<double> T, c;
  for (const Parameters& row : p.list("rows")) {
    T.push_back(row.real("temperature"));
    const auto& cs = row.reals("solubilities");
    if (cs.size() != w.size())
      throw row.error("solubilities", "give one solubility per antisolvent fraction (" +
                                          std::to_string(w.size()) + "), got " +
                                          std::to_string(cs.size()));
    c.insert(c.end(), cs.begin(), cs.end());
  }
  if (T.size() < 2) throw p.error("rows", "give at least two rows (temperatures)");
  for (std::size_t i = 1; i < T.size(); ++i)
    if (!(T[i] > T[i - 1]))
      throw p.list("rows")[i].error("temperature",
                                    "rows must be in strictly increasing temperature");
  return std::make_unique<AntisolventTableSolubility>(T, w, c);
}

}  // namespace

const SoluteSolubilityFactory& soluteSolubilities() {
  static const SoluteSolubilityFactory factory = [] {
    SoluteSolubilityFactory f("solubility", "Solubility c* of the solute as a function of T (and "
                                            "of the antisolvent fraction).");
    f.add("constant", constantSchema(), [](const Parameters& p) {
      auto law = std::make_unique<VantHoffSoluteSolubility>(p.real("solubility"), 298.15, 0.0);
      readTemperatureRange(p, *law);
      return law;
    });
    f.add("van-t-hoff", vantHoffSchema(), [](const Parameters& p) {
      auto law = std::make_unique<VantHoffSoluteSolubility>(
          p.real("solubility"), p.real("reference-temperature"), p.real("dissolution-enthalpy"));
      readTemperatureRange(p, *law);
      return law;
    });
    f.add("polynomial", polynomialSchema(),
          [](const Parameters& p) { return makePolynomial(p, p.real("unit"), false); });
    f.add("solvent-mass-polynomial", solventMassPolynomialSchema(),
          [](const Parameters& p) { return makePolynomial(p, 1.0, true); });
    f.add("table", tableSchema(), makeTable);
    f.add("antisolvent-table", antisolventSchema(), makeAntisolventTable);
    return f;
  }();
  return factory;
}

}  // namespace proscale
