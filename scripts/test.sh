#!/usr/bin/env bash
# Install dart_planner with its test and ROS extras, then run the whole test suite:
# lint (ruff), type check of the core (mypy) and pytest (core, ROS graph, launch, packaging).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXTRAS="${EXTRAS:-test,ros}" "$ROOT/scripts/setup_env.sh"
# shellcheck disable=SC1091
. "${VENV:-$ROOT/.venv}/bin/activate"
cd "$ROOT"
ruff check dart_planner test
mypy dart_planner/core
# Each test run gets its own ROS domain and stays on this machine.
export ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST
export ROS_DOMAIN_ID="${ROS_DOMAIN_ID:-$(( (RANDOM % 100) + 100 ))}"
# pytest exits 5 when it collects no test: that is a failure here too (set -e).
python -m pytest "$@"
