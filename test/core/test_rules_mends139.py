"""Mends of helper M139: dev lines of blind batch 30 (L3_788, L3_791, L3_793, L3_795) not planned exactly, read
with sentences of this session's own that show the same constructions.

1. "Two trucks go to soil 1, and the remaining truck goes to rock 1. Then excavator 1 loads both those trucks."
   sent the remaining truck to soil 1 as well and loaded it: "both" before a demonstrative or article and a robot
   noun ("both those trucks", "both of the trucks") was read as the pronoun "both" (the two groups named last)
   beside a plural "those trucks"; it is one robot phrase, "both trucks", the group of two.
2. "Excavator 3 digs at soil 2, and excavator 1 stays away from both puddles. Meanwhile ... Once excavator 3 has dug,
   ..." dropped the whole first sentence (the digging and the keep-out): the places of a keep-out said by their count
   ("both puddles") made it a sentence that tells the job ahead, which the later ones spell out. A place kept out of
   is no work: only the places of work count.

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AV, D1, D3, DIG, E1, E2, E3, LOAD, T, assert_plan, task

# -- finding 1: "both those trucks" is one robot phrase -------------------------------------------------------------

_PAIR = [("dump_truck", 2)]
_ONE = [("dump_truck", 1)]


@pytest.mark.parametrize("verb", ["loads", "fills up"])
@pytest.mark.parametrize("both", ["both those trucks", "both the trucks", "both of those trucks",
                                  "both of the trucks", "both these trucks"])
def test_both_before_a_demonstrative_is_the_group_of_two(fleet, world, verb, both):
    assert_plan(f"Excavator 1 digs at soil 1. Meanwhile two trucks go to soil 1, and the remaining truck goes to "
                f"rock 1. Once the digging is done, excavator 1 {verb} {both}.", fleet, world,
                task("m", T, ["robot_excavator_01"], ["soil1"]), task("d", DIG, ["robot_excavator_01"], deps=["m"]),
                task("p", T, objs=["soil1"], types=_PAIR), task("r", T, objs=["rock1"], types=_ONE),
                task("l", LOAD, ["robot_excavator_01"], deps=["d", "p"]))


def test_both_those_trucks_move_as_the_pair(fleet, world):
    assert_plan("Two trucks go to soil 1, and another truck goes to rock 1. After that, both those trucks go to "
                "rock 2.", fleet, world,
                task("p", T, objs=["soil1"], types=_PAIR), task("r", T, objs=["rock1"], types=_ONE),
                task("q", T, objs=["rock2"], types=_PAIR, deps=["p", "r"]))


# -- finding 2: a keep-out of places said by their count tells no job ahead -----------------------------------------

def test_a_counted_keep_out_in_the_opening_sentence_is_an_order(fleet, world):
    assert_plan("Excavator 3 digs at soil 2, and excavator 1 stays away from both puddles. Meanwhile truck 1 goes to "
                "soil 2 and excavator 1 digs at soil 1. Once excavator 3 has dug, it loads truck 1.", fleet, world,
                task("m3", T, [E3, D1], ["soil2"]), task("d3", DIG, [E3], deps=["m3"]),
                task("k", AV, [E1], ["puddle1", "puddle2"]),
                task("m1", T, [E1], ["soil1"], deps=["k"]), task("d1", DIG, [E1], deps=["m1"]),
                task("l", LOAD, [E3], deps=["d3"]))  # the truck's move is excavator 3's (rule 17)


def test_a_keep_out_of_the_two_places_in_the_opening_sentence_is_an_order(fleet, world):
    assert_plan("Excavator 2 digs at rock 1, and for now truck 3 keeps away from the two obstacles. Meanwhile truck 3 "
                "goes to rock 1 and excavator 1 digs at soil 2. Once excavator 2 has dug, it loads truck 3.",
                fleet, world,
                task("m2", T, [E2], ["rock1"]), task("d2", DIG, [E2], deps=["m2"]),
                task("k", AV, [D3], ["obstacle1", "obstacle2"]), task("mt", T, [D3], ["rock1"], deps=["k"]),
                task("m1", T, [E1], ["soil2"]), task("d1", DIG, [E1], deps=["m1"]),
                task("l", LOAD, [E2], deps=["d2", "mt"]))
