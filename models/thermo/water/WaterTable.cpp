// Tabulated IAPWS-95 in (T, p): see WaterTable.h for the coordinates, the refinement rule and
// the accuracy statement. Bicubic Hermite patch on a cell [T0, T0 + dT] x [z0, z0 + dz], with
// u = (T - T0)/dT, v = (z - z0)/dz in [0, 1]:
//   f(u, v) = sum_{i,j=0..3} c_ij u^i v^j,   c = M G M^T,
//   G = [[f00, f01, fv00, fv01], [f10, f11, fv10, fv11], [fu00, fu01, fuv00, fuv01],
//        [fu10, fu11, fuv10, fuv11]]   (f_ab at u = a, v = b; fu = dT f_T, fv = dz f_z,
//                                       fuv = dT dz f_Tz),
//   M = [[1, 0, 0, 0], [0, 0, 1, 0], [-3, 3, -2, -1], [2, -2, 1, 1]]
// (the cubic Hermite basis in monomial form). With p = a(T) + z b(T) (a, b of the region),
//   F_z = f_p b,  F_T = f_T + f_p (a' + z b'),
//   F_Tz = (f_Tp + f_pp (a' + z b')) b + f_p b',
// and back: f_p = F_z / b, f_T = F_T - F_z (a' + z b') / b.
#include "models/thermo/water/WaterTable.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "core/Errors.h"

namespace proscale {
namespace {

using iapws95::pc;
using iapws95::pmax;
using iapws95::Tc;
using iapws95::Tmax;
using iapws95::Tmin;

constexpr int kSatIntervals = 4096;
// The round-off window of iapws95FromTP: |p/p_sat - 1| below it is two-phase.
constexpr double kOnSaturation = 1e-12;
// Relative density step of the central differences giving f_pp and f_Tp at a node: truncation
// ~1e-10 and round-off ~eps/1e-5 = 2e-11 of the second derivative.
constexpr double kDiffStep = 1e-5;
// Inside the band cells stop splitting below these sizes (their error is measured, not bound).
constexpr double kBandMinDT = 5e-4;  // [K]
constexpr double kBandMinDp = 5e2;   // [Pa]
// Target at check points of cells wholly inside the band (only a measured bound is promised
// there; refining such cells to refineTolerance would cost most of the table).
constexpr double kBandTolerance = 1e-4;
// Hard floor of a cell outside the band (never reached in practice: the check would report).
constexpr double kMinDT = 1e-6;   // [K]
constexpr double kMinDp = 1e-2;   // [Pa]
// [Pa m^3/kg], floor of (dp/drho)_T at nodes (see node()).
constexpr double kMinDpDrho = 50.0;
// Cells of one tile at most: a safeguard (the largest tile, at the pseudo-critical line just
// above the band, has ~10,000), so that a fault that keeps cells from converging ends in an
// exception instead of exhausting memory.
constexpr std::size_t kMaxTileCells = 200000;
// Slope dps/dT at Tc: the limit of eq. 2.5 of Wagner & Pruss (2002), -a1 pc / Tc.
constexpr double kSatSlopeAtTc = 7.85951783 * pc / Tc;

std::string formatNumber(double x) {
  std::ostringstream os;
  os.precision(10);
  os << x;
  return os.str();
}

enum Region { kLiquid = 0, kVapour = 1, kSuper = 2 };

// p = a + z b along an isotherm; da, db their T-derivatives.
struct Mapping {
  double a, b, da, db;
};

// Cubic Hermite table of the saturation pressure on [Tmin, Tc] with per-interval windows.
struct SaturationTable {
  double invDT = 0, dT = 0;
  std::vector<double> p, slope, window;

  void build() {
    dT = (Tc - Tmin) / kSatIntervals;
    invDT = 1 / dT;
    p.resize(kSatIntervals + 1);
    slope.resize(kSatIntervals + 1);
    window.resize(kSatIntervals);
    for (int i = 0; i < kSatIntervals; ++i) {
      const double T = Tmin + i * dT;
      const SaturationState s = iapws95Saturation(T);
      p[i] = s.p;
      slope[i] = (s.hVapour - s.hLiquid) / (T * (1 / s.rhoVapour - 1 / s.rhoLiquid));
    }
    p[kSatIntervals] = pc;
    slope[kSatIntervals] = kSatSlopeAtTc;
    for (int i = 0; i < kSatIntervals; ++i) {
      // Hermite error ~ u^2 (1 - u)^2 peaks at the midpoint; four times it, plus round-off.
      const double T = Tmin + (i + 0.5) * dT;
      const double exact = iapws95Saturation(T).p;
      double ps, dps, win;
      eval(T, ps, dps, win, i);
      window[i] = 4 * std::fabs(ps / exact - 1) + 1e-13;
    }
    // The last interval ends at the critical point, where eq. 2.5's theta^1.5 term makes the
    // cubic poor; it lies inside the band, and its window is widened to cover it.
    window[kSatIntervals - 1] = std::max(window[kSatIntervals - 1], 1e-6);
  }

  void eval(double T, double& ps, double& dps, double& win, int forced = -1) const {
    int i = forced >= 0 ? forced : static_cast<int>((T - Tmin) * invDT);
    i = std::clamp(i, 0, kSatIntervals - 1);
    const double u = (T - Tmin) * invDT - i;
    const double p0 = p[i], p1 = p[i + 1], m0 = slope[i] * dT, m1 = slope[i + 1] * dT;
    const double c2 = -3 * p0 + 3 * p1 - 2 * m0 - m1, c3 = 2 * p0 - 2 * p1 + m0 + m1;
    ps = p0 + u * (m0 + u * (c2 + u * c3));
    dps = (m0 + u * (2 * c2 + 3 * u * c3)) * invDT;
    win = window[i];
  }
};

struct KdNode {
  double split;
  std::int32_t axis;  // 0: T, 1: z, -1: leaf
  std::int32_t next;  // children next and next + 1, or the patch index of a leaf
};

struct Patch {
  double T0, z0, invDT, invDz;
  double c[2][16];  // rho, h: c[i * 4 + j] multiplies u^i v^j
};

struct Tile {
  std::vector<KdNode> tree;
  std::vector<Patch> patches;
};

struct TileSlot {
  std::once_flag once;
  std::atomic<const Tile*> tile{nullptr};
  std::unique_ptr<Tile> owned;
};

// Exact data at a node: values and derivatives in the region's (T, z).
struct Node {
  double T, z, p;
  double f[2], fT[2], fz[2], fTz[2];  // 0: rho, 1: h
};

// The tiles of a region: nT x nZ, uniform in z; in T uniform, or (supercritical region)
// uniform in sqrt(T - T0), which makes tiles next to the critical temperature narrow (0.026 K
// for the first, 0.23 K at Tc + 0.5 K, 6.6 K at Tmax): the cells crowding at the pseudo-critical
// line just above the band are then shared by several lazily built tiles instead of one.
struct RegionGrid {
  Region kind;
  double T0, T1;
  int nT, nZ;
  bool sqrtSpacing;
  double step, invStep, invTileDz;  // tile width in T, or in sqrt(T - T0)
  std::unique_ptr<TileSlot[]> slots;

  void init(Region k, double t0, double t1, int nt, int nz, bool sqrtT) {
    kind = k;
    T0 = t0;
    T1 = t1;
    nT = nt;
    nZ = nz;
    sqrtSpacing = sqrtT;
    step = (sqrtT ? std::sqrt(t1 - t0) : t1 - t0) / nt;
    invStep = 1 / step;
    invTileDz = nz;
    slots.reset(new TileSlot[static_cast<std::size_t>(nt) * nz]);
  }
  double tileStart(int iT) const {
    if (iT >= nT) return T1;
    return sqrtSpacing ? T0 + (iT * step) * (iT * step) : T0 + iT * step;
  }
  int tileIndex(double T) const {
    const double x = sqrtSpacing ? std::sqrt(std::max(T - T0, 0.0)) : T - T0;
    return std::clamp(static_cast<int>(x * invStep), 0, nT - 1);
  }
};

// Patch evaluation: values and u-, v-derivatives of rho and h.
inline void evalPatch(const Patch& P, double T, double z, double f[2], double fu[2],
                      double fv[2]) {
  const double u = (T - P.T0) * P.invDT, v = (z - P.z0) * P.invDz;
  for (int q = 0; q < 2; ++q) {
    const double* c = P.c[q];
    double g[4], gv[4];
    for (int i = 0; i < 4; ++i) {
      const double* r = c + 4 * i;
      g[i] = r[0] + v * (r[1] + v * (r[2] + v * r[3]));
      gv[i] = r[1] + v * (2 * r[2] + 3 * v * r[3]);
    }
    f[q] = g[0] + u * (g[1] + u * (g[2] + u * g[3]));
    fu[q] = g[1] + u * (2 * g[2] + 3 * u * g[3]);
    fv[q] = gv[0] + u * (gv[1] + u * (gv[2] + u * gv[3]));
  }
}

// Corners in the order (T0, z0), (T0, z1), (T1, z0), (T1, z1).
Patch makePatch(const Node* n[4]) {
  Patch P;
  const double dT = n[2]->T - n[0]->T, dz = n[1]->z - n[0]->z;
  P.T0 = n[0]->T;
  P.z0 = n[0]->z;
  P.invDT = 1 / dT;
  P.invDz = 1 / dz;
  static constexpr double M[4][4] = {{1, 0, 0, 0}, {0, 0, 1, 0}, {-3, 3, -2, -1}, {2, -2, 1, 1}};
  for (int q = 0; q < 2; ++q) {
    const double G[4][4] = {
        {n[0]->f[q], n[1]->f[q], n[0]->fz[q] * dz, n[1]->fz[q] * dz},
        {n[2]->f[q], n[3]->f[q], n[2]->fz[q] * dz, n[3]->fz[q] * dz},
        {n[0]->fT[q] * dT, n[1]->fT[q] * dT, n[0]->fTz[q] * dT * dz, n[1]->fTz[q] * dT * dz},
        {n[2]->fT[q] * dT, n[3]->fT[q] * dT, n[2]->fTz[q] * dT * dz, n[3]->fTz[q] * dT * dz}};
    double MG[4][4];
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) {
        MG[i][j] = 0;
        for (int k = 0; k < 4; ++k) MG[i][j] += M[i][k] * G[k][j];
      }
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) {
        double s = 0;
        for (int k = 0; k < 4; ++k) s += MG[i][k] * M[j][k];
        P.c[q][4 * i + j] = s;
      }
  }
  return P;
}

// The bilinear interpolant of the corner values, in the same monomial form.
Patch bilinearPatch(const Node* n[4]) {
  Patch P = makePatch(n);
  for (int q = 0; q < 2; ++q) {
    double* c = P.c[q];
    std::fill(c, c + 16, 0.0);
    c[0] = n[0]->f[q];
    c[1] = n[1]->f[q] - n[0]->f[q];                          // v
    c[4] = n[2]->f[q] - n[0]->f[q];                          // u
    c[5] = n[3]->f[q] - n[2]->f[q] - n[1]->f[q] + n[0]->f[q];  // u v
  }
  return P;
}

double relError(const double exact[2], const double approx[2]) {
  const double er = std::fabs(approx[0] / exact[0] - 1);
  const double eh = std::fabs(approx[1] - exact[1]) / std::max(std::fabs(exact[1]),
                                                                WaterTable::hFloor);
  return std::max(er, eh);
}

}  // namespace

struct WaterTable::Impl {
  SaturationTable sat;
  RegionGrid regions[3];
  mutable std::atomic<std::size_t> evaluations{0};
  mutable std::mutex statsMutex;
  mutable std::size_t cells = 0, bytes = 0, tilesBuilt = 0;
  mutable double worstOutside = 0, worstInside = 0;

  Impl() {
    sat.build();
    regions[kLiquid].init(kLiquid, Tmin, Tc, 64, 8, false);
    regions[kVapour].init(kVapour, Tmin, Tc, 64, 8, false);
    regions[kSuper].init(kSuper, Tc, Tmax, 128, 64, true);
  }

  Mapping mapping(Region kind, double T) const {
    if (kind == kSuper) return {pFloor, pmax - pFloor, 0, 0};
    double ps, dps, win;
    sat.eval(T, ps, dps, win);
    if (kind == kLiquid) return {ps, pmax - ps, dps, -dps};
    return {pFloor, ps - pFloor, 0, dps};
  }

  // Density at (T, p) on the region's branch by Newton from `guess`, halving a step that
  // lands where p_rho <= 0 (past a spinodal); iapws95FromTP if Newton does not settle on the
  // branch (never on the saturation curve itself, whose nodes start from the exact densities).
  double density(Region kind, double T, double p, double guess) const {
    const Iapws95ResidualIsotherm iso(Tc / T);
    const double RT = iapws95::R * T;
    double rho = guess, good = guess, step = 0;
    for (int it = 0; it < 200; ++it) {
      const double delta = rho / iapws95::rhoc;
      const auto r = iso.at(delta);
      const double pr = rho * RT * (1 + delta * r.d);
      const double dp = RT * (1 + 2 * delta * r.d + delta * delta * r.dd);
      if (!(dp > 0) || !(rho > 0)) {
        if (it == 0) break;
        step *= 0.5;
        rho = good + step;
        continue;
      }
      good = rho;
      step = std::clamp((p - pr) / dp, -0.25 * rho, 0.25 * rho);
      rho += step;
      // Converged when the step is 1e-12 relative (quadratic convergence: the error is then
      // ~1e-24) or the residual is at the round-off of the Helmholtz sum, ~1e-14 relative near
      // the critical point, where p_rho is small and that noise keeps the steps from shrinking.
      if (std::fabs(step) <= 1e-12 * rho || std::fabs(p - pr) <= 1e-13 * p) {
        const bool onBranch = kind == kSuper || T >= Tc ||
                              (kind == kLiquid ? rho > iapws95::rhoc : rho < iapws95::rhoc);
        if (onBranch) return rho;
        break;
      }
    }
    return iapws95FromTP(T, p).rho;
  }

  Node node(Region kind, double T, double z, double guess) const {
    evaluations.fetch_add(1, std::memory_order_relaxed);
    const Mapping m = mapping(kind, T);
    Node n;
    n.T = T;
    n.z = z;
    n.p = m.a + z * m.b;
    const double dpdTz = m.da + z * m.db;
    const bool onCurve = T < Tc && ((kind == kLiquid && z == 0) || (kind == kVapour && z == 1));
    if (onCurve) {
      const SaturationState s = iapws95Saturation(T);
      guess = kind == kLiquid ? s.rhoLiquid : s.rhoVapour;
    }
    const double rho = density(kind, T, n.p, guess);
    // First derivatives at constant T or p from IAPWS-95 at (T, rho). p_rho vanishes at the
    // critical point; it is floored at kMinDpDrho, which binds only within ~0.2 K and ~0.1
    // MPa of it (inside the band), so that patches there stay bounded.
    struct First {
      double rho, rp, rT, hp, hT, h;
    };
    auto first = [T](double r) {
      const WaterState s = iapws95FromTRho(T, r);
      const double dpdrho = std::max(s.dpdrho, kMinDpDrho);
      First d;
      d.rho = r;
      d.rp = 1 / dpdrho;
      d.rT = -s.dpdT / dpdrho;
      d.hp = (1 - T * s.dpdT / (r * dpdrho)) / r;
      d.hT = s.cp;
      d.h = s.h;
      return d;
    };
    const First c = first(rho), up = first(rho * (1 + kDiffStep)),
                dn = first(rho * (1 - kDiffStep));
    const double toP = c.rp / (2 * kDiffStep * rho);  // d/dp at constant T
    const double rpp = (up.rp - dn.rp) * toP, rTp = (up.rT - dn.rT) * toP;
    const double hpp = (up.hp - dn.hp) * toP, hTp = (up.hT - dn.hT) * toP;
    n.f[0] = rho;
    n.f[1] = c.h;
    n.fz[0] = c.rp * m.b;
    n.fz[1] = c.hp * m.b;
    n.fT[0] = c.rT + c.rp * dpdTz;
    n.fT[1] = c.hT + c.hp * dpdTz;
    n.fTz[0] = (rTp + rpp * dpdTz) * m.b + c.rp * m.db;
    n.fTz[1] = (hTp + hpp * dpdTz) * m.b + c.hp * m.db;
    return n;
  }

  // Starting density at a tile corner: iapws95FromTP away from the saturation curve (its
  // branch is then the region's), the saturated density on it (node() replaces the guess), the
  // critical density at the critical point.
  double firstGuess(Region kind, double T, double z, double p) const {
    if ((kind == kLiquid && z == 0) || (kind == kVapour && z == 1))
      return T < Tc ? 0.0 : iapws95::rhoc;
    return iapws95FromTP(T, p).rho;
  }

  static bool cornersInBand(const Node* n[4]) {
    for (int k = 0; k < 4; ++k)
      if (!inCriticalBand(n[k]->T, n[k]->p)) return false;
    return true;
  }

  struct BuildState {
    Tile tile;
    double worstOutside = 0, worstInside = 0;
  };

  // Recursive refinement of the cell with corners n (order as makePatch) into tree[self].
  void refine(Region kind, BuildState& b, int self, const Node* n[4], int depth) const {
    const Patch P = makePatch(n);
    const double Ta = n[0]->T, Tb = n[2]->T, za = n[0]->z, zb = n[1]->z;
    const double Tm = 0.5 * (Ta + Tb), zm = 0.5 * (za + zb);
    auto check = [&](double T, double z, Node& out) {
      double f[2], fu[2], fv[2];
      evalPatch(P, T, z, f, fu, fv);
      out = node(kind, T, z, f[0]);
      const double e = relError(out.f, f);
      return e;
    };
    // Check points: T-midpoints on z = za, zb; z-midpoints on T = Ta, Tb; the centre.
    Node tA, tB, zA, zB, cc;
    const double eT = std::max(check(Tm, za, tA), check(Tm, zb, tB));
    const double eZ = std::max(check(Ta, zm, zA), check(Tb, zm, zB));
    const double eC = check(Tm, zm, cc);
    const double e = std::max({eT, eZ, eC});
    const Mapping m = mapping(kind, Tm);
    const double dT = Tb - Ta, dp = (zb - za) * m.b;
    const bool band = cornersInBand(n);
    const double minDT = band ? kBandMinDT : kMinDT, minDp = band ? kBandMinDp : kMinDp;
    const bool canT = dT > minDT, canZ = dp > minDp;
    if (b.tile.patches.size() >= kMaxTileCells)
      throw std::logic_error("water table: a tile near T = " + formatNumber(Ta) + " K, p = " +
                             formatNumber(n[0]->p) + " Pa does not converge");
    const double tolerance = band ? kBandTolerance : refineTolerance;
    if (e <= tolerance || (!canT && !canZ) || depth > 200) {
      // A cell that stops unconverged (the smallest cells at the critical point) keeps the
      // bilinear interpolant of its corner values instead if that fits its check points
      // better: Hermite slopes there are huge and overshoot, corner values do not.
      const Node* checks[5] = {&tA, &tB, &zA, &zB, &cc};
      auto worstAt = [&](const Patch& Q) {
        double w = 0;
        for (const Node* x : checks) {
          double f[2], fu[2], fv[2];
          evalPatch(Q, x->T, x->z, f, fu, fv);
          w = std::max(w, relError(x->f, f));
        }
        return w;
      };
      Patch kept = P;
      if (e > tolerance) {
        const Patch L = bilinearPatch(n);
        if (worstAt(L) < e) kept = L;
      }
      for (const Node* x : checks) {
        double f[2], fu[2], fv[2];
        evalPatch(kept, x->T, x->z, f, fu, fv);
        const double ex = relError(x->f, f);
        if (inCriticalBand(x->T, x->p))
          b.worstInside = std::max(b.worstInside, ex);
        else
          b.worstOutside = std::max(b.worstOutside, ex);
      }
      b.tile.tree[self] = {0.0, -1, static_cast<std::int32_t>(b.tile.patches.size())};
      b.tile.patches.push_back(kept);
      return;
    }
    const int axis = (eT >= eZ && canT) || !canZ ? 0 : 1;
    const int first = static_cast<int>(b.tile.tree.size());
    b.tile.tree.resize(first + 2);
    b.tile.tree[self] = {axis == 0 ? Tm : zm, axis, first};
    if (axis == 0) {
      const Node* left[4] = {n[0], n[1], &tA, &tB};
      const Node* right[4] = {&tA, &tB, n[2], n[3]};
      refine(kind, b, first, left, depth + 1);
      refine(kind, b, first + 1, right, depth + 1);
    } else {
      const Node* low[4] = {n[0], &zA, n[2], &zB};
      const Node* high[4] = {&zA, n[1], &zB, n[3]};
      refine(kind, b, first, low, depth + 1);
      refine(kind, b, first + 1, high, depth + 1);
    }
  }

  std::unique_ptr<Tile> buildTile(const RegionGrid& g, int iT, int iZ) const {
    const double Ta = g.tileStart(iT), Tb = g.tileStart(iT + 1);
    const double za = static_cast<double>(iZ) / g.nZ, zb = static_cast<double>(iZ + 1) / g.nZ;
    auto corner = [&](double T, double z) {
      const Mapping m = mapping(g.kind, T);
      return node(g.kind, T, z, firstGuess(g.kind, T, z, m.a + z * m.b));
    };
    const Node c00 = corner(Ta, za), c01 = corner(Ta, zb), c10 = corner(Tb, za),
               c11 = corner(Tb, zb);
    const Node* n[4] = {&c00, &c01, &c10, &c11};
    BuildState b;
    b.tile.tree.resize(1);
    refine(g.kind, b, 0, n, 0);
    b.tile.tree.shrink_to_fit();
    b.tile.patches.shrink_to_fit();
    std::lock_guard<std::mutex> lock(statsMutex);
    ++tilesBuilt;
    cells += b.tile.patches.size();
    bytes += b.tile.patches.size() * sizeof(Patch) + b.tile.tree.size() * sizeof(KdNode);
    worstOutside = std::max(worstOutside, b.worstOutside);
    worstInside = std::max(worstInside, b.worstInside);
    return std::make_unique<Tile>(std::move(b.tile));
  }

  const Tile& tile(const RegionGrid& g, int iT, int iZ) const {
    TileSlot& slot = g.slots[static_cast<std::size_t>(iT) * g.nZ + iZ];
    const Tile* t = slot.tile.load(std::memory_order_acquire);
    if (t) return *t;
    std::call_once(slot.once, [&] {
      slot.owned = buildTile(g, iT, iZ);
      slot.tile.store(slot.owned.get(), std::memory_order_release);
    });
    return *slot.tile.load(std::memory_order_acquire);
  }

  WaterTableState evaluate(Region kind, double T, double p) const {
    const RegionGrid& g = regions[kind];
    const Mapping m = mapping(kind, T);
    const double z = (p - m.a) / m.b;
    const int iT = g.tileIndex(T);
    const int iZ = std::clamp(static_cast<int>(z * g.invTileDz), 0, g.nZ - 1);
    const Tile& t = tile(g, iT, iZ);
    const KdNode* k = t.tree.data();
    while (k->axis >= 0) k = t.tree.data() + k->next + ((k->axis ? z : T) >= k->split);
    const Patch& P = t.patches[k->next];
    double f[2], fu[2], fv[2];
    evalPatch(P, T, z, f, fu, fv);
    const double invB = 1 / m.b, dzdT = -(m.da + z * m.db) * invB;
    WaterTableState s;
    s.rho = f[0];
    s.h = f[1];
    s.drhodp = fv[0] * P.invDz * invB;
    s.drhodT = fu[0] * P.invDT + fv[0] * P.invDz * dzdT;
    s.cp = fu[1] * P.invDT + fv[1] * P.invDz * dzdT;
    s.phase = kind == kLiquid ? WaterPhase::Liquid
                              : (kind == kVapour ? WaterPhase::Vapour : WaterPhase::Supercritical);
    return s;
  }

  // onSaturation: -1 throw, else the WaterPhase to return on the curve.
  WaterTableState at(double T, double p, int onSaturation) const {
    if (!(T >= Tmin && T <= Tmax))
      throw RecoverableError("water table (IAPWS-95, T, p): T = " + formatNumber(T) +
                             " K is outside 273.15-1073.15 K");
    if (!(p >= pLow && p <= pmax))
      throw RecoverableError("water table (IAPWS-95, T, p): p = " + formatNumber(p) +
                             " Pa is outside 1 kPa-100 MPa");
    if (T >= Tc) return evaluate(kSuper, T, p);
    double ps, dps, win;
    sat.eval(T, ps, dps, win);
    const double rel = p / ps - 1;
    bool liquid = rel > 0;
    if (std::fabs(rel) <= win) {
      const double exact = iapws95Saturation(T).p;
      if (std::fabs(p - exact) <= kOnSaturation * exact) {
        if (onSaturation < 0)
          throw RecoverableError("water table (IAPWS-95, T, p): p = " + formatNumber(p) +
                                 " Pa at T = " + formatNumber(T) +
                                 " K is the saturation pressure: two phases, no single density");
        liquid = onSaturation == static_cast<int>(WaterPhase::Liquid);
      } else {
        liquid = p > exact;
      }
    }
    return evaluate(liquid ? kLiquid : kVapour, T, p);
  }
};

bool WaterTable::inCriticalBand(double T, double p) {
  return std::fabs(T - Tc) < bandTemperature && std::fabs(p - pc) < bandPressure;
}

const WaterTable& WaterTable::shared() {
  static const WaterTable table;
  return table;
}

WaterTable::WaterTable() : m_impl(std::make_unique<Impl>()) {}
WaterTable::~WaterTable() = default;

WaterTableState WaterTable::at(double T, double p) const { return m_impl->at(T, p, -1); }

WaterTableState WaterTable::at(double T, double p, WaterPhase onSaturation) const {
  if (onSaturation == WaterPhase::Supercritical)
    throw RecoverableError("water table: the phase on the saturation curve must be liquid or "
                           "vapour");
  return m_impl->at(T, p, static_cast<int>(onSaturation));
}

double WaterTable::saturationPressure(double T) const {
  if (!(T >= Tmin && T <= Tc))
    throw RecoverableError("water table: saturation pressure at T = " + formatNumber(T) +
                           " K is outside 273.15-647.096 K");
  double ps, dps, win;
  m_impl->sat.eval(T, ps, dps, win);
  return ps;
}

void WaterTable::buildAll() const {
  for (const RegionGrid& g : m_impl->regions)
    for (int iT = 0; iT < g.nT; ++iT)
      for (int iZ = 0; iZ < g.nZ; ++iZ) m_impl->tile(g, iT, iZ);
}

WaterTable::Statistics WaterTable::statistics() const {
  Statistics s;
  std::lock_guard<std::mutex> lock(m_impl->statsMutex);
  s.tilesBuilt = m_impl->tilesBuilt;
  for (const RegionGrid& g : m_impl->regions) s.tilesTotal += static_cast<std::size_t>(g.nT) * g.nZ;
  s.cells = m_impl->cells;
  s.stateEvaluations = m_impl->evaluations.load();
  s.bytes = m_impl->bytes + (m_impl->sat.p.size() * 3) * sizeof(double);
  s.worstCheckOutsideBand = m_impl->worstOutside;
  s.worstCheckInsideBand = m_impl->worstInside;
  return s;
}

}  // namespace proscale
