#pragma once
// Internal to proscale_output: a ParaView time series as a collection of pieces,
//   <dir>/<stem>.pvd                  one DataSet entry per output time
//   <dir>/<stem>/<stem>_<NNNN>.vtr    the pieces, <NNNN> the output-time index zero-padded
//                                     to at least four digits.
// Shared by the size-distribution pieces (VtkWriter.h) and a tube's axial fields
// (VtkAxialWriter.h).
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace proscale {

/// Error unless `stem` is a plain file name (no '/', not "." or "..").
void checkStem(const std::filesystem::path& dir, const std::string& stem);
/// `<stem>_<index>.vtr`, index zero-padded to `digits`.
std::string pieceName(const std::string& stem, std::size_t index, std::size_t digits);
/// The digits of <NNNN> for `count` pieces: at least four.
std::size_t pieceDigits(std::size_t count);
/// Writes the .pvd (atomically) for the pieces 0 .. times.size() - 1.
void writeCollection(const std::filesystem::path& target, const std::string& stem,
                     const std::vector<double>& times, std::size_t digits);
/// Removes the pieces `<stem>_<digits>.vtr` numbered `count` or higher in `pieceDir` (left by
/// an earlier, longer run).
void removeStalePieces(const std::filesystem::path& pieceDir, const std::string& stem,
                       std::size_t count);

}  // namespace proscale
