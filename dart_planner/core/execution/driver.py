"""A minimal loop that steps a simulation and the engine until plans finish.

The engine is event-driven but needs ``tick()`` for timeouts; something must also advance
whatever produces events (a simulator's ``step``, a test double). This helper is that loop,
bounded in time so a stuck plan ends the run instead of hanging it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .engine import ExecutionEngine

__all__ = ["run_until_done"]


def run_until_done(
    engine: ExecutionEngine,
    step: Callable[[], object],
    max_time: float,
    *,
    clock: Callable[[], float],
    plan_ids: Iterable[str] | None = None,
) -> bool:
    """Call ``step()`` then ``engine.tick()`` until the plans finish or ``clock()`` passes
    ``max_time``. Returns True when every plan (default: all plans) finished.
    """
    wanted = tuple(plan_ids) if plan_ids is not None else None

    def done() -> bool:
        if wanted is None:
            return engine.all_finished()
        return all(engine.is_finished(p) for p in wanted)

    engine.tick()
    while not done():
        if clock() > max_time:
            return False
        step()
        engine.tick()
    return True
