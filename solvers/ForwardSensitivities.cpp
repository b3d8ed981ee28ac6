#include "solvers/ForwardSensitivities.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include <cvodes/cvodes.h>
#include <nvector/nvector_serial.h>

#include "solvers/ModelBridge.h"

namespace proscale {
namespace {

std::span<double> view(N_Vector v) {
  return {N_VGetArrayPointer(v), static_cast<std::size_t>(N_VGetLength(v))};
}

std::string knownParameters(const ParameterRegistry& registry) {
  std::string list;
  for (const ModelParameter& p : registry.all()) list += (list.empty() ? "" : ", ") + p.name;
  return list.empty() ? "the model has none" : "known: " + list;
}

// Puts a parameter back to its value when the perturbation ends, also on an exception.
class PerturbedParameter {
 public:
  PerturbedParameter(ParameterRegistry& registry, std::size_t index)
      : m_registry(registry), m_index(index), m_value(registry.value(index)) {}
  ~PerturbedParameter() {
    try {
      m_registry.set(m_index, m_value);
    } catch (...) {
    }
  }
  PerturbedParameter(const PerturbedParameter&) = delete;
  PerturbedParameter& operator=(const PerturbedParameter&) = delete;
  void shift(double delta) { m_registry.set(m_index, m_value + delta); }

 private:
  ParameterRegistry& m_registry;
  std::size_t m_index;
  double m_value;
};

}  // namespace

ForwardSensitivities::ForwardSensitivities(System& system, const std::vector<std::string>& names,
                                           sunindextype length, SUNContext context)
    : m_system(system), m_names(names) {
  ParameterRegistry& registry = system.parameters();
  for (const std::string& name : names) {
    if (std::count(names.begin(), names.end(), name) > 1)
      throw std::invalid_argument("sensitivities: parameter '" + name + "' is named twice");
    if (!registry.has(name))
      throw std::invalid_argument("sensitivities: no parameter '" + name + "' (" +
                                  knownParameters(registry) + ")");
    const std::size_t i = registry.index(name);
    if (!registry.at(i).perturbable)
      throw std::invalid_argument("sensitivities: parameter '" + name +
                                  "' may not be perturbed");
    m_indices.push_back(i);
    m_scales.push_back(registry.at(i).scale);
  }
  for (std::size_t k = 0; k < m_indices.size(); ++k) {
    N_Vector v = N_VNew_Serial(length, context);
    if (v == nullptr) throw std::runtime_error("SUNDIALS could not create a sensitivity vector");
    N_VConst(0.0, v);
    m_vectors.push_back(v);
  }
  m_weights = N_VNew_Serial(length, context);
  if (m_weights == nullptr) throw std::runtime_error("SUNDIALS could not create a weight vector");
  m_values.assign(m_indices.size(), std::vector<double>(static_cast<std::size_t>(length), 0.0));
}

ForwardSensitivities::~ForwardSensitivities() {
  for (N_Vector v : m_vectors) N_VDestroy(v);
  if (m_weights != nullptr) N_VDestroy(m_weights);
}

int ForwardSensitivities::attach(void* mem, double rtol, const char** failedCall) {
  m_cvode = mem;
  m_relativeStep = std::sqrt(std::max(rtol, 1e-16));
  auto failed = [failedCall](const char* call, int flag) {
    *failedCall = call;
    return flag;
  };
  const int n = static_cast<int>(count());
  int flag = CVodeSensInit1(mem, n, CV_STAGGERED, ModelBridge::sensitivityRhs, m_vectors.data());
  if (flag < 0) return failed("CVodeSensInit1", flag);
  // p is NULL: the right-hand side is ours; pbar scales the estimated tolerances.
  flag = CVodeSetSensParams(mem, nullptr, m_scales.data(), nullptr);
  if (flag < 0) return failed("CVodeSetSensParams", flag);
  flag = CVodeSensEEtolerances(mem);
  if (flag < 0) return failed("CVodeSensEEtolerances", flag);
  flag = CVodeSetSensErrCon(mem, SUNFALSE);
  if (flag < 0) return failed("CVodeSetSensErrCon", flag);
  return 0;
}

int ForwardSensitivities::restart(void* mem) {
  for (N_Vector v : m_vectors) N_VConst(0.0, v);
  for (auto& s : m_values) std::fill(s.begin(), s.end(), 0.0);
  return CVodeSensReInit(mem, CV_STAGGERED, m_vectors.data());
}

int ForwardSensitivities::continueFrom(void* mem) {
  const int flag = fetch(mem);
  if (flag < 0) return flag;
  return CVodeSensReInit(mem, CV_STAGGERED, m_vectors.data());
}

int ForwardSensitivities::fetch(void* mem) {
  sunrealtype t = 0.0;
  const int flag = CVodeGetSens(mem, &t, m_vectors.data());
  if (flag < 0) return flag;
  for (std::size_t k = 0; k < count(); ++k) {
    const std::span<double> s = view(m_vectors[k]);
    m_values[k].assign(s.begin(), s.end());
  }
  return flag;
}

void ForwardSensitivities::rhs(int k, double t, N_Vector y, N_Vector s, N_Vector sdot,
                               N_Vector work1, N_Vector work2) {
  const auto ik = static_cast<std::size_t>(k);
  const double pbar = m_scales[ik];
  // The step of cvSensRhs1InternalDQ (centred, simultaneous): small against the parameter
  // (pbar sqrt(rtol)) and against the state (|D s| ~ sqrt(rtol) in the error weights).
  double norm = 0.0;
  if (CVodeGetErrWeights(m_cvode, m_weights) == CV_SUCCESS) norm = N_VWrmsNorm(s, m_weights) * pbar;
  const double deltaParameter = pbar * m_relativeStep;
  const double deltaState = pbar / std::max(norm, 1.0 / m_relativeStep);
  const double delta = std::min(deltaParameter, deltaState);

  PerturbedParameter parameter(m_system.parameters(), m_indices[ik]);
  N_VLinearSum(1.0, y, delta, s, work1);
  parameter.shift(delta);
  m_system.rhs(t, view(work1), view(sdot));
  N_VLinearSum(1.0, y, -delta, s, work1);
  parameter.shift(-delta);
  m_system.rhs(t, view(work1), view(work2));
  N_VLinearSum(0.5 / delta, sdot, -0.5 / delta, work2, sdot);
}

}  // namespace proscale
