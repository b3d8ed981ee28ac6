#include "models/thermo/IonPairing.h"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "core/Constants.h"
#include "core/Errors.h"
#include "models/kinetics/Stoichiometry.h"

namespace proscale {
namespace {
constexpr int kMaxIterations = 60;
constexpr double kTolerance = 1e-12;       // on the Newton step in ln(free)
constexpr double kMaxStep = 5.0;           // damping: at most a factor e^5 per iteration
}  // namespace

SchemaPtr IonPairing::entrySchema() {
  auto s = std::make_shared<Schema>(
      "ion-pair", "An ion pair in equilibrium with the free ions: a_pair / prod a_ion^nu = K(T).");
  s->add(ParamSpec::string("formula", "The free species that form the pair, e.g. 'Ba+2 + SO4-2'.")
             .isRequired());
  s->add(ParamSpec::real("log-k", dim::none,
                         "log10 of the association constant K at `reference-temperature` "
                         "(activities on the 1 mol/L scale).")
             .isRequired());
  s->add(ParamSpec::real("enthalpy", dim::molarEnergy,
                         "Association enthalpy dH (van 't Hoff); 0 keeps K constant.")
             .unit("kJ/mol")
             .defaultsTo("0 J/mol"));
  s->add(ParamSpec::real("reference-temperature", dim::temperature, "Temperature of `log-k`.")
             .unit("degC")
             .defaultsTo("25 degC")
             .above(0));
  return s;
}

IonPairing::IonPairing(const Parameters& pairs, const std::vector<std::string>& declared,
                       const std::vector<int>& charges)
    : m_participates(declared.size(), false), m_allCharges(charges) {
  for (const std::string& name : pairs.keys()) {
    const Parameters& p = pairs.section(name);
    if (std::find(declared.begin(), declared.end(), name) != declared.end())
      throw pairs.error(name, "the pair '" + name + "' is also a declared species");
    const ResolvedFormula formula = resolveFormula(p, "formula", declared, charges);
    Pair pair;
    pair.components = formula.terms;
    for (const auto& [k, nu] : formula.terms) m_participates[k] = true;
    pair.lnKref = p.real("log-k") * std::log(10.0);
    pair.Tref = p.real("reference-temperature");
    pair.enthalpy = p.real("enthalpy");
    m_pairs.push_back(std::move(pair));
    m_names.push_back(name);
    m_charges.push_back(formula.charge);
    m_allCharges.push_back(formula.charge);
  }
}

double IonPairing::lnK(std::size_t p, double T) const {
  const Pair& pair = m_pairs[p];
  return pair.lnKref - pair.enthalpy / constants::R * (1.0 / T - 1.0 / pair.Tref);
}

void IonPairing::speciate(std::span<const double> c, double T, const ActivityModel& activity,
                          Speciation& out) const {
  const std::size_t nd = c.size(), np = m_pairs.size(), n = nd + np;
  const double lnC0 = std::log(kStandardConcentration);
  out.resize(nd, n);
  // Unknowns: ln(free) of the declared species that pair and are present, and of the pairs
  // whose components are all present. The rest are fixed: free = total, or no pair at all.
  std::vector<std::size_t> unknowns;
  std::vector<bool> active(n, false);
  for (std::size_t k = 0; k < nd; ++k) active[k] = m_participates[k] && c[k] > kConcentrationFloor;
  for (std::size_t p = 0; p < np; ++p)
    active[nd + p] = std::all_of(m_pairs[p].components.begin(), m_pairs[p].components.end(),
                                 [&](const auto& kv) { return active[kv.first]; });
  for (std::size_t s = 0; s < n; ++s)
    if (active[s]) unknowns.push_back(s);
  const std::size_t m = unknowns.size();

  std::vector<double>& x = out.free;
  for (std::size_t k = 0; k < nd; ++k) x[k] = c[k];
  for (std::size_t p = 0; p < np; ++p) x[nd + p] = 0.0;
  std::vector<double> u(n, 0.0);
  const bool warm = m_warm.size() == n;
  for (std::size_t s : unknowns) {
    if (warm && std::isfinite(m_warm[s])) {
      u[s] = m_warm[s];
    } else if (s < nd) {
      u[s] = std::log(c[s]);
    } else {  // ideal mass action at the totals, at most the scarcest component
      const Pair& pair = m_pairs[s - nd];
      double guess = lnK(s - nd, T) + lnC0, cap = INFINITY;
      for (const auto& [k, nu] : pair.components) {
        guess += nu * (std::log(c[k]) - lnC0);
        cap = std::min(cap, std::log(c[k] / nu));
      }
      u[s] = std::min(guess, cap);
    }
  }

  std::vector<double> lnG(n), dLnG(n * n);
  Eigen::MatrixXd J(m, m);
  Eigen::VectorXd R(m);
  // Residuals: ln(free_k + sum_p nu_kp free_p) - ln(c_k) for the declared unknowns;
  // ln(gamma_p x_p / c°) - sum_k nu_kp ln(gamma_k x_k / c°) - ln K_p for the pairs.
  auto assemble = [&]() {
    for (std::size_t s : unknowns) x[s] = std::exp(u[s]);
    activity.lnGamma(x, T, lnG, dLnG);
    J.setZero();
    for (std::size_t a = 0; a < m; ++a) {
      const std::size_t s = unknowns[a];
      if (s < nd) {
        double bound = x[s];
        for (std::size_t p = 0; p < np; ++p)
          for (const auto& [k, nu] : m_pairs[p].components)
            if (k == s) bound += nu * x[nd + p];
        R(a) = std::log(bound) - std::log(c[s]);
        for (std::size_t b = 0; b < m; ++b) {
          const std::size_t t = unknowns[b];
          double d = t == s ? x[s] : 0.0;
          if (t >= nd)
            for (const auto& [k, nu] : m_pairs[t - nd].components)
              if (k == s) d += nu * x[t];
          J(a, b) = d / bound;
        }
      } else {
        const Pair& pair = m_pairs[s - nd];
        double r = u[s] + lnG[s] - lnC0 - lnK(s - nd, T);
        for (const auto& [k, nu] : pair.components) r -= nu * (u[k] + lnG[k] - lnC0);
        R(a) = r;
        for (std::size_t b = 0; b < m; ++b) {
          const std::size_t t = unknowns[b];
          double d = (t == s ? 1.0 : 0.0) + x[t] * dLnG[s * n + t];
          for (const auto& [k, nu] : pair.components)
            d -= nu * ((t == k ? 1.0 : 0.0) + x[t] * dLnG[k * n + t]);
          J(a, b) = d;
        }
      }
    }
  };

  bool converged = m == 0;
  for (int it = 0; it < kMaxIterations && !converged; ++it) {
    assemble();
    const Eigen::VectorXd step = -J.partialPivLu().solve(R);
    const double size = step.cwiseAbs().maxCoeff();
    if (!std::isfinite(size)) break;
    const double damping = size > kMaxStep ? kMaxStep / size : 1.0;
    for (std::size_t a = 0; a < m; ++a) u[unknowns[a]] += damping * step(a);
    converged = size < kTolerance;
  }
  if (!converged)
    throw RecoverableError("ion-pair speciation did not converge (Newton, " +
                           std::to_string(kMaxIterations) + " iterations)");
  assemble();  // Jacobian and activity coefficients at the solution
  m_warm.assign(n, NAN);
  for (std::size_t s : unknowns) m_warm[s] = u[s];
  out.lnGamma = lnG;
  out.ionicStrength = ionicStrength(x, m_allCharges);

  // Sensitivities to the totals: J du/dc_j = -dR/dc_j.
  const Eigen::PartialPivLU<Eigen::MatrixXd> lu = J.partialPivLu();
  Eigen::VectorXd b(m);
  std::fill(out.dLnFree.begin(), out.dLnFree.end(), 0.0);
  for (std::size_t j = 0; j < nd; ++j) {
    for (std::size_t a = 0; a < m; ++a) {
      const std::size_t s = unknowns[a];
      if (s < nd) {
        b(a) = s == j ? -1.0 / c[j] : 0.0;
      } else if (!active[j] && c[j] > 0.0) {  // a fixed species acts through gamma only
        double d = dLnG[s * n + j];
        for (const auto& [k, nu] : m_pairs[s - nd].components) d -= nu * dLnG[k * n + j];
        b(a) = d;
      } else {
        b(a) = 0.0;
      }
    }
    const Eigen::VectorXd du = m > 0 ? Eigen::VectorXd(-lu.solve(b)) : Eigen::VectorXd();
    for (std::size_t a = 0; a < m; ++a) out.dLnFree[unknowns[a] * nd + j] = du(a);
    if (!active[j] && c[j] > kConcentrationFloor) out.dLnFree[j * nd + j] = 1.0 / c[j];
  }
  for (std::size_t s = 0; s < n; ++s)
    for (std::size_t j = 0; j < nd; ++j) {
      double d = 0.0;  // sum_i d ln(gamma_s)/dx_i dx_i/dc_j
      for (std::size_t i = 0; i < n; ++i) d += dLnG[s * n + i] * x[i] * out.dLnFree[i * nd + j];
      out.dLnGamma[s * nd + j] = d;
    }
}

}  // namespace proscale
