"""Ctrl-C and SIGTERM end a recording or a replay cleanly instead of killing it.

A bag is only complete once closed (mcap summary, metadata.yaml); a recorder killed by the
default SIGTERM action or a KeyboardInterrupt raised mid-write leaves a truncated bag. So
the command-line entry points turn both signals into a stop request that the loops check.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

__all__ = ["stop_on_signals"]


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[threading.Event]:
    """Set ``stop`` on SIGINT/SIGTERM inside the block (main thread only; elsewhere a no-op).

    A second Ctrl-C while stopping restores the previous handler's behaviour (usually
    KeyboardInterrupt), so a wedged stop can still be forced.
    """
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return
    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def handler(signum: int, frame: FrameType | None) -> None:
        if stop.is_set():
            sig = signal.Signals(signum)
            signal.signal(sig, previous[sig])
            signal.raise_signal(sig)
            return
        stop.set()

    for sig in previous:
        signal.signal(sig, handler)
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
