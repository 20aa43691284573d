"""Mends of helper M56: misreadings of instructions in a site supervisor's voice (lower case, run-on, numbers as
words, "ok so"), written before the planner saw them.

1. "trucks one and two keep away from puddle two until excavator one is done digging at soil two, excavator one goes
   to soil two and digs, after that ..." crashed (KeyError in the dependency reduction): the "until" clause made
   excavator 1's digging, the next clause said it again and the first one was dropped (a restated step), but the
   wait that "after that" (and the keep-out's end) took on the dropped one stayed. A wait for a step dropped as
   said again is now a wait for the step said in its place.
2. In the same sentence the lifting waited for the keep-out as well as for the digging: the "until" clause's own
   steps, made before the keep-out, made it look put up mid-job. A keep-out "until X" that waits for nothing, with
   only keep-outs said before it, holds from the start: its lifting waits for what its clause names (rule 26).
3. "... after that the trucks can go near puddle two again" lifted the keep-out after the keep-out itself and the
   digging (every open end), while "... can enter puddle 2 again" waited for the digging only: a move verb with a
   permission and "again" is a lifting, and "after that" puts it after the step just said, as it does a keep-out
   verb (rule 26: a start keep-out adds no edge to its lifting).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, DIG, E1, T, assert_plan, task

# -- finding 1: a wait for a step dropped as said again is a wait for the later one ---------------------------------


@pytest.mark.parametrize("text", [
    "truck one keeps away from puddle two until excavator one is done digging at soil two, excavator one goes to "
    "soil two and digs, after that truck one goes to soil two",
    "Truck 1 keeps away from puddle 2 until excavator 1 has dug at soil 2. Excavator 1 goes to soil 2 and digs. "
    "After that, truck 1 goes to soil 2.",
])
def test_a_wait_on_a_restated_digging(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AV, [D1], ["puddle2"]), task("m", T, [E1], ["soil2"]),
                task("d", DIG, [E1], deps=["m"]), task("t", T, [D1], ["soil2"], deps=["a", "d"]))


# -- findings 1 and 2: the lifting of a keep-out "until X" said first waits for X only -------------------------------

_UNTIL = ("ok so trucks one and two keep away from puddle two until excavator one is done digging at soil two, "
          "excavator one goes to soil two and digs, ")


@pytest.mark.parametrize("text", [
    _UNTIL + "after that the trucks can go near puddle two again and truck one goes to soil two",
    _UNTIL + "once it's done the trucks can go near puddle two again and truck one goes to soil two",
    _UNTIL + "after that trucks one and two may enter puddle two again and truck one goes to soil two",
])
def test_the_lifting_of_an_until_keepout_said_first(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AV, [D1, D2], ["puddle2"]), task("m", T, [E1], ["soil2"]),
                task("d", DIG, [E1], deps=["m"]), task("l", AL, [D1, D2], ["puddle2"], deps=["d"]),
                task("t", T, [D1], ["soil2"], deps=["a", "l"]))


# -- finding 3: "after that, <robots> can go near X again" is after the step just said --------------------------------

_KEEP = "Trucks 1 and 2 keep away from puddle 2. Excavator 1 goes to soil 2 and digs. "


@pytest.mark.parametrize("text", [
    _KEEP + "After that, the trucks can go near puddle 2 again.",
    _KEEP + "After that, they can go near puddle 2 again.",
    "trucks one and two keep away from puddle two, excavator one goes to soil two and digs, after that the trucks can "
    "go near puddle two again",
])
def test_can_go_near_again_after_that(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", AV, [D1, D2], ["puddle2"]), task("m", T, [E1], ["soil2"]),
                task("d", DIG, [E1], deps=["m"]), task("l", AL, [D1, D2], ["puddle2"], deps=["d"]))
