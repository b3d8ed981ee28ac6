#!/usr/bin/env bash
# Quick start: set up (install missing packages, build), then run the flagship case.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
build/bin/proscale run cases/baso4_batch.yaml -o results/baso4_batch
