#!/usr/bin/env bash
# Install dart_planner and run the main job offline on the embedded defaults: an L2
# instruction is planned by the built-in rules planner, allocated to the fleet and executed
# in the built-in simulator; the run report lands in runs/demo/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/scripts/setup_env.sh"
# shellcheck disable=SC1091
. "${VENV:-$ROOT/.venv}/bin/activate"
cd "$ROOT"
INSTRUCTION="${1:-Dump truck 1 inspects puddle 1, then all robots avoid puddle 1. Meanwhile excavator 1 and dump truck 2 go to soil 1; the excavator digs and loads the truck, then the truck dumps the soil at rock 2.}"
dart-planner run "$INSTRUCTION" --out runs/demo --gif "${@:2}"
