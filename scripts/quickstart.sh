#!/usr/bin/env bash
# Quick start: set up (install missing packages, build), then run the flagship case, the
# supercritical CeO2 flagship and the nanoparticle dispersion case.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build/bin/proscale run cases/baso4_batch.yaml -o results/baso4_batch
build/bin/proscale run cases/ceo2_supercritical_flow.yaml -o results/ceo2_supercritical_flow
build/bin/proscale run cases/np_dispersion_solvents.yaml -o results/np_dispersion_solvents
