// What the compiled vector kernels (solvers/FastSerialVector.h) buy over Debian 12's SUNDIALS
// serial N_Vector, which is built at -O0: the operations CVODE and GMRES call every step, on
// vectors of the flagship's size (213 unknowns) and larger. Median of 21 samples of R calls,
// microseconds per call, and the ratio SUNDIALS / ours in the same run. The results are
// bitwise identical (tests/solvers/test_fast_vector.cpp); this program checks it again.
//
//   build/bench/vector_kernels [repetitions]   (cmake --build build --target vector_kernels)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>

#include "solvers/FastSerialVector.h"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

double timePerCall(int repetitions, const std::function<void()>& work) {
  std::vector<double> samples;
  for (int s = 0; s < 21; ++s) {
    const auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repetitions; ++r) work();
    samples.push_back(
        std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
            .count() /
        repetitions);
  }
  return median(samples);
}

struct Vectors {
  N_Vector x, y, z, w;
  Vectors(sunindextype n, SUNContext context, bool fast) {
    x = N_VNew_Serial(n, context);
    if (fast) proscale::sun::installFastSerialOps(x);
    y = N_VClone(x);
    z = N_VClone(x);
    w = N_VClone(x);
    double* px = N_VGetArrayPointer(x);
    double* py = N_VGetArrayPointer(y);
    double* pw = N_VGetArrayPointer(w);
    for (sunindextype i = 0; i < n; ++i) {
      px[i] = std::sin(0.1 * static_cast<double>(i));
      py[i] = std::cos(0.1 * static_cast<double>(i));
      pw[i] = 1.0 / (1e-8 + 1e-6 * std::abs(px[i]));
    }
  }
  ~Vectors() {
    for (N_Vector v : {x, y, z, w}) N_VDestroy(v);
  }
};

}  // namespace

int main(int argc, char** argv) {
  const int repetitions = argc > 1 ? std::atoi(argv[1]) : 2000;
  SUNContext context = nullptr;
  SUNContext_Create(nullptr, &context);
  std::printf("serial N_Vector kernels: SUNDIALS 6.4.1 (Debian 12) against ours; median of 21 x "
              "%d calls, microseconds per call\n\n",
              repetitions);
  std::printf("%-22s %7s  %10s %10s  %8s  %s\n", "operation", "n", "SUNDIALS", "ours", "ratio",
              "same bits");
  for (sunindextype n : {213, 1000, 10000}) {
    Vectors plain(n, context, false), fast(n, context, true);
    struct Op {
      const char* name;
      std::function<double(Vectors&)> run;  // returns a value to compare
    };
    const std::vector<Op> ops = {
        {"N_VLinearSum", [](Vectors& v) {
           N_VLinearSum(0.5, v.x, -2.0, v.y, v.z);
           return N_VGetArrayPointer(v.z)[7];
         }},
        {"N_VWrmsNorm", [](Vectors& v) { return N_VWrmsNorm(v.x, v.w); }},
        {"N_VScale", [](Vectors& v) {
           N_VScale(3.0, v.x, v.z);
           return N_VGetArrayPointer(v.z)[7];
         }},
        {"N_VDotProd", [](Vectors& v) { return N_VDotProd(v.x, v.y); }},
        {"N_VLinearCombination", [](Vectors& v) {
           double c[3] = {1.0, -0.5, 0.25};
           N_Vector X[3] = {v.x, v.y, v.w};
           N_VLinearCombination(3, c, X, v.z);
           return N_VGetArrayPointer(v.z)[7];
         }},
    };
    for (const Op& op : ops) {
      volatile double sink = 0.0;
      const double slow = timePerCall(repetitions, [&] { sink = op.run(plain); });
      const double ours = timePerCall(repetitions, [&] { sink = op.run(fast); });
      const bool same = op.run(plain) == op.run(fast);
      std::printf("%-22s %7ld  %10.3f %10.3f  %7.2fx  %s\n", op.name, static_cast<long>(n), slow,
                  ours, slow / ours, same ? "yes" : "NO");
      (void)sink;
    }
  }
  SUNContext_Free(&context);
  return 0;
}
