#pragma once
// Physical constants, CODATA 2018 exact SI values.
namespace proscale::constants {
inline constexpr double kB = 1.380649e-23;       // Boltzmann constant [J/K]
inline constexpr double NA = 6.02214076e23;      // Avogadro constant [1/mol]
inline constexpr double R = kB * NA;             // molar gas constant [J/(mol K)]
inline constexpr double pi = 3.14159265358979323846;
inline constexpr double elementaryCharge = 1.602176634e-19;  // elementary charge [C]
inline constexpr double eps0 = 8.8541878128e-12;  // vacuum permittivity [F/m] (CODATA 2018, not exact)
}  // namespace proscale::constants
