"""Dev-failure mends, round 22 (batch 26 lines written blind).

1. "Trucks 2 and 3 keep away from rock 1 while the rock is being broken up": the passive "is being broken up" after
   "while" was read as one more step of the robots named last, and the plan refused ("no robot among trucks 2 and 3
   can dig"). Like "while the trucks work", a clause of "while" that only says a place is being worked on is a time
   frame for the clause before it: no step, no robot. Said "from the start", the keep-out holds from the start all
   the same (rule 26): its lifting waits only for what its own clause names, not for the keep-out.
2. "Once the rock is broken up, the truck, which by then is waiting at soil 1, comes over to rock 1": the "then" of
   "by then" ("by that time") cut the clause as a sequence, so the move lost its wait for the digging. Between a robot
   and "is waiting at", "by then" is no order of steps (opening a sentence, "By then, ..." still is).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, E1, E2, T, assert_plan, task

# -- finding 1: "while <place> is being worked on" is a time frame, no step -------------------------------------------


@pytest.mark.parametrize("frame", ["while the rock is being broken up", "while rock 1 is being dug",
                                   "while it is being broken up", "whilst the rocks are being broken up"])
def test_while_a_place_is_being_dug_is_no_step(fleet, world, frame):
    assert_plan(f"From the start, dump trucks 2 and 3 keep away from rock 1 {frame}. Excavator 1 goes to rock 1 and "
                "breaks it up. When excavator 1 is done, the keep-out for trucks 2 and 3 is lifted.", fleet, world,
                task("k", AV, [D2, D3], ["rock1"]),
                task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("l", AL, [D2, D3], ["rock1"], deps=["d"]))


def test_while_a_place_is_being_dug_after_a_move(fleet, world):
    assert_plan("Excavator 2 goes to soil 1 and digs. Dump truck 1 waits at obstacle 1 while soil 1 is being dug.",
                fleet, world,
                task("m", T, [E2], ["soil1"]), task("d", DIG, [E2], [], deps=["m"]),
                task("w", T, [D1], ["obstacle1"]))


# -- finding 2: "by then" is no "then" ---------------------------------------------------------------------------------


@pytest.mark.parametrize("aside", ["which by then is waiting at soil 1", "which is waiting at soil 1 by then"])
def test_by_then_in_a_relative_keeps_the_wait(fleet, world, aside):
    assert_plan(f"A dump truck goes to soil 1. Meanwhile, excavator 1 heads to rock 1 and breaks it up. Once the rock "
                f"is broken up, the truck, {aside}, comes over to rock 1.", fleet, world,
                task("a", T, [], ["soil1"], types=[("dump_truck", 1)]),
                task("m", T, [E1], ["rock1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("b", T, [], ["rock1"], deps=["a", "d"], types=[("dump_truck", 1)]))
