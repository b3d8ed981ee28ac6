#include "app/MemoryEstimate.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>

#include "core/NumberFormat.h"

namespace proscale {
namespace {

constexpr double kDouble = 8;  // bytes
/// CVODE BDF: the Nordsieck history (max order 5 + 1) and about 14 work vectors of length N.
constexpr double kIntegratorVectors = 20;
/// Band of the finite-volume growth and diffusion operators (sub + super + diagonal), with the
/// LU's fill of the upper band.
constexpr double kBandWidth = 9;
/// Copies of the bordered-band Jacobian: the model's, CVODE's saved one, the LU factors.
constexpr double kJacobianCopies = 3;
/// Copies of the size distribution's history at the end of a run: read back from the spill,
/// the size x time map, the writer's buffer.
constexpr double kHistoryCopies = 3;

double classesOf(const Parameters& params) {
  if (!params.has("population")) return 0;
  const Parameters& population = params.section("population");
  if (population.has("method") && population.string("method") != "sectional")
    return population.has("moment-count") ? static_cast<double>(population.integer("moment-count"))
                                          : 0;
  if (!population.has("classes")) return kToolClasses;
  const double given = static_cast<double>(population.integer("classes"));
  // A grid checked by refinement (verify-grid) also runs on twice its classes.
  const bool verified = population.has("verify-grid") && population.boolean("verify-grid");
  return verified ? 2 * given : given;
}

double outputTimesOf(const Parameters& params) {
  return params.has("output") && params.section("output").has("count")
             ? static_cast<double>(params.section("output").integer("count"))
             : 0;
}

std::string whole(double x) { return std::to_string(static_cast<long long>(x)); }

}  // namespace

MemoryEstimate estimateMemory(const Parameters& params, double maxOutputTimes) {
  MemoryEstimate e;
  const double n = classesOf(params);
  const double N = n + kBorderAllowance, k = kBorderAllowance;
  e.classes = n;
  e.unknowns = N;
  const Parameters* solver = params.has("solver") ? &params.section("solver") : nullptr;
  const double sensitivities =
      solver != nullptr && solver->has("sensitivities")
          ? static_cast<double>(solver->strings("sensitivities").size())
          : 0;
  const std::string linear =
      solver != nullptr && solver->has("linear") ? solver->string("linear") : "bordered";
  const double krylov = solver != nullptr && solver->has("krylov-dimension")
                            ? static_cast<double>(solver->integer("krylov-dimension"))
                            : 5;
  // Doubles, for the integrator (sensitivities are vectors of N each, with their own history).
  double doubles = kIntegratorVectors * N * (1 + sensitivities);
  const double borderedBand = k * k + 2 * k * n + kBandWidth * n;  // D, R and C, band B
  if (linear == "dense")
    doubles += 2 * N * N + borderedBand;  // CVODE's matrix and its saved copy; the model's
  else if (linear == "klu")
    doubles += borderedBand * (1 + 3 * 2);  // the model's; CSC values and indices with fill
  else
    doubles += kJacobianCopies * borderedBand + (linear == "gmres" ? (krylov + 2) * N : 0);
  // Fixed-pivot tables over class pairs (rates, shares, targets): about n^2/2 each.
  const bool sectional = n > 0 && !(params.has("population") &&
                                    params.section("population").has("method") &&
                                    params.section("population").string("method") != "sectional");
  if (sectional && params.has("aggregation")) doubles += 1.5 * n * n;
  if (sectional && params.has("breakage")) doubles += 1.0 * n * n;
  e.solverBytes = kDouble * doubles;
  // Outputs: n numbers per output time (the size distribution) and the time series' columns
  // (fluid and particle columns, about the border's size, each with its derivatives).
  const double times = std::min(outputTimesOf(params), maxOutputTimes);
  const double perTime = (sectional ? kHistoryCopies * n : 0) + 2 * k * (1 + sensitivities);
  e.outputBytes = kDouble * perTime * times;
  return e;
}

double defaultMemoryLimit() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || pageSize <= 0) return 4e9;  // unknown: a small machine's half
  return 0.5 * static_cast<double>(pages) * static_cast<double>(pageSize);
}

std::string formatBytes(double bytes) {
  const char* units[] = {"B", "kB", "MB", "GB", "TB", "PB", "EB"};
  int u = 0;
  while (bytes >= 1000 && u < 6) {
    bytes /= 1000;
    ++u;
  }
  return formatNumber(bytes, 3) + " " + units[u];
}

void checkMemory(const Parameters& params, double limitBytes) {
  const MemoryEstimate e = estimateMemory(params);
  if (!(e.bytes() > limitBytes)) return;
  // Blamed on output.count if the case would fit with the default count of output times, on
  // the classes otherwise.
  const bool outputs = !params.has("population") ||
                       estimateMemory(params, kDefaultOutputTimes).bytes() <= limitBytes;
  const Parameters& section = params.section(outputs ? "output" : "population");
  const std::string key = outputs ? "count" : "classes";
  throw section.error(
      key, "the run would need about " + formatBytes(e.bytes()) + " of memory (" +
               formatBytes(e.solverBytes) + " for the solver on " + whole(e.unknowns) +
               " unknowns, " + formatBytes(e.outputBytes) + " for " +
               whole(outputTimesOf(params)) + " output times), more than --max-memory " +
               formatBytes(limitBytes));
}

}  // namespace proscale
