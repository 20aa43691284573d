"""Mends of helper M103: misreadings of the published DART-LLM task style (each gave a plan, no error, and the plan
was wrong).

1. "Dump truck 2 takes its load to puddle 1 and unloads it. By then, excavator 1 returns to start." read "by then"
   as "then": the return waited for the tipping. "By then" (lexicon ``by_then_connectives``) says the robot's step is
   done by the time of the step before, so it runs alongside it; a keep-out change said with "by then" ("By then,
   excavator 2 and dump truck 2 may enter soil 2 again") still waits for that step, as before.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, D2, D3, DIG, DUMP, E1, E3, R, T, assert_plan, task

# -- finding 1: "by then" runs a robot's step alongside the step before -------------------------------------------

_DUMP = [task("m", T, [D2], ["puddle1"]), task("d", DUMP, [D2], [], deps=["m"])]


@pytest.mark.parametrize("text, after", [
    ("Dump truck 2 takes its load to puddle 1 and unloads it. By then, excavator 1 returns to start.",
     [task("r", R, [E1], [])]),
    ("Excavator 1 goes to soil 1 and digs. Dump truck 2 goes to puddle 1 and unloads. By then, excavator 1 returns "
     "to start.", [task("e", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["e"]),
                   task("r", R, [E1], [], deps=["g"])]),
    ("Dump truck 2 goes to puddle 1 and unloads there. By then, excavator 3 heads to soil 1 and digs there.",
     [task("e", T, [E3], ["soil1"]), task("g", DIG, [E3], [], deps=["e"])]),
])
def test_by_then_runs_a_robot_step_alongside(fleet, world, text, after):
    assert_plan(text, fleet, world, *_DUMP, *after)


@pytest.mark.parametrize("text, keep_out, lifting", [
    ("Excavator 1 and dump truck 3 keep away from soil 1 for now. Dump truck 2 goes to puddle 1 and unloads there. "
     "By then, excavator 1 and dump truck 3 may enter soil 1 again.",
     [task("k", AV, [E1, D3], ["soil1"])], task("a", AL, [E1, D3], ["soil1"], deps=["d"])),
    ("Dump truck 2 goes to puddle 1 and unloads there. By then, soil 1 is open to all robots again.",
     [], task("a", ALA, [], ["soil1"], deps=["d"])),
])
def test_by_then_still_times_a_lifting_after_the_step_before(fleet, world, text, keep_out, lifting):
    assert_plan(text, fleet, world, *keep_out, *_DUMP, lifting)
