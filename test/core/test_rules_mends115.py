"""Dev-failure mends of rule round 23 (the blind lines of batch 27 that were not planned exactly).

1. "..., where excavator 1 loads truck 2 first and truck 1 after it" loaded truck 2 only: truck 1's loading was
   dropped without a word (its next step waited only for its move). The "there" that the "where" clause adds after
   the loaded robot ("loads truck 2 there first") stood between the robot and its "first", which then no longer
   listed the trucks in order. It still does, as it did without "where" (rule 24: one loading per truck, chained).
2. "Once truck 1 is there, rock 2 is open again for everyone, but puddle 1 stays closed" (after "all robots keep away
   from puddle 1 and rock 2") put up a second keep-out of puddle 1, with nothing lifting it in between: a place said
   to stay closed ("stays / remains / is still closed", lexicon ``keepout_persist_words`` and
   ``keepout_still_words``) while the keep-out said before still holds for those robots is that keep-out, no step.
   Said of a place no keep-out closes yet ("Puddle 1 stays closed."), it is still the keep-out.
3. "Two of the trucks ... whichever truck is left just heads home" sent the two trucks home (after their dumping):
   "whichever <robot> is left", "the <robot> that is left (over)" is "the remaining <robot>", a group of its own apart
   from those named before (rule 19; lexicon ``leftover_leads``, ``leftover_after_lead``, ``leftover_after_the``), as
   "the remaining truck" already was. Read as the bare "truck", it was the trucks named last.
4. "..., so I don't want any truck near rock 1 during that work. Excavator 3 drives to rock 1 and breaks it up; once
   it has arrived, dump trucks 1, 2 and 3 keep away from rock 1" put up two keep-outs of rock 1 for the same three
   trucks, the first from the start (and the trucks' later moves waited for it too). A keep-out said with no timing
   of its own, that nothing waits for yet, said again with a timing for the same robots and places before any
   lifting, is that keep-out said again (as a work step said again is): the earlier one is dropped. Said again with
   no timing ("First, nobody goes near rock 2: keep all robots away from it"), the first stays as it was.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, ALA, AV, AVA, D1, D2, D3, DIG, DUMP, E1, E2, LOAD, RA, TA, R, T, assert_plan, task

# -- finding 1: "where <excavator> loads <truck> first and <truck> after it" loads both, in that order ---------------


@pytest.mark.parametrize("text", [
    "Excavator 1 digs at soil 1. Then trucks 1 and 2 drive to soil 1, where excavator 1 loads truck 2 first and "
    "truck 1 after it. Truck 2 dumps at puddle 1, and truck 1 dumps at puddle 2.",
    "Excavator 1 digs at soil 1, after which dump trucks 1 and 2 head to soil 1, where it fills dump truck 2 first "
    "and dump truck 1 after it. Truck 2 dumps at puddle 1, and truck 1 dumps at puddle 2.",
])
def test_where_loads_one_first_and_the_other_after_it(fleet, world, text):
    assert_plan(text, fleet, world,
                task("m", T, [E1], ["soil1"]), task("d", DIG, [E1], [], deps=["m"]),
                task("t", T, [D1, D2], ["soil1"], deps=["d"]),
                task("l2", LOAD, [E1], [], deps=["t"]), task("l1", LOAD, [E1], [], deps=["l2"]),
                task("p", T, [D2], ["puddle1"], deps=["l2"]), task("u", DUMP, [D2], [], deps=["p"]),
                task("q", T, [D1], ["puddle2"], deps=["l1"]), task("v", DUMP, [D1], [], deps=["q"]))


def test_where_loads_in_place_one_first_and_the_other_after_it(fleet, world):
    assert_plan("Excavator 2 is already at rock 1 and digs right where it is. Trucks 1 and 2 then go to rock 1, "
                "where excavator 2 loads truck 1 first and truck 2 after it. Truck 1 returns to base, and truck 2 "
                "returns to base too.",
                fleet, world,
                task("d", DIG, [E2], []), task("t", T, [D1, D2], ["rock1"], deps=["d"]),
                task("l1", LOAD, [E2], [], deps=["t"]), task("l2", LOAD, [E2], [], deps=["l1"]),
                task("r1", R, [D1], [], deps=["l1"]), task("r2", R, [D2], [], deps=["l2"]))


# -- finding 2: a place said to stay closed under a keep-out that still holds adds no keep-out ---------------------


@pytest.mark.parametrize("text", [
    "All robots keep away from puddle 1 and rock 2. Truck 1 goes to soil 1. Once truck 1 is there, rock 2 is open "
    "again for everyone, but puddle 1 stays closed. Finally, everyone returns to start.",
    "Everybody avoids puddle 1 and rock 2 for now. Truck 1 goes to soil 1. When it has arrived, rock 2 opens up "
    "again for all robots while puddle 1 remains closed. Finally, everyone returns to start.",
    "All robots keep away from puddle 1 and rock 2. Truck 1 goes to soil 1. Once it is there, rock 2 is open again "
    "for everyone. Puddle 1 is still closed. Finally, everyone returns to start.",
])
def test_a_place_that_stays_closed_is_the_keepout_already_up(fleet, world, text):
    assert_plan(text, fleet, world,
                task("k", AVA, [], ["puddle1", "rock2"]), task("m", T, [D1], ["soil1"], deps=["k"]),
                task("o", ALA, [], ["rock2"], deps=["m"]), task("r", RA, [], [], deps=["o"]))


def test_a_place_that_stays_closed_for_the_robots_it_was_closed_to(fleet, world):
    assert_plan("Truck 2 keeps away from puddle 2 and rock 1. Truck 2 goes to soil 2. Once it is there, rock 1 is "
                "open again for truck 2, but puddle 2 stays closed to it.", fleet, world,
                task("k", AV, [D2], ["puddle2", "rock1"]), task("m", T, [D2], ["soil2"], deps=["k"]),
                task("o", AL, [D2], ["rock1"], deps=["m"]))


def test_a_place_said_to_stay_closed_with_no_keepout_up_is_the_keepout(fleet, world):
    assert_plan("Truck 1 goes to soil 1. Puddle 1 stays closed.", fleet, world,
                task("m", T, [D1], ["soil1"]), task("k", AVA, [], ["puddle1"]))


# -- finding 3: "whichever truck is left" / "the truck that is left" is the remaining truck --------------------------


@pytest.mark.parametrize("text", [
    "Two trucks go to soil 1 and then to puddle 1. Whichever truck is left goes home.",
    "Two trucks go to soil 1 and then to puddle 1. The truck that is left goes home.",
    "Two trucks go to soil 1 and then to puddle 1. The truck left over just returns to base.",
    "Two trucks go to soil 1 and then to puddle 1, and whichever truck remains heads back to start.",
])
def test_the_truck_that_is_left_is_the_remaining_truck(fleet, world, text):
    assert_plan(text, fleet, world,
                task("a", T, [], ["soil1"], types=[("dump_truck", 2)]),
                task("b", T, [], ["puddle1"], deps=["a"], types=[("dump_truck", 2)]),
                task("r", R, [], [], types=[("dump_truck", 1)]))


def test_whichever_excavator_is_left_after_an_anchor(fleet, world):
    assert_plan("Everyone meets at rock 2 first. Then two of the excavators dig at soil 2, and whichever excavator "
                "is left checks puddle 2 once the meeting is over.", fleet, world,
                task("m", TA, [], ["rock2"]),
                task("a", T, [], ["soil2"], deps=["m"], types=[("excavator", 2)]),
                task("d", DIG, [], [], deps=["a"], types=[("excavator", 2)]),
                task("c", T, [], ["puddle2"], deps=["m"], types=[("excavator", 1)]))



# -- finding 4: a keep-out said first as a wish and then again, timed, for the same robots is one keep-out -----------


def test_a_wished_keepout_said_again_with_its_timing_is_one_keepout(fleet, world):
    assert_plan("Soil 2 is unstable, so I don't want any truck near it while it is being dug. Excavator 2 goes to "
                "soil 2 and digs there; once it has arrived, trucks 1, 2 and 3 keep clear of soil 2. When excavator 2 "
                "has finished digging, lift the keep-out for the trucks. Then truck 3 goes to soil 2.", fleet, world,
                task("m", T, [E2], ["soil2"]), task("d", DIG, [E2], [], deps=["m"]),
                task("k", AV, [D1, D2, D3], ["soil2"], deps=["m"]),
                task("o", AL, [D1, D2, D3], ["soil2"], deps=["d", "k"]),
                task("t", T, [D3], ["soil2"], deps=["o"]))


def test_a_keepout_said_again_after_a_move_it_gates_stays_two(fleet, world):
    """The first keep-out already gates a move said between: it holds from the start, and stays."""
    assert_plan("I don't want any truck near soil 2. Truck 1 goes to puddle 1. Once it is there, trucks 1, 2 and 3 "
                "keep clear of soil 2.", fleet, world,
                task("k", AV, [], ["soil2"], types=[("dump_truck", 3)]),
                task("m", T, [D1], ["puddle1"], deps=["k"]),
                task("k2", AV, [D1, D2, D3], ["soil2"], deps=["m"]))


def test_a_keepout_said_again_with_no_timing_keeps_the_first(fleet, world):
    assert_plan("First, nobody goes near rock 2: keep all robots away from it. Truck 1 goes to soil 1.", fleet, world,
                task("k", AVA, [], ["rock2"]), task("m", T, [D1], ["soil1"], deps=["k"]))
