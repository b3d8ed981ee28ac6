// Is our own band LU (solvers/BandLU.h) worth keeping against LAPACK's dgbtrf/dgbtrs (Debian's
// reference LAPACK, liblapack3) and SUNDIALS' SUNDlsMat_bandGBTRF/GBTRS (Debian 12: built at
// -O0)? Times one factorization and one solve of the Newton matrix I - gamma J of a
// size-class population balance (a band of lower bandwidth 2 and upper 1, diagonally
// dominant as I - gamma J is for the steps CVODE takes) at several sizes; all three solve the
// same matrix with partial pivoting. Medians of 21 samples of R repetitions, per operation, and
// ratios to our own in the same run; checks that the three solutions agree.
//
//   build/bench/band_lu [repetitions]        (cmake --build build --target band_lu)
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <vector>

#include <sundials/sundials_band.h>

#include "solvers/BandLU.h"

extern "C" {
void dgbtrf_(const int* m, const int* n, const int* kl, const int* ku, double* ab,
             const int* ldab, int* ipiv, int* info);
void dgbtrs_(const char* trans, const int* n, const int* kl, const int* ku, const int* nrhs,
             const double* ab, const int* ldab, const int* ipiv, double* b, const int* ldb,
             int* info, std::size_t transLength);
}

namespace {

constexpr int kMl = 2, kMu = 1, kSmu = kMl + kMu;  // stored upper bandwidth with fill-in
constexpr int kRows = kSmu + kMl + 1;              // stored rows per column
// The flagship (cases/baso4_batch.yaml) takes 1938 Newton iterations on 193 linear setups:
// ~10 solves per factorization, plus the Schur complement's solves with the border columns.
constexpr int kSolvesPerSetup = 10;

// A(i, j) of the test matrix: I - gamma J with a random band J.
std::vector<double> bandEntries(int n, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  std::vector<double> a(static_cast<std::size_t>(n) * (kMl + kMu + 1));
  for (double& x : a) x = 0.3 * u(random);
  for (int j = 0; j < n; ++j) a[static_cast<std::size_t>(j) * (kMl + kMu + 1) + kMu] += 2.0;
  return a;  // column j: rows j - kMu .. j + kMl
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Median time per call of `work` (microseconds), after `prepare` outside the timing.
double timePerCall(int repetitions, const std::function<void()>& prepare,
                   const std::function<void()>& work) {
  std::vector<double> samples;
  for (int s = 0; s < 21; ++s) {
    double total = 0.0;
    for (int r = 0; r < repetitions; ++r) {
      prepare();
      const auto start = std::chrono::steady_clock::now();
      work();
      total += std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
                   .count();
    }
    samples.push_back(total / repetitions);
  }
  return median(samples);
}

// Storage in the SUNDIALS/LINPACK layout (ours and SUNDlsMat): column j holds rows
// j - smu .. j + ml at offsets 0 .. smu + ml.
struct ColumnBand {
  std::vector<double> data;
  std::vector<double*> columns;
  ColumnBand(int n) : data(static_cast<std::size_t>(n) * kRows), columns(n) {
    for (int j = 0; j < n; ++j) columns[j] = data.data() + static_cast<std::size_t>(j) * kRows;
  }
  void fill(const std::vector<double>& a, int n) {
    std::fill(data.begin(), data.end(), 0.0);
    for (int j = 0; j < n; ++j)
      for (int i = std::max(0, j - kMu); i <= std::min(n - 1, j + kMl); ++i)
        columns[j][kSmu + i - j] = a[static_cast<std::size_t>(j) * (kMl + kMu + 1) + kMu + i - j];
  }
};

// LAPACK's layout: AB(kl + ku + i - j, j), leading dimension 2 kl + ku + 1.
struct LapackBand {
  std::vector<double> ab;
  explicit LapackBand(int n) : ab(static_cast<std::size_t>(n) * kRows) {}
  void fill(const std::vector<double>& a, int n) {
    std::fill(ab.begin(), ab.end(), 0.0);
    for (int j = 0; j < n; ++j)
      for (int i = std::max(0, j - kMu); i <= std::min(n - 1, j + kMl); ++i)
        ab[static_cast<std::size_t>(j) * kRows + kMl + kMu + i - j] =
            a[static_cast<std::size_t>(j) * (kMl + kMu + 1) + kMu + i - j];
  }
};

}  // namespace

int main(int argc, char** argv) {
  const int repetitions = argc > 1 ? std::atoi(argv[1]) : 200;
  std::printf("band LU, lower bandwidth %d, upper %d; median of 21 samples x %d repetitions, "
              "microseconds per call\n\n",
              kMl, kMu, repetitions);
  std::printf("%6s  %9s %9s %9s  %9s %9s %9s  %8s %8s %8s  %9s\n", "n", "own fact", "LAPACK",
              "SUNDIALS", "own solve", "LAPACK", "SUNDIALS", "LAPACK/", "SUNDLS/", "LAPACK/w",
              "max diff");
  for (int n : {100, 200, 400, 800, 1600}) {
    const std::vector<double> a = bandEntries(n, 7u + static_cast<unsigned>(n));
    std::vector<double> rhs(n);
    for (int i = 0; i < n; ++i) rhs[i] = std::sin(0.1 * i);
    const auto un = static_cast<std::size_t>(n);

    ColumnBand own(n), sun(n);
    LapackBand lapack(n);
    std::vector<std::size_t> pivots(un);
    std::vector<double> inverse(un);
    std::vector<sunindextype> sunPivots(un);
    std::vector<int> ipiv(un);
    int info = 0;
    const int ldab = kRows, kl = kMl, ku = kMu, one = 1;

    const double ownFactor = timePerCall(repetitions, [&] { own.fill(a, n); }, [&] {
      proscale::band::factor(own.columns.data(), un, kMu, kMl, kSmu, pivots.data(), inverse.data());
    });
    const double lapackFactor = timePerCall(repetitions, [&] { lapack.fill(a, n); }, [&] {
      dgbtrf_(&n, &n, &kl, &ku, lapack.ab.data(), &ldab, ipiv.data(), &info);
    });
    const double sunFactor = timePerCall(repetitions, [&] { sun.fill(a, n); }, [&] {
      SUNDlsMat_bandGBTRF(sun.columns.data(), n, kMu, kMl, kSmu, sunPivots.data());
    });

    std::vector<double> x(rhs), xl(rhs), xs(rhs);
    const double ownSolve = timePerCall(repetitions, [&] { x = rhs; }, [&] {
      proscale::band::solve(own.columns.data(), un, kSmu, kMl, pivots.data(), inverse.data(),
                            x.data());
    });
    const double lapackSolve = timePerCall(repetitions, [&] { xl = rhs; }, [&] {
      dgbtrs_("N", &n, &kl, &ku, &one, lapack.ab.data(), &ldab, ipiv.data(), xl.data(), &n,
              &info, 1);
    });
    const double sunSolve = timePerCall(repetitions, [&] { xs = rhs; }, [&] {
      SUNDlsMat_bandGBTRS(sun.columns.data(), n, kSmu, kMl, sunPivots.data(), xs.data());
    });

    double difference = 0.0;
    for (std::size_t i = 0; i < un; ++i)
      difference = std::max({difference, std::abs(x[i] - xl[i]), std::abs(x[i] - xs[i])});
    std::printf("%6d  %9.2f %9.2f %9.2f  %9.2f %9.2f %9.2f  %7.2fx %7.2fx %7.2fx  %9.1e\n", n,
                ownFactor, lapackFactor, sunFactor, ownSolve, lapackSolve, sunSolve,
                (lapackFactor + lapackSolve) / (ownFactor + ownSolve),
                (sunFactor + sunSolve) / (ownFactor + ownSolve),
                (lapackFactor + kSolvesPerSetup * lapackSolve) /
                    (ownFactor + kSolvesPerSetup * ownSolve),
                difference);
  }
  std::printf("\nLAPACK/, SUNDLS/: (factor + solve) time relative to our own (> 1: ours is "
              "faster)\nLAPACK/w: the same weighted as CVODE uses them, 1 factorization per %d "
              "solves\n",
              kSolvesPerSetup);
  return 0;
}
