#pragma once
namespace proscale {
inline constexpr const char* kVersion = "0.1.0";
}
