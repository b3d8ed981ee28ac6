// The Jacobian of a compartment network and its Jacobian-vector products: the zones' own
// arrows placed into the network's (border zone after zone, classes interleaved), the flows'
// terms, the outflow accumulator's rows; and the products formed zone by zone without the
// network-wide border (docs/theory/compartment-networks.md, "One system, one Jacobian"). The
// right-hand side and the flows are in CompartmentNetwork.cpp.
#include <algorithm>

#include "models/units/CompartmentNetwork.h"

namespace proscale {

void CompartmentNetwork::addJacobianRemainderTimes(double t, std::span<const double> y,
                                                   std::span<const double> v,
                                                   std::span<double> Jv) {
  const std::size_t size = m_zoneBorder + m_zoneBand;
  m_zoneV.resize(size);
  m_zoneJv.resize(size);
  for (std::size_t z = 0; z < m_zones.size(); ++z) {
    gather(z, y);
    for (std::size_t k = 0; k < size; ++k) m_zoneV[k] = v[global(z, k)];
    std::fill(m_zoneJv.begin(), m_zoneJv.end(), 0.0);
    m_zones[z].vessel->addJacobianRemainderTimes(t, m_zones[z].y, m_zoneV, m_zoneJv);
    for (std::size_t k = 0; k < size; ++k) Jv[global(z, k)] += m_zoneJv[k];
  }
}

bool CompartmentNetwork::prepareJacobianProducts(double t, std::span<const double> y) {
  m_productTime = t;
  bool finite = true;
  for (std::size_t z = 0; z < m_zones.size(); ++z) {
    Zone& zone = m_zones[z];
    gather(z, y);
    zone.vessel->zoneJacobian(t, zone.y, *m_zoneJacobian, dilution(z, t));
    finite = zone.rows.assign(*m_zoneJacobian) && finite;
    zone.productY = zone.y;
  }
  return finite;
}

void CompartmentNetwork::jacobianTimes(std::span<const double> v, std::span<double> Jv) {
  const double t = m_productTime;
  for (std::size_t z = 0; z < m_zones.size(); ++z) {
    Zone& zone = m_zones[z];
    zone.v.resize(zone.y.size());
    zone.Jv.resize(zone.y.size());
    for (std::size_t k = 0; k < zone.v.size(); ++k) zone.v[k] = v[global(z, k)];
    zone.rows.multiply(zone.v, zone.Jv);
    zone.vessel->addJacobianRemainderTimes(t, zone.productY, zone.v, zone.Jv);
  }
  addFlowTerms(t, &Zone::v, &Zone::Jv);  // the flows are linear in the state: J v is f's part
  for (std::size_t z = 0; z < m_zones.size(); ++z)
    for (std::size_t k = 0; k < m_zones[z].Jv.size(); ++k) Jv[global(z, k)] = m_zones[z].Jv[k];
  outflowRates(t, v, Jv);  // linear too
}

void CompartmentNetwork::jacobian(double t, std::span<const double> y, std::span<const double>,
                                  JacobianSink& sink) {
  BorderedBandJacobian& J = sink.arrow();
  J.setZero();
  BorderedBandJacobian& local = *m_zoneJacobian;
  const std::size_t bz = m_zoneBorder, n = m_zoneBand;
  const BorderedBandShape& s = local.shape();
  // Zone z's border unknown i is global border z bz + i, its class j global class j Z + z
  // (global() less the border offset): the blocks are copied entry by entry into place, the
  // band's always inside the network's band (lower and upper are Z times the zone's, plus Z-1).
  const std::size_t Z = m_zones.size();
  for (std::size_t z = 0; z < Z; ++z) {
    gather(z, y);
    m_zones[z].vessel->zoneJacobian(t, m_zones[z].y, local, dilution(z, t));
    const std::size_t b0 = z * bz;
    for (std::size_t i = 0; i < bz; ++i)
      for (std::size_t j = 0; j < bz; ++j) J.D(b0 + i, b0 + j) += local.D(i, j);
    for (std::size_t i = 0; i < bz; ++i) {
      const std::span<double> row = J.borderRow(b0 + i);
      for (std::size_t j = 0; j < n; ++j) row[j * Z + z] += local.R(i, j);
    }
    for (std::size_t j = 0; j < bz; ++j) {
      const std::span<double> column = J.borderColumn(b0 + j);
      for (std::size_t i = 0; i < n; ++i) column[i * Z + z] += local.C(i, j);
    }
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t j = i >= s.lower ? i - s.lower : 0; j <= std::min(n - 1, i + s.upper); ++j)
        if (const double v = local.B(i, j); v != 0.0) J.B(i * Z + z, j * Z + z) += v;
  }
  for (const Link& l : m_links) {
    const double a = flow(l, t) / volume(l.to, t);
    for (std::size_t k : m_carried.transported) J.add(global(l.to, k), global(l.from, k), a);
    if (n == 0) continue;
    J.add(global(l.to, m_carried.washedNumber), global(l.from, m_carried.lostNumber), -a);
    for (std::size_t k = bz; k < bz + n; ++k)
      J.add(global(l.to, m_carried.washedNumber), global(l.from, k), -a);
    for (std::size_t k = 0; k < m_carried.solidWeights.size(); ++k)
      if (m_carried.solidWeights[k] != 0.0)
        J.add(global(l.to, m_carried.washedVolume), global(l.from, k), -a * m_carried.solidWeights[k]);
  }
  if (m_outflowSize == 0) return;
  const double a = outflow(t) / volume(m_outlet, t);
  const std::size_t nf = m_zones.front().vessel->point().fluidSize();
  for (std::size_t j = 0; j < nf; ++j) J.add(m_outflowIndex + j, global(m_outlet, j), a);
  if (m_outflowSize == nf) return;
  for (std::size_t k = 0; k < m_carried.solidWeights.size(); ++k)
    if (m_carried.solidWeights[k] != 0.0)
      J.add(m_outflowIndex + nf, global(m_outlet, k), a * m_carried.solidWeights[k]);
}

}  // namespace proscale
