#pragma once
// Files appear complete or not at all: every writer produces `<target>.tmp-<pid>-<n>` in the
// target's directory and renames it over the target (rename(2) is atomic within a file
// system). A reader, or an earlier result, never sees a half-written file, even if the run is
// killed. The temporary file is not fsync'ed: this protects against interrupted processes, not
// against power loss.
#include <filesystem>
#include <functional>
#include <ostream>

namespace proscale {

/// Opens the temporary file as a stream, lets `body` write into it, closes it and renames it
/// to `target`. If `body` throws, the temporary file is removed, `target` is left as it was,
/// and the exception propagates. Throws Error ("cannot write '<target>': <strerror>") when the
/// file cannot be opened, written, closed or renamed. The directory must already exist.
void writeFileAtomically(const std::filesystem::path& target,
                         const std::function<void(std::ostream&)>& body);

/// The same for writers that want a file name rather than a stream (for example VTK's): `writer`
/// must create the file at the temporary path it is given. If it throws, or leaves no file,
/// nothing replaces `target`.
void writePathAtomically(const std::filesystem::path& target,
                         const std::function<void(const std::filesystem::path&)>& writer);

}  // namespace proscale
