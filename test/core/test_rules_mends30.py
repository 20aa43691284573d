"""Mends of helper T (session 30): dependencies between clauses whose subtasks were read right.

1. "Truck 1 checks puddle 2 while excavator 2 digs at soil 1. Once truck 1 is done, all robots avoid puddle 2, and
   then truck 1 returns to start." made the return wait for excavator 2's digging too (also ". Then truck 1 goes to
   rock 1", ", after which truck 1 returns", and a keep-out for some robots, "trucks 2 and 3 avoid puddle 2, and then
   truck 1 returns"; dev L2_134): the keep-out has no robots of the clause after it, so that clause's "then" was read
   as a new subject's "then", after everything still open. A keep-out that waited for work said before it is a point
   in time: "then" after it is after it (and the robots' own chains), not after other crews' work. A keep-out kept
   alongside work going on ("while it digs, trucks 2 and 3 keep away from soil 1. Then ...") is no such point: what
   follows it still waits for that work.
2. A haul said without its tipping (rule 23: "truck 2 takes the load to rock 2") and then a step of other robots:
   "After that, everyone avoids rock 2" (also "Then ...", ", after which ...", "Then trucks 1 and 3 keep away from rock
   2", "After that / Finally, excavator 3 goes back to start") waited for the truck's drive, not for its tipping: the
   tipping was made only at the end (or when the truck did something else), in case a clause of its own still said
   it. A clause of other robots said "then" / "after that" / "finally" comes after the haul, so the tipping is made
   before it; the truck's own next clause ("Then it dumps it", "Then the truck unloads") still says it itself.
3. (Found with the sentences above; not an edge.) "The trucks then dump at puddle 1 and puddle 2 respectively." sent
   both trucks to puddle 2 (also "trucks 1 and 2 dump at ... respectively"): a tipping took only the last place. Now
   "respectively" pairs each truck with its place, as for moves and digging; several places with no pairing ("trucks
   1 and 2 dump at puddle 1 and puddle 2") are refused, naming the places, rather than dropping all but the last.
4. (Found with the sentences above; a keep-out that should not be.) "Truck 1 must not leave soil 2 before excavator 2
   has loaded it." kept truck 1 out of soil 2, where it stood, and made a loading wait for that keep-out (also "does
   not leave soil 2", "never leaves soil 2"): a negated move was read as a keep-out of its place, but the place of a
   verb of leaving (``departure_verbs``) is where the robot is. Not leaving is a wait, no step and no keep-out: it is
   refused, naming the clause. "must not leave for soil 1 until ..." is still a move that waits.
5. "Excavator 2 goes to rock 2 and breaks it up. Truck 2 goes to rock 2 after that and gets loaded by excavator 2."
   sent truck 2 along with excavator 2 at once (one move, no wait for the breaking; also ", and gets loaded",
   "afterwards and gets loaded", "after that and then dumps at puddle 1", "goes to obstacle 1 after that and then to
   puddle 1"): a trailing "after that" / "afterwards" was read as the clause's opener only at the end of its sentence.
   It now also is before "and" and a verb of the same robots, or "and then"; not before ", and once ..." (a clause of
   its own, test_rules_round15 keeps that reading).
6. (Found with keep-out sentences; silent wrong work.) "Keep excavator 1 out of soil 2 and truck 1 out of puddle 1."
   sent truck 1 TO soil 2 (also "excavator 1 avoids soil 2 and truck 1 puddle 1" and "trucks 1 and 2 keep away from
   rock 1, and excavator 3 from rock 2" sent the robot to the place, "let excavator 1 into soil 2 again and truck 1
   into puddle 1" too): a conjunct with a robot and a place and no verb took the verb before it only when that was a
   move, dig or dump, else a bare move. After keep-out changes only, the verb left out is that change; not for a
   place said as a goal ("all robots avoid puddle 2 - excavator 1 to soil 1", test_rules_round7).

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task
from test_rules_mends13 import _problems

# -- finding 1: "then" after a timed keep-out is after the keep-out ----------------------------------------------------

_CHECK_AND_DIG = "Truck 1 checks puddle 2 while excavator 2 digs at soil 1. Once truck 1 is done, "


@pytest.mark.parametrize("tail", [
    "all robots avoid puddle 2, and then truck 1 returns to start.",
    "all robots avoid puddle 2, after which truck 1 returns to start.",
    "all robots avoid puddle 2. Then truck 1 returns to start.",
    "all robots avoid puddle 2. After that, truck 1 returns to start.",
])
def test_then_after_a_fleet_keep_out_is_after_it_not_after_other_work(fleet, world, tail):
    assert_plan(_CHECK_AND_DIG + tail, fleet, world,
                task("m", T, [D1], ["puddle2"]), task("n", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["n"]),
                task("k", AVA, [], ["puddle2"], deps=["m"]), task("r", R, [D1], deps=["k"]))


def test_then_after_a_keep_out_for_some_robots_is_after_it(fleet, world):
    assert_plan(_CHECK_AND_DIG + "trucks 2 and 3 avoid puddle 2, and then truck 1 returns to start.", fleet, world,
                task("m", T, [D1], ["puddle2"]), task("n", T, [E2], ["soil1"]), task("d", DIG, [E2], deps=["n"]),
                task("k", AV, [D2, D3], ["puddle2"], deps=["m"]), task("r", R, [D1], deps=["k"]))


def test_then_after_a_keep_out_after_both_inspections(fleet, world):
    assert_plan("Excavator 1 inspects puddle 1 and dump truck 2 inspects rock 2. Meanwhile, excavator 2 goes to soil 2 "
                "and digs. After both inspections, all robots avoid puddle 1 and rock 2, and then excavator 1 and dump "
                "truck 2 go to obstacle 1.", fleet, world,
                task("a", T, [E1], ["puddle1"]), task("b", T, [D2], ["rock2"]),
                task("n", T, [E2], ["soil2"]), task("d", DIG, [E2], deps=["n"]),
                task("k", AVA, [], ["puddle1", "rock2"], deps=["a", "b"]),
                task("g", T, [E1, D2], ["obstacle1"], deps=["k"]))


def test_then_after_a_keep_out_kept_while_digging_still_waits_for_the_digging(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. While it digs, trucks 2 and 3 keep away from soil 1. Then truck 1 drives "
                "to soil 1 and excavator 1 loads it.", fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("k", AV, [D2, D3], ["soil1"]), task("t", T, [D1], ["soil1"], deps=["d", "k"]),
                task("l", LOAD, [E1], deps=["t"]))


# -- finding 2: a haul's tipping comes before what is said after the haul ---------------------------------------------

_HAUL = "Excavator 3 digs at soil 2 and loads truck 2. Truck 2 takes the load to rock 2"


def _haul(*after):
    return (task("m", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["m"]), task("l", LOAD, [E3], deps=["d"]),
            task("h", T, [D2], ["rock2"], deps=["l"]), task("t", DUMP, [D2], deps=["h"])) + after


@pytest.mark.parametrize("tail", [
    ". After that, everyone avoids rock 2.",
    ". Then everyone avoids rock 2.",
    ", after which all robots avoid rock 2.",
])
def test_a_fleet_keep_out_after_a_haul_waits_for_the_tipping(fleet, world, tail):
    assert_plan(_HAUL + tail, fleet, world, *_haul(task("k", AVA, [], ["rock2"], deps=["t"])))


def test_a_keep_out_for_some_robots_after_a_haul_waits_for_the_tipping(fleet, world):
    assert_plan(_HAUL + ". Then trucks 1 and 3 keep away from rock 2.", fleet, world,
                *_haul(task("k", AV, [D1, D3], ["rock2"], deps=["t"])))


@pytest.mark.parametrize("tail", [
    ". After that, excavator 3 goes back to start.",
    ", and then excavator 3 returns to start.",
    ". Finally excavator 3 returns to start.",
])
def test_another_robots_step_after_a_haul_waits_for_the_tipping(fleet, world, tail):
    assert_plan(_HAUL + tail, fleet, world, *_haul(task("r", R, [E3], deps=["t"])))


@pytest.mark.parametrize("tail", [". Then it dumps it.", ". Then the truck unloads.", " and then dumps it there."])
def test_the_trucks_own_tipping_after_a_haul_is_the_one_tipping(fleet, world, tail):
    assert_plan(_HAUL + tail, fleet, world, *_haul())


# -- finding 3: "dump at A and B respectively" -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Truck 1 goes to soil 1 and truck 2 goes to soil 2. The trucks then dump at puddle 1 and puddle 2 respectively.",
    "Truck 1 goes to soil 1 and truck 2 goes to soil 2. Trucks 1 and 2 then dump at puddle 1 and puddle 2 "
    "respectively.",
])
def test_trucks_dump_at_places_respectively(fleet, world, text):
    assert_plan(text, fleet, world, task("a", T, [D1], ["soil1"]), task("b", T, [D2], ["soil2"]),
                task("p", T, [D1], ["puddle1"], deps=["a"]), task("q", T, [D2], ["puddle2"], deps=["b"]),
                task("x", DUMP, [D1], deps=["p"]), task("y", DUMP, [D2], deps=["q"]))


def test_trucks_dump_at_several_places_unpaired_is_refused_naming_them(fleet, world):
    problems = _problems("Truck 1 goes to soil 1 and truck 2 goes to soil 2. Then trucks 1 and 2 dump at puddle 1 "
                         "and puddle 2.", fleet, world)
    assert any("puddle1, puddle2" in p and "which truck" in p for p in problems), problems


# -- finding 4: "must not leave X" is no keep-out of X -----------------------------------------------------------------


@pytest.mark.parametrize("text, said", [
    ("Truck 1 must not leave soil 2 before excavator 2 has loaded it.", "truck 1 must not leave soil 2"),
    ("Truck 1 goes to soil 2. Excavator 2 digs at soil 2. Truck 1 must not leave soil 2 until excavator 2 has loaded "
     "it. Then truck 1 dumps at rock 1.", "truck 1 must not leave soil 2"),
    ("Truck 1 goes to soil 2. Truck 1 does not leave soil 2.", "truck 1 does not leave soil 2"),
    ("Truck 1 never leaves soil 2.", "truck 1 never leaves soil 2"),
])
def test_not_leaving_a_place_is_refused_not_a_keep_out(fleet, world, text, said):
    problems = _problems(text, fleet, world)
    assert any(repr(said) in p and "not leaving" in p for p in problems), problems


def test_not_leaving_for_a_place_until_is_still_a_waiting_move(fleet, world):
    assert_plan("Excavator 1 digs at soil 1. Truck 2 does not leave for soil 1 until the digging is done.", fleet,
                world, task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("t", T, [D2], ["soil1"], deps=["d"]))


# -- finding 5: a trailing "after that" before a conjunct ------------------------------------------------------------

_BREAK = "Excavator 2 goes to rock 2 and breaks it up. "


@pytest.mark.parametrize("tail", [
    "Truck 2 goes to rock 2 after that and gets loaded by excavator 2.",
    "Truck 2 goes to rock 2 after that, and gets loaded by excavator 2.",
    "Truck 2 goes to rock 2 afterwards and gets loaded.",
    "Truck 2 goes to rock 2 after that and is loaded.",
])
def test_trailing_after_that_before_a_loading_times_the_move(fleet, world, tail):
    assert_plan(_BREAK + tail, fleet, world, task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["m"]),
                task("t", T, [D2], ["rock2"], deps=["d"]), task("l", LOAD, [E2], deps=["t"]))


def test_trailing_after_that_before_and_then(fleet, world):
    assert_plan(_BREAK + "Truck 2 goes to obstacle 1 after that and then to puddle 1.", fleet, world,
                task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["m"]),
                task("a", T, [D2], ["obstacle1"], deps=["d"]), task("b", T, [D2], ["puddle1"], deps=["a"]))
    assert_plan(_BREAK + "Truck 2 goes to rock 2 after that and then dumps at puddle 1.", fleet, world,
                task("m", T, [E2], ["rock2"]), task("d", DIG, [E2], deps=["m"]),
                task("a", T, [D2], ["rock2"], deps=["d"]), task("b", T, [D2], ["puddle1"], deps=["a"]),
                task("x", DUMP, [D2], deps=["b"]))


# -- finding 6: a verbless conjunct after a keep-out is a keep-out -------------------------------------------------


@pytest.mark.parametrize("text", [
    "Keep excavator 1 out of soil 2 and truck 1 out of puddle 1.",
    "Excavator 1 avoids soil 2 and truck 1 puddle 1.",
    "Excavator 1 must stay out of soil 2, truck 1 out of puddle 1.",
])
def test_a_verbless_conjunct_after_a_keep_out_keeps_out(fleet, world, text):
    assert_plan(text, fleet, world, task("a", AV, [E1], ["soil2"]), task("b", AV, [D1], ["puddle1"]))


def test_a_verbless_conjunct_after_from_keeps_out_of_its_own_place(fleet, world):
    assert_plan("Trucks 1 and 2 keep away from rock 1, and excavator 3 from rock 2.", fleet, world,
                task("a", AV, [D1, D2], ["rock1"]), task("b", AV, [E3], ["rock2"]))


def test_a_verbless_conjunct_after_a_lifting_lifts(fleet, world):
    assert_plan("Let excavator 1 into soil 2 again and truck 1 into puddle 1.", fleet, world,
                task("a", AL, [E1], ["soil2"]), task("b", AL, [D1], ["puddle1"]))
