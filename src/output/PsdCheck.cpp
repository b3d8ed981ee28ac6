#include "output/PsdCheck.h"

#include <cmath>
#include <string>

#include "core/Errors.h"
#include "output/TextFormat.h"

namespace proscale {
namespace {
[[noreturn]] void fail(const std::filesystem::path& target, const std::string& problem) {
  throw Error("cannot write '" + target.string() + "': " + problem);
}
}  // namespace

void checkPsdHistory(const PsdHistory& psd, const std::filesystem::path& target) {
  const std::size_t classes = psd.pivots.size();
  if (classes == 0) fail(target, "the size distribution has no classes");
  if (psd.faces.size() != classes + 1) {
    fail(target, std::to_string(psd.faces.size()) + " class faces for " + std::to_string(classes) +
                     " classes (need one more face than classes)");
  }
  for (std::size_t i = 0; i <= classes; ++i) {
    if (!std::isfinite(psd.faces[i]) || psd.faces[i] < 0.0) {
      fail(target, "class face " + std::to_string(i) + " is " + formatShortest(psd.faces[i]) +
                       " m (must be finite and >= 0)");
    }
    if (i > 0 && !(psd.faces[i] > psd.faces[i - 1])) {
      fail(target, "class faces are not strictly increasing at face " + std::to_string(i));
    }
  }
  for (std::size_t i = 0; i < classes; ++i) {
    const double pivot = psd.pivots[i];
    if (!std::isfinite(pivot) || pivot < psd.faces[i] || pivot > psd.faces[i + 1]) {
      fail(target, "pivot of class " + std::to_string(i) + " (" + formatShortest(pivot) +
                       " m) is outside its class [" + formatShortest(psd.faces[i]) + ", " +
                       formatShortest(psd.faces[i + 1]) + "] m");
    }
  }
  if (psd.number.size() != psd.times.size()) {
    fail(target, std::to_string(psd.number.size()) + " distributions for " +
                     std::to_string(psd.times.size()) + " output times");
  }
  for (std::size_t k = 0; k < psd.times.size(); ++k) {
    const double t = psd.times[k];
    if (!std::isfinite(t)) fail(target, "output time " + std::to_string(k) + " is not finite");
    if (k > 0 && !(t > psd.times[k - 1])) {
      fail(target, "output times are not strictly increasing at t = " + formatShortest(t) + " s");
    }
    if (psd.number[k].size() != classes) {
      fail(target, "the distribution at t = " + formatShortest(t) + " s has " +
                       std::to_string(psd.number[k].size()) + " values for " +
                       std::to_string(classes) + " classes");
    }
    for (std::size_t i = 0; i < classes; ++i) {
      if (!std::isfinite(psd.number[k][i])) {
        fail(target, "number in class " + std::to_string(i) + " at t = " + formatShortest(t) +
                         " s is " + formatShortest(psd.number[k][i]));
      }
      if (!std::isfinite(psd.number[k][i] / (psd.faces[i + 1] - psd.faces[i]))) {
        fail(target, "number density in class " + std::to_string(i) +
                         " at t = " + formatShortest(t) + " s overflows (class too narrow)");
      }
    }
  }
}

}  // namespace proscale
