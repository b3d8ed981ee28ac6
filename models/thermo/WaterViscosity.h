#pragma once
// Dynamic viscosity of liquid water at atmospheric pressure. docs/theory/solution-thermodynamics.md.
namespace proscale {

/// mu_w [Pa s] at T [K], liquid water at 0.1 MPa, 0-150 degC.
double waterViscosity(double T);

}  // namespace proscale
