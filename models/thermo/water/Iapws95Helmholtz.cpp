// IAPWS-95: the dimensionless Helmholtz free energy phi = phi0 + phir and its derivatives.
//
// Ideal-gas part (IAPWS R6-95(2018), eq. 5, coefficients Table 1, derivatives Table 4):
//   phi0 = ln(delta) + n1 + n2 tau + n3 ln(tau) + sum_{i=4..8} n_i ln(1 - exp(-gamma_i tau)).
// Residual part (eq. 6, coefficients Table 2, derivatives Table 5):
//   phir = sum_{1..7}   n_i delta^d_i tau^t_i
//        + sum_{8..51}  n_i delta^d_i tau^t_i exp(-delta^c_i)
//        + sum_{52..54} n_i delta^d_i tau^t_i
//                       * exp(-alpha_i (delta - eps_i)^2 - beta_i (tau - gamma_i)^2)
//        + sum_{55..56} n_i Delta^b_i delta psi,
//   Delta = theta^2 + B_i ((delta - 1)^2)^a_i,
//   theta = (1 - tau) + A_i ((delta - 1)^2)^(1/(2 beta_i)),
//   psi = exp(-C_i (delta - 1)^2 - D_i (tau - 1)^2).
// The coefficients below are those of release Tables 1 and 2 (checked against two independent
// public transcriptions, and by the Table 6 check values in tests/models/Iapws95Test.cpp).
//
// Evaluation strategy: the terms 1-51 are summed as S = sum T_i, T_i = n_i delta^d tau^t E_c
// (E_c = exp(-delta^c), one exp per distinct c), and every derivative as a sum of T_i times a
// polynomial factor, divided once by delta or tau at the end. Integer powers come from tables
// built by multiplication (balanced, so a power carries at most ~log2(k) roundings); the
// fractional tau exponents of terms 1-7 are multiples of 1/8 and come from three square roots.
// Terms 52-56 are skipped where their exponential factor is below exp(-100) (their share of
// phir and its derivatives is then below 1e-30, far under round-off).
#include "models/thermo/water/Iapws95.h"

#include <cmath>
#include <limits>

namespace proscale {
namespace {

// Release Table 1: ideal-gas part.
constexpr double kN0[9] = {0,  -8.3204464837497, 6.6832105275932, 3.00632, 0.012436,
                           0.97315, 1.2795,     0.96956,         0.24873};
constexpr double kGamma0[9] = {0, 0, 0, 0, 1.28728967, 3.53734222, 7.74073708, 9.24437796,
                               27.5075105};

// Release Table 2, terms 1-51: n_i, d_i, t_i and c_i (c_i = 0 for the polynomial terms 1-7).
// Terms 1-7 have fractional t_i; they are stored as t8 = 8 t_i.
struct PolyTerm {
  double n;
  int d, t8;
};
constexpr PolyTerm kPoly[7] = {
    {0.12533547935523e-1, 1, -4}, {0.78957634722828e1, 1, 7},  {-0.87803203303561e1, 1, 8},
    {0.31802509345418, 2, 4},     {-0.26145533859358, 2, 6},   {-0.78199751687981e-2, 3, 3},
    {0.88089493102134e-2, 4, 8}};

struct ExpTerm {
  double n;
  int d, t, c;
};
// Terms 8-51, ordered as in the release (grouped by c: 15 x c=1, 20 x c=2, 4 x c=3,
// 1 x c=4, 4 x c=6).
constexpr ExpTerm kExp[44] = {
    {-0.66856572307965, 1, 4, 1},       {0.20433810950965, 1, 6, 1},
    {-0.66212605039687e-4, 1, 12, 1},   {-0.19232721156002, 2, 1, 1},
    {-0.25709043003438, 2, 5, 1},       {0.16074868486251, 3, 4, 1},
    {-0.40092828925807e-1, 4, 2, 1},    {0.39343422603254e-6, 4, 13, 1},
    {-0.75941377088144e-5, 5, 9, 1},    {0.56250979351888e-3, 7, 3, 1},
    {-0.15608652257135e-4, 9, 4, 1},    {0.11537996422951e-8, 10, 11, 1},
    {0.36582165144204e-6, 11, 4, 1},    {-0.13251180074668e-11, 13, 13, 1},
    {-0.62639586912454e-9, 15, 1, 1},   {-0.10793600908932, 1, 7, 2},
    {0.17611491008752e-1, 2, 1, 2},     {0.22132295167546, 2, 9, 2},
    {-0.40247669763528, 2, 10, 2},      {0.58083399985759, 3, 10, 2},
    {0.49969146990806e-2, 4, 3, 2},     {-0.31358700712549e-1, 4, 7, 2},
    {-0.74315929710341, 4, 10, 2},      {0.47807329915480, 5, 10, 2},
    {0.20527940895948e-1, 6, 6, 2},     {-0.13636435110343, 6, 10, 2},
    {0.14180634400617e-1, 7, 10, 2},    {0.83326504880713e-2, 9, 1, 2},
    {-0.29052336009585e-1, 9, 2, 2},    {0.38615085574206e-1, 9, 3, 2},
    {-0.20393486513704e-1, 9, 4, 2},    {-0.16554050063734e-2, 9, 8, 2},
    {0.19955571979541e-2, 10, 6, 2},    {0.15870308324157e-3, 10, 9, 2},
    {-0.16388568342530e-4, 12, 8, 2},   {0.43613615723811e-1, 3, 16, 3},
    {0.34994005463765e-1, 4, 22, 3},    {-0.76788197844621e-1, 4, 23, 3},
    {0.22446277332006e-1, 5, 23, 3},    {-0.62689710414685e-4, 14, 10, 4},
    {-0.55711118565645e-9, 3, 50, 6},   {-0.19905718354408, 6, 44, 6},
    {0.31777497330738, 6, 46, 6},       {-0.11841182425981, 6, 50, 6}};
// The distinct c values of terms 8-51 and the index of each term's c in that list.
constexpr int kDistinctC[5] = {1, 2, 3, 4, 6};
constexpr int cIndex(int c) { return c == 1 ? 0 : c == 2 ? 1 : c == 3 ? 2 : c == 4 ? 3 : 4; }

// Terms 52-54 (Gaussian): n, d, t, alpha, beta, gamma, epsilon. All three share d = 3,
// alpha = 20 and epsilon = 1, so exp(-alpha (delta - 1)^2) is computed once.
struct GaussTerm {
  double n;
  int t;
  double beta, gamma;
};
constexpr int kGaussD = 3;
constexpr double kGaussAlpha = 20, kGaussEps = 1;
constexpr GaussTerm kGauss[3] = {{-0.31306260323435e2, 0, 150, 1.21},
                                 {0.31546140237781e2, 1, 150, 1.21},
                                 {-0.25213154341695e4, 4, 250, 1.25}};

// Terms 55-56 (non-analytic): n, b, C, D; both share a = 3.5, B = 0.2, A = 0.32, beta = 0.3,
// so theta and Delta are common. With beta = 0.3: 1/(2 beta) = 5/3, written with cbrt below.
struct NonAnalyticTerm {
  double n, b, C, D;
};
constexpr NonAnalyticTerm kNonAnalytic[2] = {{-0.14874640856724, 0.85, 28, 700},
                                             {0.31806110878444, 0.95, 32, 800}};
constexpr double kNaA = 0.32, kNaB = 0.2, kNaBeta = 0.3, kNaa = 3.5;

// A term whose exponential factor is below exp(-kSkipExponent) is left out (see file header).
constexpr double kSkipExponent = 100;

constexpr int kMaxD = 15, kMaxT = 50;

// x^0..x^N by balanced products: x^k = x^(k/2) x^(k - k/2).
template <int N>
void fillPowers(double x, double (&p)[N + 1]) {
  p[0] = 1;
  if (N >= 1) p[1] = x;
  for (int k = 2; k <= N; ++k) p[k] = p[k / 2] * p[k - k / 2];
}

// tau^(k/8) for k = -4..8, index k + 4.
void fillEighthPowers(double tau, double (&p)[13]) {
  const double r4 = std::sqrt(tau), r2 = std::sqrt(r4), r1 = std::sqrt(r2);
  const double r3 = r2 * r1, r6 = r4 * r2;
  p[0] = 1 / r4;  // k = -4
  p[4] = 1;
  p[5] = r1;
  p[6] = r2;
  p[7] = r3;
  p[8] = r4;
  p[9] = r4 * r1;
  p[10] = r6;
  p[11] = r6 * r1;
  p[12] = tau;
}

// Delta and its delta derivatives for the non-analytic terms (release Table 5), written so that
// no factor 1/(delta - 1) appears: Delta_d = (delta - 1) G, and Delta_dd is a sum of
// nonnegative powers of q = (delta - 1)^2 (finite, and 0, at delta = 1).
struct NonAnalyticDelta {
  double s, q, theta, Delta, Delta_d, Delta_dd, Delta_dt, P1;
};
NonAnalyticDelta nonAnalyticDelta(double delta, double tau) {
  NonAnalyticDelta r{};
  r.s = delta - 1;
  r.q = r.s * r.s;
  const double q = r.q;
  const double q13 = std::cbrt(q), q23 = q13 * q13;
  const double P1 = q23;                       // q^(1/(2 beta) - 1) = q^(2/3)
  const double qm = q * q23;                   // q^(1/(2 beta))     = q^(5/3)
  const double qa1 = q * q * std::sqrt(q);     // q^(a - 1)          = q^(5/2)
  const double qa = qa1 * q;                   // q^a                = q^(7/2)
  const double qb = q * q * q13;               // q^(1/beta - 1)     = q^(7/3)
  r.theta = (1 - tau) + kNaA * qm;
  r.Delta = r.theta * r.theta + kNaB * qa;
  const double G = kNaA * r.theta * (2 / kNaBeta) * P1 + 2 * kNaB * kNaa * qa1;
  r.Delta_d = r.s * G;
  r.Delta_dd = G + 4 * kNaB * kNaa * (kNaa - 1) * qa1 +
               2 * kNaA * kNaA / (kNaBeta * kNaBeta) * qb +
               kNaA * r.theta * (4 / kNaBeta) * (1 / (2 * kNaBeta) - 1) * P1;
  r.Delta_dt = -kNaA * (2 / kNaBeta) * r.s * P1;
  r.P1 = P1;
  return r;
}

}  // namespace

HelmholtzDerivatives iapws95Ideal(double delta, double tau) {
  HelmholtzDerivatives r;
  r.phi = std::log(delta) + kN0[1] + kN0[2] * tau + kN0[3] * std::log(tau);
  r.d = 1 / delta;
  r.dd = -1 / (delta * delta);
  r.t = kN0[2] + kN0[3] / tau;
  r.tt = -kN0[3] / (tau * tau);
  r.dt = 0;
  for (int i = 4; i <= 8; ++i) {
    const double e = std::exp(-kGamma0[i] * tau);  // exp(-gamma tau)
    const double oneMinus = 1 - e;
    r.phi += kN0[i] * std::log1p(-e);
    r.t += kN0[i] * kGamma0[i] * (1 / oneMinus - 1);
    r.tt -= kN0[i] * kGamma0[i] * kGamma0[i] * e / (oneMinus * oneMinus);
  }
  return r;
}

HelmholtzDerivatives iapws95Residual(double delta, double tau) {
  double dp[kMaxD + 1], tp[kMaxT + 1], t8[13];
  fillPowers<kMaxD>(delta, dp);
  fillPowers<kMaxT>(tau, tp);
  fillEighthPowers(tau, t8);

  // Sums of T_i times the factors of phi, delta phi_d, delta^2 phi_dd, tau phi_t,
  // tau^2 phi_tt and delta tau phi_dt.
  double S = 0, Sd = 0, Sdd = 0, St = 0, Stt = 0, Sdt = 0;
  for (const PolyTerm& p : kPoly) {
    const double T = p.n * dp[p.d] * t8[p.t8 + 4];
    const double t = p.t8 / 8.0;
    S += T;
    Sd += T * p.d;
    Sdd += T * (p.d * (p.d - 1));
    St += T * t;
    Stt += T * (t * (t - 1));
    Sdt += T * (p.d * t);
  }
  double E[5], K[5];  // exp(-delta^c), c delta^c
  for (int j = 0; j < 5; ++j) {
    const double dc = dp[kDistinctC[j]];
    E[j] = std::exp(-dc);
    K[j] = kDistinctC[j] * dc;
  }
  for (const ExpTerm& x : kExp) {
    const int j = cIndex(x.c);
    const double T = x.n * dp[x.d] * tp[x.t] * E[j];
    const double k = K[j];
    const double a = x.d - k;  // delta * d ln(term)/d delta
    S += T;
    Sd += T * a;
    Sdd += T * (a * (a - 1) - x.c * k);
    St += T * x.t;
    Stt += T * (x.t * (x.t - 1));
    Sdt += T * (a * x.t);
  }
  HelmholtzDerivatives r;
  r.phi = S;
  r.d = Sd / delta;
  r.dd = Sdd / (delta * delta);
  r.t = St / tau;
  r.tt = Stt / (tau * tau);
  r.dt = Sdt / (delta * tau);

  // Gaussian terms 52-54.
  const double dEps = delta - kGaussEps;
  const double gaussDeltaExponent = kGaussAlpha * dEps * dEps;
  const double u0 = kGaussD / delta - 2 * kGaussAlpha * dEps;  // phi_d / phi per term
  for (const GaussTerm& g : kGauss) {
    const double tg = tau - g.gamma;
    const double exponent = gaussDeltaExponent + g.beta * tg * tg;
    if (exponent > kSkipExponent) continue;
    const double T = g.n * dp[kGaussD] * tp[g.t] * std::exp(-exponent);
    const double v = g.t / tau - 2 * g.beta * tg;
    r.phi += T;
    r.d += T * u0;
    r.dd += T * (u0 * u0 - kGaussD / (delta * delta) - 2 * kGaussAlpha);
    r.t += T * v;
    r.tt += T * (v * v - g.t / (tau * tau) - 2 * g.beta);
    r.dt += T * u0 * v;
  }

  // Non-analytic terms 55-56.
  const double tm1 = tau - 1;
  const double q = (delta - 1) * (delta - 1);
  bool atCriticalPoint = false;
  for (const NonAnalyticTerm& na : kNonAnalytic) {
    const double exponent = na.C * q + na.D * tm1 * tm1;
    if (exponent > kSkipExponent) continue;
    const NonAnalyticDelta D = nonAnalyticDelta(delta, tau);
    const double psi = std::exp(-exponent);
    const double psi_d = -2 * na.C * D.s * psi;
    const double psi_dd = (2 * na.C * q - 1) * 2 * na.C * psi;
    const double psi_t = -2 * na.D * tm1 * psi;
    const double psi_tt = (2 * na.D * tm1 * tm1 - 1) * 2 * na.D * psi;
    const double psi_dt = 4 * na.C * na.D * D.s * tm1 * psi;
    double Db = 0, Db_d = 0, Db_dd = 0, Db_t = 0, Db_tt = 0, Db_dt = 0;  // Delta^b and derivatives
    if (D.Delta > 0) {
      const double b = na.b;
      Db = std::exp(b * std::log(D.Delta));
      const double Db1 = Db / D.Delta;     // Delta^(b-1)
      const double Db2 = Db1 / D.Delta;    // Delta^(b-2)
      const double Delta_t = -2 * D.theta;
      Db_d = b * Db1 * D.Delta_d;
      Db_dd = b * (Db1 * D.Delta_dd + (b - 1) * Db2 * D.Delta_d * D.Delta_d);
      Db_t = b * Db1 * Delta_t;
      Db_tt = b * (2 * Db1 + (b - 1) * Db2 * Delta_t * Delta_t);
      Db_dt = b * (Db1 * D.Delta_dt + (b - 1) * Db2 * D.Delta_d * Delta_t);
    } else {
      // delta = tau = 1: Delta^b and all its derivatives but the tau-tau one tend to 0.
      atCriticalPoint = true;
    }
    const double n = na.n;
    r.phi += n * Db * delta * psi;
    r.d += n * (Db * (psi + delta * psi_d) + Db_d * delta * psi);
    r.dd += n * (Db * (2 * psi_d + delta * psi_dd) + 2 * Db_d * (psi + delta * psi_d) +
                 Db_dd * delta * psi);
    r.t += n * delta * (Db_t * psi + Db * psi_t);
    r.tt += n * delta * (Db_tt * psi + 2 * Db_t * psi_t + Db * psi_tt);
    r.dt += n * (Db * (psi_t + delta * psi_dt) + delta * Db_d * psi_t +
                 Db_t * (psi + delta * psi_d) + Db_dt * delta * psi);
  }
  // At the critical point n_55 2 b_55 Delta^(b_55 - 1) (n_55 < 0, the smaller b) dominates.
  if (atCriticalPoint) r.tt = -std::numeric_limits<double>::infinity();
  return r;
}

Iapws95ResidualIsotherm::Iapws95ResidualIsotherm(double tau) : m_tau(tau) {
  double tp[kMaxT + 1], t8[13];
  fillPowers<kMaxT>(tau, tp);
  fillEighthPowers(tau, t8);
  for (int i = 0; i < 7; ++i) m_ntau[i] = kPoly[i].n * t8[kPoly[i].t8 + 4];
  for (int i = 0; i < 44; ++i) m_ntau[7 + i] = kExp[i].n * tp[kExp[i].t];
  for (int i = 0; i < 3; ++i) {
    const double tg = tau - kGauss[i].gamma;
    const double e = kGauss[i].beta * tg * tg;
    // Terms whose tau factor alone is below exp(-100) are zeroed (see kSkipExponent).
    m_gaussTau[i] = e > kSkipExponent ? 0 : kGauss[i].n * tp[kGauss[i].t] * std::exp(-e);
  }
  for (int i = 0; i < 2; ++i) {
    const double e = kNonAnalytic[i].D * (tau - 1) * (tau - 1);
    m_logPsiTau[i] = -e;
    m_psiTau[i] = e > kSkipExponent ? 0 : std::exp(-e);
  }
}

Iapws95ResidualIsotherm::DeltaDerivatives Iapws95ResidualIsotherm::at(double delta) const {
  double dp[kMaxD + 1];
  fillPowers<kMaxD>(delta, dp);
  double S = 0, Sd = 0, Sdd = 0;
  for (int i = 0; i < 7; ++i) {
    const int d = kPoly[i].d;
    const double T = m_ntau[i] * dp[d];
    S += T;
    Sd += T * d;
    Sdd += T * (d * (d - 1));
  }
  double E[5], K[5];
  for (int j = 0; j < 5; ++j) {
    const double dc = dp[kDistinctC[j]];
    E[j] = std::exp(-dc);
    K[j] = kDistinctC[j] * dc;
  }
  for (int i = 0; i < 44; ++i) {
    const ExpTerm& x = kExp[i];
    const int j = cIndex(x.c);
    const double T = m_ntau[7 + i] * dp[x.d] * E[j];
    const double k = K[j];
    const double a = x.d - k;
    S += T;
    Sd += T * a;
    Sdd += T * (a * (a - 1) - x.c * k);
  }
  DeltaDerivatives r;
  r.phi = S;
  r.d = Sd / delta;
  r.dd = Sdd / (delta * delta);

  const double dEps = delta - kGaussEps;
  const double gaussDeltaExponent = kGaussAlpha * dEps * dEps;
  if (gaussDeltaExponent <= kSkipExponent) {
    const double g = dp[kGaussD] * std::exp(-gaussDeltaExponent);
    const double T = (m_gaussTau[0] + m_gaussTau[1] + m_gaussTau[2]) * g;
    const double u0 = kGaussD / delta - 2 * kGaussAlpha * dEps;
    r.phi += T;
    r.d += T * u0;
    r.dd += T * (u0 * u0 - kGaussD / (delta * delta) - 2 * kGaussAlpha);
  }

  const double q = (delta - 1) * (delta - 1);
  bool needNonAnalytic = false;
  for (int i = 0; i < 2; ++i)
    if (kNonAnalytic[i].C * q - m_logPsiTau[i] <= kSkipExponent) needNonAnalytic = true;
  if (needNonAnalytic) {
    const NonAnalyticDelta D = nonAnalyticDelta(delta, m_tau);
    const double logDelta = D.Delta > 0 ? std::log(D.Delta) : 0;
    for (int i = 0; i < 2; ++i) {
      const NonAnalyticTerm& na = kNonAnalytic[i];
      const double exponent = na.C * q - m_logPsiTau[i];
      if (exponent > kSkipExponent) continue;
      const double psi = std::exp(-na.C * q) * m_psiTau[i];
      const double psi_d = -2 * na.C * D.s * psi;
      const double psi_dd = (2 * na.C * q - 1) * 2 * na.C * psi;
      double Db = 0, Db_d = 0, Db_dd = 0;
      if (D.Delta > 0) {
        const double b = na.b;
        Db = std::exp(b * logDelta);
        const double Db1 = Db / D.Delta, Db2 = Db1 / D.Delta;
        Db_d = b * Db1 * D.Delta_d;
        Db_dd = b * (Db1 * D.Delta_dd + (b - 1) * Db2 * D.Delta_d * D.Delta_d);
      }
      r.phi += na.n * Db * delta * psi;
      r.d += na.n * (Db * (psi + delta * psi_d) + Db_d * delta * psi);
      r.dd += na.n * (Db * (2 * psi_d + delta * psi_dd) + 2 * Db_d * (psi + delta * psi_d) +
                      Db_dd * delta * psi);
    }
  }
  return r;
}

double iapws95Pressure(double T, double rho) {
  const Iapws95ResidualIsotherm isotherm(iapws95::Tc / T);
  const double delta = rho / iapws95::rhoc;
  return rho * iapws95::R * T * (1 + delta * isotherm.at(delta).d);
}

}  // namespace proscale
