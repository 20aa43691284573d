"""Mends of helper M107: a site engineer's day plan told in time order ("First thing in the morning, ...",
"By mid-morning, ...", "Before lunch, ...", "Later on, ...").

1. A time of the day said at the start of a sentence joins like "finally" (convention 25), but only some were
   known ("in the afternoon", "around noon", "after lunch"): "By mid-morning, truck 2 goes to soil 1", "Later on,
   ...", "Before lunch, ...", "At lunchtime, ...", "Later in the morning, ..." sent the truck at once (merged with
   the excavator's move to the same place), and "Before lunch, once the excavator is done, ..." was refused
   ("'lunch' is not a skill"). Said after a step, "before lunch" / "by noon" stay a deadline with no step to wait
   for, and "checked obstacle 2 before lunch" stays a report. "After the lunch break, ..." waited for one step only
   (the anchor "after" with "the lunch break" as the event): it joins like "After lunch".

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import ALA, AVA, D2, D3, DIG, DUMP, E3, LOAD, RA, T, assert_plan, task

# -- finding 1: a time of the day at the start of a sentence joins like "finally" ----------------------------------

_OPENING = "Excavator 3 goes to soil 1 and digs there, and truck 3 checks rock 1. "


@pytest.mark.parametrize("time", [
    "By mid-morning,", "Mid-morning,", "Later on,", "Before lunch,", "By lunchtime,", "At lunchtime,",
    "Later in the morning,", "Later that morning,", "In the late morning,", "By noon,", "By the afternoon,",
    "Towards the end of the shift,",
    # more of the same, found in the second round
    "By the end of the morning,", "At the end of the morning,", "After the lunch break,", "After the midday break,",
    "Mid-afternoon,", "By mid-afternoon,", "Early afternoon,", "Late afternoon,", "In the early afternoon,",
    "Just before lunch,", "Right before lunch,", "Shortly before noon,", "Towards noon,", "Come afternoon,",
    "By late morning,", "Before the end of the shift,",
])
def test_a_time_of_day_at_the_start_of_a_sentence_waits_for_all_open_work(fleet, world, time):
    assert_plan(_OPENING + time + " truck 2 goes to soil 1 and the excavator loads it.", fleet, world,
                task("m", T, [E3], ["soil1"]), task("g", DIG, [E3], [], deps=["m"]),
                task("c", T, [D3], ["rock1"]),
                task("t", T, [D2], ["soil1"], deps=["g", "c"]), task("l", LOAD, [E3], [], deps=["t"]))


def test_before_lunch_with_an_anchor_is_read(fleet, world):
    assert_plan("First thing in the morning, everyone keeps away from puddle 2. Excavator 3 goes to rock 2 and "
                "breaks it up. Before lunch, once the excavator is done, the keep-out around puddle 2 is lifted. "
                "In the afternoon, truck 2 goes to rock 2, excavator 3 loads it, and the truck dumps the rubble at "
                "obstacle 2. At the end of the shift, everyone heads home.", fleet, world,
                task("k", AVA, [], ["puddle2"]), task("m", T, [E3], ["rock2"], deps=["k"]),
                task("g", DIG, [E3], [], deps=["m"]), task("a", ALA, [], ["puddle2"], deps=["g"]),
                task("t", T, [D2], ["rock2"], deps=["a"]), task("l", LOAD, [E3], [], deps=["t"]),
                task("t2", T, [D2], ["obstacle2"], deps=["l"]), task("d", DUMP, [D2], [], deps=["t2"]),
                task("r", RA, [], [], deps=["d"]))


@pytest.mark.parametrize("deadline", ["before lunch", "by noon", "by lunchtime", "before the end of the shift",
                                      "by mid-afternoon"])
def test_a_time_of_day_after_a_step_stays_a_deadline(fleet, world, deadline):
    assert_plan(f"Truck 2 goes to puddle 1 and truck 3 checks rock 1 {deadline}.", fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", T, [D3], ["rock1"]))
