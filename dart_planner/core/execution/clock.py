"""Clocks the engine can run on.

The engine never reads the wall clock itself: it calls the ``clock`` it was given. Real
deployments pass ``time.monotonic`` (immune to wall-clock jumps); the simulator and tests
pass a :class:`ManualClock` that advances with simulated time, so timeouts and timestamps
are in sim seconds and runs are reproducible.
"""

from __future__ import annotations

import threading

__all__ = ["ManualClock"]


class ManualClock:
    """A clock that moves only when told to; callable like ``time.monotonic``.

    >>> c = ManualClock(10.0)
    >>> c.advance(2.5)
    12.5
    >>> c()
    12.5
    """

    def __init__(self, start: float = 0.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self._now

    def advance(self, dt: float) -> float:
        if dt < 0:
            raise ValueError(f"a clock cannot go back (dt={dt})")
        with self._lock:
            self._now += dt
            return self._now

    def set(self, now: float) -> None:
        with self._lock:
            if now < self._now:
                raise ValueError(f"a clock cannot go back ({now} < {self._now})")
            self._now = float(now)
