#pragma once
// Physical dimension as integer exponents of the SI base units used by proscale.
#include <array>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace proscale {

class Dimension {
 public:
  // Order of the exponents: metre, kilogram, second, kelvin, mole, ampere.
  static constexpr std::size_t kBaseCount = 6;
  using Exponents = std::array<std::int8_t, kBaseCount>;

  constexpr Dimension() = default;
  constexpr explicit Dimension(Exponents e) : m_exp(e) {}

  constexpr const Exponents& exponents() const { return m_exp; }
  constexpr bool isDimensionless() const {
    for (auto e : m_exp)
      if (e != 0) return false;
    return true;
  }
  /// Largest |exponent| of one base unit; products, quotients and powers beyond it throw
  /// std::overflow_error instead of wrapping the 8-bit exponents (m^64*m^64 is not a length).
  static constexpr int kMaxExponent = 99;

  constexpr Dimension operator*(const Dimension& o) const {
    Exponents e{};
    for (std::size_t i = 0; i < kBaseCount; ++i) e[i] = checked(long{m_exp[i]} + o.m_exp[i]);
    return Dimension(e);
  }
  constexpr Dimension operator/(const Dimension& o) const {
    Exponents e{};
    for (std::size_t i = 0; i < kBaseCount; ++i) e[i] = checked(long{m_exp[i]} - o.m_exp[i]);
    return Dimension(e);
  }
  constexpr Dimension pow(int p) const {
    Exponents e{};
    for (std::size_t i = 0; i < kBaseCount; ++i) e[i] = checked(long{m_exp[i]} * p);  // fits 64 bits
    return Dimension(e);
  }
  constexpr bool operator==(const Dimension& o) const { return m_exp == o.m_exp; }
  constexpr bool operator!=(const Dimension& o) const { return !(*this == o); }

  /// SI spelling, e.g. "m^2/s", "mol/m^3", "1" for dimensionless.
  std::string toString() const;

 private:
  static constexpr std::int8_t checked(long e) {
    if (e > kMaxExponent || e < -kMaxExponent)
      throw std::overflow_error("a unit exponent beyond +-99");
    return static_cast<std::int8_t>(e);
  }
  Exponents m_exp{};
};

/// Named dimensions used in parameter declarations.
namespace dim {
inline constexpr Dimension none{};
inline constexpr Dimension length{{1, 0, 0, 0, 0, 0}};
inline constexpr Dimension mass{{0, 1, 0, 0, 0, 0}};
inline constexpr Dimension time{{0, 0, 1, 0, 0, 0}};
inline constexpr Dimension temperature{{0, 0, 0, 1, 0, 0}};
inline constexpr Dimension amount{{0, 0, 0, 0, 1, 0}};
inline constexpr Dimension current{{0, 0, 0, 0, 0, 1}};
inline constexpr Dimension area = length * length;
inline constexpr Dimension volume = area * length;
inline constexpr Dimension frequency = none / time;           // 1/s (also rpm)
inline constexpr Dimension velocity = length / time;          // m/s
inline constexpr Dimension concentration = amount / volume;   // mol/m^3
inline constexpr Dimension numberDensity = none / volume;     // 1/m^3
inline constexpr Dimension energy = mass * area / (time * time);  // J
inline constexpr Dimension power = energy / time;             // W
inline constexpr Dimension pressure = mass / (length * time * time);  // Pa
inline constexpr Dimension molarEnergy = energy / amount;     // J/mol
inline constexpr Dimension molarMass = mass / amount;         // kg/mol
inline constexpr Dimension molarVolume = volume / amount;     // m^3/mol
inline constexpr Dimension density = mass / volume;           // kg/m^3
inline constexpr Dimension surfaceEnergy = energy / area;     // J/m^2
inline constexpr Dimension diffusivity = area / time;         // m^2/s
inline constexpr Dimension viscosity = pressure * time;       // Pa s
}  // namespace dim

}  // namespace proscale
