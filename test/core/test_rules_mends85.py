"""Mends of helper M85: misreadings found on instructions in the DART-LLM task style and plain prose about
keep-outs (fleet-wide and for some robots, set at the start, mid-job, "while" or "until" something happens, lifted
later) and fleet-wide returns.

1. "Excavator 1 goes to soil 1 and digs, then loads dump truck 2, which has driven to soil 1." dropped truck 2's
   move without a word: the relative clause in the bare perfect was read as a report of where the truck already
   stands. Every robot starts at its start place, and a relative perfect said of a robot the sentence's work
   reaches is timed by that work (it has driven there by the time it is loaded): a move, as "which has driven
   there in the meantime" is. "which has already gone there" (a report word between) stays a report.
2. "Until excavator 3 has dug at soil 2, the trucks keep away from soil 2. ... Then dump truck 3 goes to soil 2."
   sent the truck into a place still closed to it (no lifting made; with "dump truck 3 avoids soil 2" the plan was
   refused): only an "until" said after its keep-out was remembered as the keep-out's end. Said before it, at the
   head of the sentence, it ends the keep-out just the same, and a later move into the place waits for the lifting.
3. "The trucks keep away from soil 1. Excavator 2 goes to soil 1 and digs. Then the trucks may enter soil 1 again"
   made the lifting wait for the keep-out too, where "After that, ..." and "Once it is done, ..." did not: "then"
   with a new subject is after every step still open, and the keep-out, which nothing waits for yet, was one. A
   keep-out that holds from the start adds no edge to its lifting (README rule 26); with nothing else to wait
   for ("The trucks keep away from soil 1. Then they may enter it again") the lifting still follows it.
4. "The rest of the fleet keeps away from soil 1 while excavator 1 digs there." kept excavator 1 out too (and
   the plan was refused when it went there): with no robot named before, "the rest" was every robot. Said before
   any robot, it is the rest of the robots its own "while" / "until" clause names by number.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, RA, T, assert_plan, task

# -- finding 1: "..., which has driven to soil 1" is a move told against the loading --------------------------------

_LOADED_AFTER_ARRIVING = (task("m", T, [E1, D2], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                          task("l", LOAD, [E1], [], deps=["g"]))


@pytest.mark.parametrize("relative", [
    "which has driven to soil 1",
    "which has moved to soil 1",
    "which has driven there",
    "which has come to soil 1",
])
def test_a_bare_perfect_relative_of_the_loaded_truck_is_its_move(fleet, world, relative):
    assert_plan(f"Excavator 1 goes to soil 1 and digs, then loads dump truck 2, {relative}.", fleet, world,
                *_LOADED_AFTER_ARRIVING)


def test_the_relative_move_in_a_job_with_a_fleet_wide_keepout(fleet, world):
    assert_plan("Excavator 1 inspects puddle 1, after which all robots avoid puddle 1. Then excavator 1 goes to soil 1 "
                "and digs, and loads dump truck 2, which has driven to soil 1. Dump truck 2 then dumps at rock 1. "
                "Finally, all robots return to start.", fleet, world,
                task("i", T, [E1], ["puddle1"]), task("a", AVA, [], ["puddle1"], deps=["i"]),
                task("m", T, [E1], ["soil1"], deps=["a"]), task("g", DIG, [E1], [], deps=["m"]),
                task("t", T, [D2], ["soil1"]), task("l", LOAD, [E1], [], deps=["g", "t"]),
                task("r", T, [D2], ["rock1"], deps=["l"]), task("d", DUMP, [D2], [], deps=["r"]),
                task("h", RA, [], [], deps=["d"]))


def test_already_keeps_the_relative_a_report(fleet, world):
    assert_plan("Excavator 1 goes to soil 1 and digs, then loads dump truck 1, which has already gone there.",
                fleet, world, task("m", T, [E1], ["soil1"]), task("g", DIG, [E1], [], deps=["m"]),
                task("l", LOAD, [E1], [], deps=["g"]))


# -- finding 2: "Until X, <robots> keep away from Y" ends the keep-out as "... until X" does --------------------------

_UNTIL_DUG = (task("a", AV, [], ["soil2"], types=[("dump_truck", 3)]), task("m", T, [E3], ["soil2"]),
              task("g", DIG, [E3], [], deps=["m"]),
              task("u", AL, [], ["soil2"], deps=["g"], types=[("dump_truck", 3)]),
              task("t", T, [D3], ["soil2"], deps=["a", "u"]), task("l", LOAD, [E3], [], deps=["t"]))


@pytest.mark.parametrize("text", [
    "The trucks keep away from soil 2 until excavator 3 has dug there. Excavator 3 goes to soil 2 and digs. Then "
    "dump truck 3 goes to soil 2 and excavator 3 loads it.",
    "Until excavator 3 has dug at soil 2, the trucks keep away from soil 2. Excavator 3 goes to soil 2 and digs. "
    "Then dump truck 3 goes to soil 2 and excavator 3 loads it.",
    "Excavator 3 goes to soil 2 and digs. Until it is done, the trucks keep away from soil 2. Then dump truck 3 goes "
    "to soil 2 and excavator 3 loads it.",
])
def test_a_fronted_until_ends_the_keepout_of_a_type(fleet, world, text):
    assert_plan(text, fleet, world, *_UNTIL_DUG)


@pytest.mark.parametrize("keepout", [
    "Until excavator 3 is done, dump truck 3 avoids soil 2.",
    "Until excavator 3 has finished digging, dump truck 3 keeps away from soil 2.",
])
def test_a_fronted_until_ends_the_keepout_of_a_robot(fleet, world, keepout):
    assert_plan(f"Excavator 3 goes to soil 2 and digs. {keepout} Then dump truck 3 goes to soil 2.", fleet, world,
                task("m", T, [E3], ["soil2"]), task("g", DIG, [E3], [], deps=["m"]),
                task("a", AV, [D3], ["soil2"]), task("u", AL, [D3], ["soil2"], deps=["g"]),
                task("t", T, [D3], ["soil2"], deps=["a", "u"]))


def test_a_fronted_until_ends_a_keepout_of_the_rest_of_the_fleet(fleet, world):
    rest = [E1, "robot_excavator_02", D1, D2, D3]
    assert_plan("Excavator 3 inspects soil 2. Until excavator 3 has finished inspecting, the rest of the fleet keeps "
                "away from soil 2. Then dump truck 3 goes to soil 2 and gets loaded by excavator 3. Finally, every "
                "robot returns to start.", fleet, world,
                task("i", T, [E3], ["soil2"]), task("a", AV, rest, ["soil2"]),
                task("u", AL, rest, ["soil2"], deps=["i"]), task("t", T, [D3], ["soil2"], deps=["a", "u"]),
                task("l", LOAD, [E3], [], deps=["t"]), task("h", RA, [], [], deps=["l"]))


# -- finding 3: "Then <robots> may enter X again" after a keep-out from the start waits for the work only -----------

@pytest.mark.parametrize("lift", [
    "Then the trucks may enter soil 1 again",
    "Then lift the keep-out for the trucks",
    "Then soil 1 is opened again for the trucks",
    "After that, the trucks may enter soil 1 again",
])
def test_then_lifts_a_start_keepout_after_the_work_alone(fleet, world, lift):
    assert_plan(f"The trucks keep away from soil 1. Excavator 2 goes to soil 1 and digs. {lift}, and dump truck 1 "
                "drives to soil 1.", fleet, world,
                task("a", AV, [], ["soil1"], types=[("dump_truck", 3)]), task("m", T, [E2], ["soil1"]),
                task("g", DIG, [E2], [], deps=["m"]),
                task("u", AL, [], ["soil1"], deps=["g"], types=[("dump_truck", 3)]),
                task("t", T, [D1], ["soil1"], deps=["a", "u"]))


def test_then_lifts_a_named_robots_start_keepout_after_the_work_alone(fleet, world):
    assert_plan("Dump truck 1 keeps away from soil 1 until excavator 2 has finished digging there. Excavator 2 goes to "
                "soil 1 and digs. Then dump truck 1 may enter soil 1 and drives there.", fleet, world,
                task("a", AV, [D1], ["soil1"]), task("m", T, [E2], ["soil1"]), task("g", DIG, [E2], [], deps=["m"]),
                task("u", AL, [D1], ["soil1"], deps=["g"]), task("t", T, [D1], ["soil1"], deps=["a", "u"]))


def test_a_lifting_with_nothing_else_to_wait_for_follows_its_keepout(fleet, world):
    assert_plan("The trucks keep away from soil 1. Then the trucks may enter soil 1 again.", fleet, world,
                task("a", AV, [], ["soil1"], types=[("dump_truck", 3)]),
                task("u", AL, [], ["soil1"], deps=["a"], types=[("dump_truck", 3)]))


def test_a_keepout_put_up_mid_job_is_still_waited_for(fleet, world):
    assert_plan("Excavator 2 goes to soil 1. Then the trucks keep away from soil 1. Excavator 2 digs. Then the trucks "
                "may enter soil 1 again.", fleet, world,
                task("m", T, [E2], ["soil1"]), task("a", AV, [], ["soil1"], deps=["m"], types=[("dump_truck", 3)]),
                task("g", DIG, [E2], [], deps=["m"]),
                task("u", AL, [], ["soil1"], deps=["a", "g"], types=[("dump_truck", 3)]))


# -- finding 4: "the rest of the fleet keeps away ... while excavator 1 digs there" leaves out excavator 1 -----------

@pytest.mark.parametrize("rest", ["The rest of the fleet keeps", "Everyone else keeps", "The other robots keep"])
def test_the_rest_before_any_robot_is_the_rest_of_the_robots_its_anchor_names(fleet, world, rest):
    others = ["robot_excavator_02", E3, D1, D2, D3]
    assert_plan(f"{rest} away from soil 1 while excavator 1 digs there. Excavator 1 goes to soil 1 and digs. Once it "
                "has finished, the others may enter soil 1 again, and dump truck 3 goes to soil 1.", fleet, world,
                task("a", AV, others, ["soil1"]), task("m", T, [E1], ["soil1"]),
                task("g", DIG, [E1], [], deps=["m"]), task("u", AL, others, ["soil1"], deps=["a", "g"]),
                task("t", T, [D3], ["soil1"], deps=["u"]))


def test_the_rest_after_a_robot_is_still_the_rest_of_it(fleet, world):
    others = [E1, E3, D1, D2, D3]
    assert_plan("Excavator 2 goes to soil 2. The rest of the fleet keeps away from soil 2 until dump truck 1 has "
                "dumped at puddle 1. Dump truck 1 dumps at puddle 1.", fleet, world,
                task("m", T, ["robot_excavator_02"], ["soil2"]), task("a", AV, others, ["soil2"]),
                task("p", T, [D1], ["puddle1"], deps=["a"]), task("d", DUMP, [D1], [], deps=["p"]))
