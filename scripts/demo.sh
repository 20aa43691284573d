#!/usr/bin/env bash
# Install dart_planner and run the main job offline on the embedded defaults.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup_env.sh"
# shellcheck disable=SC1091
. "${VENV:-$ROOT/.venv}/bin/activate"
cd "$ROOT"
dart-planner plan --plan-file config/examples/L2_01_dig_load_haul.json "$@"
