"""Mends of helper M89: misreadings found with instructions written as a site engineer's message (goal first, reasons
given, varied time connectives, a closing fleet-wide step).

1. "Only after that may the fleet use rock 2 again" and "only once it has dug may the fleet use rock 2 again" were
   refused (every robot sent into rock 2 while it was closed): the inverted permission word was left in the anchor
   (or swallowed by the connective "only after that can"), so the lifting was read as a move. The permission word is
   the main clause's now, and "only after that can truck 3 go to puddle 1" stays a move that waits.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AVA, D3, DIG, E3, T, assert_plan, task

_KEPT = "Everybody keeps away from rock 2 for now. Excavator 3 heads to soil 1 and digs. "


# -- finding 1: an inverted permission after an anchor lifts the keep-out ------------------------------------------

@pytest.mark.parametrize("tail", [
    "Only after that may the fleet use rock 2 again.",
    "Only after that can the fleet use rock 2 again.",
    "Only once it has dug may the fleet use rock 2 again.",
    "Only when it has finished may the robots enter rock 2 again.",
    "Only after that may the fleet use rock 2.",
])
def test_an_inverted_permission_after_an_anchor_lifts_the_keep_out(fleet, world, tail):
    assert_plan(_KEPT + tail, fleet, world,
                task("k", AVA, [], ["rock2"]), task("m", T, [E3], ["soil1"], deps=["k"]),
                task("d", DIG, [E3], [], deps=["m"]), task("a", ALA, [], ["rock2"], deps=["d"]))


def test_an_inverted_modal_before_a_move_stays_a_move_that_waits(fleet, world):
    assert_plan("Excavator 3 heads to soil 1 and digs. Only after that can truck 3 go to puddle 1.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("d", DIG, [E3], [], deps=["m"]),
                task("t", T, [D3], ["puddle1"], deps=["d"]))
