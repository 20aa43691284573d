#!/usr/bin/env bash
# Install dart_planner with its test, ROS and ML extras, then run the whole test suite:
# lint (ruff), type check of the package (mypy) and pytest (core, ROS graph, launch, packaging,
# and the model-backed tests of the detector and the local-LLM backend).
# EXTRAS=test,ros ./scripts/test.sh skips the ~6 GB ML extra; its tests then skip with a reason.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTRAS="${EXTRAS:-test,ros,ml}" "$ROOT/scripts/setup_env.sh"
# shellcheck disable=SC1091
. "${VENV:-$ROOT/.venv}/bin/activate"
cd "$ROOT"
ruff check dart_planner test
mypy dart_planner
# Each test run gets its own ROS domain and stays on this machine.
export ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST
export ROS_DOMAIN_ID="${ROS_DOMAIN_ID:-$(( (RANDOM % 100) + 100 ))}"
# pytest exits 5 when it collects no test: that is a failure here too (set -e).
python -m pytest "$@"
