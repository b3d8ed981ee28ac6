#!/usr/bin/env bash
# Installs the Debian 12 packages proscale needs (only those missing), then configures and
# builds proscale (Release) into build/. Idempotent; run as root on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build pkg-config
  libsundials-dev petsc-dev openmpi-bin libeigen3-dev libboost-dev libvtk9-dev libyaml-cpp-dev catch2
  pybind11-dev python3-pybind11 python3-dev python3-numpy python3-matplotlib python3-vtk9
  python3-scipy libcli11-dev nlohmann-json3-dev
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" > /tmp/proscale-apt.log \
    || { cat /tmp/proscale-apt.log; exit 1; }
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPython3_EXECUTABLE=/usr/bin/python3 \
  > build-configure.log 2>&1 || { cat build-configure.log; exit 1; }
rm -f build-configure.log
cmake --build build -j "$(nproc)"
echo "setup: proscale built at build/bin/proscale"
