// Configure-time probe (cmake/CheckSundialsOptimization.cmake): how much slower SUNDIALS'
// N_VLinearSum is than the same loop compiled here at -O3. Prints the ratio of the medians (15
// samples of 4000 calls on 1000 values): ~5.5 for Debian 12's library (built at -O0), ~1 for the
// same source built in Release (measured on the development machine, 2026-12-03).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>

namespace {
double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}
template <class F>
double seconds(F&& work) {
  std::vector<double> samples;
  for (int s = 0; s < 15; ++s) {
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < 4000; ++r) work();
    samples.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return median(samples);
}
}  // namespace

int main() {
  SUNContext context = nullptr;
  if (SUNContext_Create(nullptr, &context) != 0) return 1;
  const sunindextype n = 1000;
  N_Vector x = N_VNew_Serial(n, context), y = N_VClone(x), z = N_VClone(x);
  N_VConst(1.5, x);
  N_VConst(-0.5, y);
  double* px = N_VGetArrayPointer(x);
  double* py = N_VGetArrayPointer(y);
  double* pz = N_VGetArrayPointer(z);
  volatile double a = 0.5, b = 2.0;
  const double library = seconds([&] { N_VLinearSum_Serial(a, x, b, y, z); });
  const double compiled = seconds([&] {
    const double ca = a, cb = b;
    for (sunindextype i = 0; i < n; ++i) pz[i] = ca * px[i] + cb * py[i];
  });
  std::printf("%.2f", library / compiled);
  N_VDestroy(x);
  N_VDestroy(y);
  N_VDestroy(z);
  SUNContext_Free(&context);
  return 0;
}
