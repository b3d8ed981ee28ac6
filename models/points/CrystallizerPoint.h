#pragma once
// The point model of the `crystallization` model: a molecular solute at concentration c with a
// solubility c*(T[, w]) (SoluteSolubility.h), a driving force sigma in the definition the case
// chooses (Supersaturation.h), and empirical nucleation, growth and growth-rate dispersion
// (EmpiricalKinetics.h). Equations and conventions: docs/theory/crystallizer-chemistry.md.
//
// Fluid unknowns, both per m^3 of suspension so that feeds and outflow mix them linearly:
//   c    solute concentration [mol/m^3]          dc/dt   = -R / V_m
//   phi  solid volume fraction [m^3/m^3]         dphi/dt = +R
// with R the solid volume formed [m^3/(m^3 s)] (the representation's exact rate of change of
// its discrete solid, dispersion included) and V_m = M / rho_c, so c V_m + phi is conserved to
// round-off in a batch. phi is carried because secondary nucleation needs the suspension
// density M_T = rho_c phi while the processes see only the fluid unknowns.
// Arguments of the rates (ParticleProcesses): a = 0 sigma, a = 1 phi. The rates hand their
// slopes over in RateAndSlopes::dLnS (d/d sigma) and dLnC (d/d phi): the fields' names are the
// solution chemistry's; here they hold these two partial derivatives.
#include <memory>
#include <vector>

#include "core/Schema.h"
#include "models/particles/EmpiricalKinetics.h"
#include "models/points/PointModel.h"
#include "models/thermo/SoluteSolubility.h"

namespace proscale {

/// The driving force and the rates at one fluid state.
struct CrystallizerRates {
  double cStar = 0.0;  ///< c* [mol/m^3]
  Supersaturation s;
  double phi = 0.0;    ///< solid volume fraction [m^3/m^3]
  double temperature = 0.0;  ///< T [K]
  SigmaRate primary, secondary;  ///< B_p, B_s [1/(m^3 s)]
};

class CrystallizerPoint final : public PointModel {
 public:
  /// The case sections read here: solution, solid, nucleation, growth, aggregation, breakage.
  static std::vector<ParamSpec> sections();
  /// A feed's composition: its solute `concentration` (particle-free, phi = 0).
  static void addFeedKeys(Schema& feed);
  /// `at`: the vessel's conditions (InputError at reactor.temperature outside the solubility's
  /// range); `viscosity` [Pa s] for the Brownian aggregation kernels.
  CrystallizerPoint(const Parameters& root, const PointConditions& at, double viscosity);

  // PointModel
  std::size_t fluidSize() const override { return 2; }
  void addFluidBlocks(StateLayout& layout) const override;
  void initialFluid(std::span<double> c0) const override;
  void setInitialSolid(double solidVolume, std::span<double> c0) const override;
  const ParticleInteractions& interactions() const override { return m_interactions; }
  bool sizeDependentGrowth() const override { return m_growth.sizeDependent(); }
  bool growthFluctuates() const override { return m_growth.dispersion() > 0.0; }
  DiffusionForm sizeDiffusionForm() const override { return DiffusionForm::Fickian; }
  ParticleProcesses processes(std::span<const double> c, const PointConditions& at,
                              ArgumentSlopes* slopes) const override;
  void fluidRates(std::span<const double> c, double T, double solidVolumeRate,
                  std::span<double> dc) const override;
  void solidCoupling(std::span<double> perSolidVolume) const override;
  void feedFluid(const Parameters& feed, std::span<double> c) const override;
  /// Solute + particles, (V_m, 0, 1) over (c, phi, solid volume).
  std::vector<std::vector<double>> conservedMoieties() const override {
    return {{molarVolume(), 0.0, 1.0}};
  }
  void registerParameters(ParameterRegistry& registry) override;
  std::vector<SeriesColumn> fluidColumns() const override;
  std::size_t fluidValues(std::span<const double> c, const PointConditions& at, double L,
                          std::span<double> row) const override;
  std::vector<SeriesColumn> productColumns() const override;
  std::size_t productValues(std::span<const double> c, double solidVolume,
                            std::span<const double> c0, double solidVolume0,
                            std::span<double> row) const override;
  /// The solubility's range: the vessel checks every temperature it heads for against it on
  /// input, and the final one of an energy balance in its self-check temperature_in_range.
  std::vector<TemperatureRange> temperatureRanges() const override {
    return {{m_solubility->minTemperature(), m_solubility->maxTemperature(),
             "the range of solution.solubility"}};
  }
  bool depletes() const override { return true; }
  std::vector<Metric> metrics(std::span<const double> c, const PointConditions& at,
                              double solidVolume, std::span<const double> c0, double solidVolume0,
                              double vesselVolume) const override;

  /// sigma and the nucleation rates at fluid state (c, phi) and temperature T [K].
  CrystallizerRates rates(std::span<const double> c, double T) const;
  const SoluteSolubility& solubility() const { return *m_solubility; }
  const EmpiricalGrowth& growth() const { return m_growth; }
  double molarVolume() const { return m_molarMass / m_density; }  ///< V_m = M / rho_c
  /// Solvent mass per m^3 of suspension w [kg/m^3] (0 without solution.density).
  double solventPerVolume() const { return m_solventPerVolume; }
  double initialConcentration() const { return m_c0; }  ///< c0 [mol/m^3]
  double density() const { return m_density; }                    ///< rho_c [kg/m^3]

 private:
  void checkSolubility(const Parameters& solution, double T) const;
  void readBasis(const Parameters& solution);
  /// |phi - solid volume of the particles| / (c0 V_m + phi0): the fluid's account of the solid
  /// against the representation's.
  double massBalanceError(std::span<const double> c, double solidVolume,
                          std::span<const double> c0) const;

  double m_c0 = 0.0;        ///< initial (and feed) solute concentration [mol/m^3]
  double m_solventPerVolume = 0.0;  ///< w [kg solvent / m^3 suspension] (0: no density given)
  double m_fraction = 0.0;  ///< antisolvent mass fraction w [-]
  SupersaturationKind m_kind = SupersaturationKind::Relative;
  std::unique_ptr<SoluteSolubility> m_solubility;
  double m_molarMass = 0.0, m_density = 0.0;  ///< M [kg/mol], rho_c [kg/m^3]
  EmpiricalNucleation m_nucleation;
  EmpiricalGrowth m_growth;
  std::unique_ptr<AggregationKernel> m_kernel;
  ParticleInteractions m_interactions;
};

}  // namespace proscale
