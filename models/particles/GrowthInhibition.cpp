#include "models/particles/GrowthInhibition.h"

#include <algorithm>

namespace proscale {

SchemaPtr LangmuirInhibition::schema() {
  auto s = std::make_shared<Schema>(
      "growth-inhibition",
      "A surface modifier adsorbing by a Langmuir isotherm slows growth: G = G_0 (1 - alpha "
      "theta), theta = K c_m / (1 + K c_m) (Kubota & Mullin 1995).");
  s->add(ParamSpec::string("modifier", "Name of the modifier species in solution.species.")
             .isRequired());
  s->add(ParamSpec::real("adsorption-constant", dim::none / dim::concentration,
                         "Langmuir adsorption constant K.")
             .unit("L/mol")
             .isRequired()
             .above(0));
  s->add(ParamSpec::real("effectiveness", dim::none,
                         "alpha: the fraction of growth a fully covered surface loses.")
             .defaultsTo("1")
             .atLeast(0)
             .atMost(1));
  return s;
}

LangmuirInhibition::LangmuirInhibition(const Parameters& p, const std::vector<std::string>& species)
    : m_K(p.real("adsorption-constant")), m_alpha(p.real("effectiveness")) {
  const auto it = std::find(species.begin(), species.end(), p.string("modifier"));
  if (it == species.end())
    throw p.error("modifier", "species '" + p.string("modifier") + "' is not declared in solution.species");
  m_modifier = static_cast<std::size_t>(it - species.begin());
}

double LangmuirInhibition::factor(double cm) const {
  const double c = std::max(cm, 0.0);
  return 1.0 - m_alpha * m_K * c / (1.0 + m_K * c);
}

double LangmuirInhibition::dLnFactor(double cm) const {
  if (cm < 0.0) return 0.0;
  const double f = factor(cm);
  const double dTheta = m_K / ((1.0 + m_K * cm) * (1.0 + m_K * cm));
  return f > 0.0 ? -m_alpha * dTheta / f : 0.0;
}

}  // namespace proscale
