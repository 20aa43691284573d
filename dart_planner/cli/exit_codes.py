"""Exit codes of the ``dart-planner`` command, stable so scripts can branch on them."""

import enum


class ExitCode(enum.IntEnum):
    OK = 0
    FAILURE = 1
    """An unexpected internal error."""
    USAGE = 2
    """Bad command-line usage (typer/click's own code)."""
    INVALID_PLAN = 3
    """The plan parsed but is not executable for this fleet and world."""
    MALFORMED_PLAN = 4
    """The plan file is not JSON or does not have the plan structure."""
    CONFIG_ERROR = 5
    """A configuration file is missing or invalid."""
    RUN_FAILED = 6
    """A plan was executed but did not succeed."""
    PLANNING_FAILED = 7
    """The language layer could not produce a valid plan."""
    REJUDGE_DIFFERS = 8
    """``replay --rejudge``: the current code's plans, assignments or outcomes differ from the bag's."""
