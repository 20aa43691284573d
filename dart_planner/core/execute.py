"""Execution of task graphs: the public face of :mod:`dart_planner.core.execution`.

>>> from dart_planner.core.execute import ExecutionEngine, ExecutionJournal, SubtaskState
"""

from .execution import *  # noqa: F403 - a facade re-exports the package's public API
from .execution import __all__  # noqa: F401
