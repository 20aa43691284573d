"""Instructions written for these tests only (none is in the benchmark or the examples), in
varied wording, with the plan the benchmark conventions (bench/data/README.md) prescribe."""

from __future__ import annotations

import pytest
from rules_helpers import (
    AL,
    ALA,
    AV,
    AVA,
    D1,
    D2,
    D3,
    DIG,
    DUMP,
    E1,
    E2,
    E3,
    LOAD,
    RA,
    TA,
    R,
    T,
    assert_plan,
    task,
)


def test_polite_question_with_ordinal_object(fleet, world):
    assert_plan("Could dump truck #2 please swing by the second obstacle?", fleet, world,
                task("a", T, [D2], ["obstacle2"]))


def test_arrow_shorthand(fleet, world):
    assert_plan("excavator 3 -> rock 2, dig", fleet, world,
                task("a", T, [E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]))


def test_imperative_unload_at_a_place(fleet, world):
    assert_plan("Unload truck 1 at soil 2.", fleet, world,
                task("a", T, [D1], ["soil2"]), task("b", DUMP, [D1], deps=["a"]))


def test_no_longer_avoid_is_allow(fleet, world):
    assert_plan("Dump truck one should no longer avoid puddle 2.", fleet, world, task("a", AL, [D1], ["puddle2"]))


def test_synonyms_for_objects(fleet, world):
    assert_plan("Robot_dump_truck_03 needs to inspect boulder 1 and then pool 2.", fleet, world,
                task("a", T, [D3], ["rock1"]), task("b", T, [D3], ["puddle2"], deps=["a"]))


def test_anchor_clause_first(fleet, world):
    assert_plan("After truck 2 inspects puddle 1, all robots should stay out of puddle 1.", fleet, world,
                task("a", T, [D2], ["puddle1"]), task("b", AVA, objs=["puddle1"], deps=["a"]))


def test_broken_up_then_loads_with_relative_pronoun(fleet, world):
    assert_plan("Dump truck 3 and excavator 1 meet at rock 1. Once the digger has broken up the rock it loads the "
                "truck, which then carries everything to puddle 2 and empties its bed.", fleet, world,
                task("a", T, [D3, E1], ["rock1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", T, [D3], ["puddle2"], deps=["c"]),
                task("e", DUMP, [D3], deps=["d"]))


def test_keep_machines_away_for_the_whole_job(fleet, world):
    assert_plan("Keep every machine away from soil pile 1 for the whole job. Two trucks should inspect obstacle 1 "
                "and afterwards return to base.", fleet, world,
                task("k", AVA, objs=["soil1"]),
                task("a", T, objs=["obstacle1"], types=[("dump_truck", 2)], deps=["k"]),
                task("b", R, types=[("dump_truck", 2)], deps=["a"]))


def test_same_steps_for_others(fleet, world):
    assert_plan("Have all the excavators return to where they started, then the trucks too.", fleet, world,
                task("a", R, types=[("excavator", 3)]), task("b", R, types=[("dump_truck", 3)], deps=["a"]))


def test_unnamed_crew_full_cycle(fleet, world):
    assert_plan("Send an excavator and a dump truck to soil 2. The excavator digs, loads the dump truck, and the "
                "dump truck unloads at rock 1.", fleet, world,
                task("a", T, objs=["soil2"], types=[("excavator", 1), ("dump_truck", 1)]),
                task("b", DIG, types=[("excavator", 1)], deps=["a"]),
                task("c", LOAD, types=[("excavator", 1)], deps=["b"]),
                task("d", T, objs=["rock1"], types=[("dump_truck", 1)], deps=["c"]),
                task("e", DUMP, types=[("dump_truck", 1)], deps=["d"]))


def test_two_sites_then_haul_home(fleet, world):
    assert_plan("Excavator 1 heads to soil 1 and starts digging; meanwhile, truck 3 moves to soil 1 as well. Once "
                "the excavator is done digging and the truck has arrived, the excavator fills it, and the truck "
                "then drives to obstacle 2 to dump.", fleet, world,
                task("a", T, [E1, D3], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                task("c", LOAD, [E1], deps=["b"]), task("d", T, [D3], ["obstacle2"], deps=["c"]),
                task("e", DUMP, [D3], deps=["d"]))


def test_parallel_digs_then_trucks_collect(fleet, world):
    assert_plan("Excavator 2 digs at soil 1 while excavator 3 digs at soil 2. When both are finished, truck 1 "
                "goes to soil 1 to be loaded by excavator 2.", fleet, world,
                task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                task("c", T, [E3], ["soil2"]), task("d", DIG, [E3], deps=["c"]),
                task("e", T, [D1], ["soil1"], deps=["b", "d"]), task("f", LOAD, [E2], deps=["e"]))


def test_everyone_home_at_the_end(fleet, world):
    assert_plan("Truck 2 checks rock 1, excavator 1 checks rock 2. When everything is done, everybody returns "
                "home.", fleet, world,
                task("a", T, [D2], ["rock1"]), task("b", T, [E1], ["rock2"]),
                task("c", "return_to_start_for_all_robots", deps=["a", "b"]))


# -- a second batch of fresh wording: different people, different habits ------------------------------
# Written before the planner was changed for them (see the git history). Each expected plan follows the
# benchmark conventions (bench/data/README.md); choices the README leaves open are noted in a comment.

EXC, TRK = "excavator", "dump_truck"

FRESH = [
    # -- terse, shorthand ------------------------------------------------------------------------------
    pytest.param("truck 2 -> rock 1, then home",
                 [task("a", T, [D2], ["rock1"]), task("b", R, [D2], deps=["a"])], id="terse-arrow-home"),
    pytest.param("Excavator #3: dig at soil #1.",
                 [task("a", T, [E3], ["soil1"]), task("b", DIG, [E3], deps=["a"])], id="hash-numbers"),
    pytest.param("exc 2 to obstacle 1, then rock 2, then back to base",
                 [task("a", T, [E2], ["obstacle1"]), task("b", T, [E2], ["rock2"], deps=["a"]),
                  task("c", R, [E2], deps=["b"])], id="terse-chain"),
    # -- questions and polite requests -------------------------------------------------------------------
    pytest.param("Can you get the second excavator over to obstacle 1?",
                 [task("a", T, [E2], ["obstacle1"])], id="question-ordinal"),
    pytest.param("Could excavator 2 dig at rock 2 and then return home?",
                 [task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]), task("c", R, [E2], deps=["b"])],
                 id="question-chain"),
    pytest.param("Would you mind sending dump truck three over to puddle two?",
                 [task("a", T, [D3], ["puddle2"])], id="question-number-words"),
    # -- number words, ordinals ----------------------------------------------------------------------------
    pytest.param("Dump truck three, head over to rock two and tip your load there.",
                 [task("a", T, [D3], ["rock2"]), task("b", DUMP, [D3], deps=["a"])], id="vocative-your-load"),
    pytest.param("The second truck and the third truck go to obstacle 1 and obstacle 2 respectively.",
                 [task("a", T, [D2], ["obstacle1"]), task("b", T, [D3], ["obstacle2"])], id="ordinals-respectively"),
    pytest.param("Three trucks gather at obstacle 1.",
                 [task("a", T, objs=["obstacle1"], types=[(TRK, 3)])], id="number-word-count"),
    # -- passive --------------------------------------------------------------------------------------------
    pytest.param("Obstacle 2 should be checked by the first truck.",
                 [task("a", T, [D1], ["obstacle2"])], id="passive-check"),
    pytest.param("Puddle 2 must be avoided by excavator 1 and excavator 2.",
                 [task("a", AV, [E1, E2], ["puddle2"])], id="passive-avoid"),
    pytest.param("Soil 2 is to be dug up by excavator 3, and then truck 2 collects the soil there.",
                 [task("a", T, [E3], ["soil2"]), task("b", DIG, [E3], deps=["a"]),
                  task("c", T, [D2], ["soil2"], deps=["b"]), task("d", LOAD, [E3], deps=["c"])],
                 id="passive-dig-then-collect"),
    pytest.param("All robots are allowed back into puddle 1.",
                 [task("a", ALA, objs=["puddle1"])], id="passive-allow-fleet"),
    # -- whole fleet, everybody -----------------------------------------------------------------------------
    pytest.param("Everybody, head to rock 2; after that everybody back to base.",
                 [task("a", TA, objs=["rock2"]), task("b", RA, deps=["a"])], id="everybody-twice"),
    pytest.param("Dump truck 1 inspects soil 2, after which everyone avoids soil 2.",
                 [task("a", T, [D1], ["soil2"]), task("b", AVA, objs=["soil2"], deps=["a"])], id="after-which"),
    pytest.param("Truck 2 checks puddle 2 first; when it's done, let everyone back into puddle 2.",
                 [task("a", T, [D2], ["puddle2"]), task("b", ALA, objs=["puddle2"], deps=["a"])],
                 id="let-everyone-back-in"),
    pytest.param("Everyone meet at obstacle 1. Then excavator 2 goes to soil 2 and truck 3 goes to rock 1.",
                 [task("a", TA, objs=["obstacle1"]), task("b", T, [E2], ["soil2"], deps=["a"]),
                  task("c", T, [D3], ["rock1"], deps=["a"])], id="gather-then-split"),
    pytest.param("Throughout the job, every robot keeps out of rock 1. Truck 1 drives to rock 2 and dumps there.",
                 [task("k", AVA, objs=["rock1"]), task("a", T, [D1], ["rock2"], deps=["k"]),
                  task("b", DUMP, [D1], deps=["a"])], id="throughout-first"),
    # -- specific keep-outs ---------------------------------------------------------------------------------
    pytest.param("Excavators 2 and 3 should avoid obstacle 1, obstacle 2 and puddle 1.",
                 [task("a", AV, [E2, E3], ["obstacle1", "obstacle2", "puddle1"])], id="avoid-list"),
    pytest.param("Truck 3 may drive through obstacle 2 again.",
                 [task("a", AL, [D3], ["obstacle2"])], id="may-again"),
    # -- pronouns: it, they, both of them, you --------------------------------------------------------------
    pytest.param("Excavator 2 drives to rock 2. It digs there. Then it goes back to base.",
                 [task("a", T, [E2], ["rock2"]), task("b", DIG, [E2], deps=["a"]), task("c", R, [E2], deps=["b"])],
                 id="it-across-sentences"),
    pytest.param("Excavator 2 and truck 1 drive to soil 1, then both of them return to start.",
                 [task("a", T, [E2, D1], ["soil1"]), task("b", R, [E2, D1], deps=["a"])], id="both-of-them"),
    pytest.param("Truck 1 goes to rock 1, truck 2 to rock 2, and truck 3 to puddle 1. When all three have "
                 "arrived, they all return home.",
                 [task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["rock2"]), task("c", T, [D3], ["puddle1"]),
                  task("d", R, [D1, D2, D3], deps=["a", "b", "c"])], id="all-three-they-all"),
    pytest.param("Excavator 3, you go to rock 1 and dig. Truck 1, once excavator 3 is done digging, you drive to "
                 "rock 1 and get loaded.",
                 [task("a", T, [E3], ["rock1"]), task("b", DIG, [E3], deps=["a"]),
                  task("c", T, [D1], ["rock1"], deps=["b"]), task("d", LOAD, [E3], deps=["c"])], id="vocative-you"),
    pytest.param("Send two trucks to rock 2 and have them wait. An excavator digs at rock 2 and loads them. "
                 "Afterwards they haul the load to puddle 1 and tip it.",
                 # the excavator's move starts at once for the same place as the trucks': one task (rule 6)
                 [task("a", T, objs=["rock2"], types=[(TRK, 2), (EXC, 1)]),
                  task("b", DIG, types=[(EXC, 1)], deps=["a"]), task("c", LOAD, types=[(EXC, 1)], deps=["b"]),
                  task("d", T, objs=["puddle1"], types=[(TRK, 2)], deps=["c"]),
                  task("e", DUMP, types=[(TRK, 2)], deps=["d"])], id="they-means-the-plural-group"),
    # -- each, the other, the rest, both ----------------------------------------------------------------------
    pytest.param("Trucks 1, 2 and 3 each go to puddle 1.",
                 [task("a", T, [D1], ["puddle1"]), task("b", T, [D2], ["puddle1"]), task("c", T, [D3], ["puddle1"])],
                 id="each-separate"),
    pytest.param("Truck 1 and truck 2 drive to soil 1. Truck 1 goes on to puddle 1, and the other truck returns "
                 "to base.",
                 [task("a", T, [D1, D2], ["soil1"]), task("b", T, [D1], ["puddle1"], deps=["a"]),
                  task("c", R, [D2], deps=["a"])], id="the-other-of-a-pair"),
    pytest.param("One truck goes to rock 1 and another truck goes to rock 2.",
                 [task("a", T, objs=["rock1"], types=[(TRK, 1)]), task("b", T, objs=["rock2"], types=[(TRK, 1)])],
                 id="another-truck"),
    pytest.param("Truck 1 inspects puddle 1. The rest of the trucks return to start.",
                 # "the rest" of a type = a separate group of the robots of that type not used yet (rule 3)
                 [task("a", T, [D1], ["puddle1"]), task("b", R, types=[(TRK, 2)])], id="the-rest-of-the-trucks"),
    pytest.param("Both diggers head to soil 2 and dig.",
                 [task("a", T, objs=["soil2"], types=[(EXC, 2)]), task("b", DIG, types=[(EXC, 2)], deps=["a"])],
                 id="both-type"),
    pytest.param("All trucks drive to puddle 1, then return to start.",
                 [task("a", T, objs=["puddle1"], types=[(TRK, 3)]), task("b", R, types=[(TRK, 3)], deps=["a"])],
                 id="all-trucks"),
    pytest.param("A couple of excavators dig at rock 1 while a truck checks puddle 2.",
                 [task("a", T, objs=["rock1"], types=[(EXC, 2)]), task("b", DIG, types=[(EXC, 2)], deps=["a"]),
                  task("c", T, objs=["puddle2"], types=[(TRK, 1)])], id="couple-while"),
    pytest.param("Return dump truck 2 and excavator 3 to their start positions.",
                 [task("a", R, [D2, E3])], id="return-two-named"),
    # -- ordering words --------------------------------------------------------------------------------------
    pytest.param("Truck 1 should visit puddle 1, puddle 2 and rock 1, in that order.",
                 [task("a", T, [D1], ["puddle1"]), task("b", T, [D1], ["puddle2"], deps=["a"]),
                  task("c", T, [D1], ["rock1"], deps=["b"])], id="in-that-order"),
    pytest.param("Before excavator 1 goes to soil 1, truck 2 should visit soil 1.",
                 [task("a", T, [D2], ["soil1"]), task("b", T, [E1], ["soil1"], deps=["a"])], id="before-first"),
    pytest.param("While excavator 2 digs at soil 2, truck 1 goes to puddle 2.",
                 [task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [D1], ["puddle2"])],
                 id="while-first"),
    # -- numbered lists (the numbering orders the steps) -------------------------------------------------------
    pytest.param("1. Excavator 2 goes to soil 1. 2. Excavator 2 digs there. 3. Truck 3 drives to soil 1. "
                 "4. Excavator 2 loads truck 3. 5. Truck 3 dumps at puddle 2.",
                 [task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                  task("c", T, [D3], ["soil1"], deps=["b"]), task("d", LOAD, [E2], deps=["c"]),
                  task("e", T, [D3], ["puddle2"], deps=["d"]), task("f", DUMP, [D3], deps=["e"])],
                 id="numbered-list"),
    pytest.param("Step 1: all robots avoid puddle 2. Step 2: excavator 3 goes to soil 1 and digs. "
                 "Step 3: everybody returns to start.",
                 [task("k", AVA, objs=["puddle2"]), task("a", T, [E3], ["soil1"], deps=["k"]),
                  task("b", DIG, [E3], deps=["a"]), task("c", RA, deps=["b"])], id="step-list"),
    pytest.param("1) Truck 1 goes to rock 1 2) Truck 2 goes to rock 2 3) Everyone returns to start",
                 [task("a", T, [D1], ["rock1"]), task("b", T, [D2], ["rock2"], deps=["a"]),
                  task("c", RA, deps=["b"])], id="numbered-parens-no-periods"),
    # -- rambling, relative clauses, summaries ------------------------------------------------------------------
    pytest.param("Okay so here's the plan for this morning, nothing fancy: the first excavator should head over "
                 "to soil pile 2 and start digging there, and when it's done I'd like dump truck 2 to come over "
                 "to soil 2 so the excavator can load it up, and then the truck can take everything over to "
                 "obstacle 1 and dump it.",
                 [task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", T, [D2], ["soil2"], deps=["b"]), task("d", LOAD, [E1], deps=["c"]),
                  task("e", T, [D2], ["obstacle1"], deps=["d"]), task("f", DUMP, [D2], deps=["e"])],
                 id="rambling"),
    pytest.param("Excavator 1 digs at soil 2, then loads truck 3, which gets there after visiting obstacle 2.",
                 [task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", T, [D3], ["obstacle2"]), task("d", T, [D3], ["soil2"], deps=["c"]),
                  task("e", LOAD, [E1], deps=["b", "d"])], id="relative-clause-arrival"),
    pytest.param("Two trucks need to move soil from soil 1 to puddle 2. An excavator goes to soil 1 and digs; the "
                 "two trucks drive to soil 1 and are loaded, then they dump at puddle 2.",
                 # the first sentence sums up what the rest spells out: it adds no steps of its own
                 [task("a", T, objs=["soil1"], types=[(EXC, 1), (TRK, 2)]),
                  task("b", DIG, types=[(EXC, 1)], deps=["a"]), task("c", LOAD, types=[(EXC, 1)], deps=["b"]),
                  task("d", T, objs=["puddle2"], types=[(TRK, 2)], deps=["c"]),
                  task("e", DUMP, types=[(TRK, 2)], deps=["d"])], id="summary-sentence"),
    pytest.param("Digger #1 and hauler #3 meet at soil 2. The digger scoops and fills the hauler. The hauler then "
                 "drives to rock 2 and empties its bed.",
                 [task("a", T, [E1, D3], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", LOAD, [E1], deps=["b"]), task("d", T, [D3], ["rock2"], deps=["c"]),
                  task("e", DUMP, [D3], deps=["d"])], id="synonyms-cycle"),
    # -- pairing robots, repeats --------------------------------------------------------------------------------
    pytest.param("Truck 1 serves excavator 2, which digs at soil 2. The truck goes to the excavator's site, gets "
                 "loaded, and dumps at rock 1.",
                 [task("a", T, [E2, D1], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                  task("c", LOAD, [E2], deps=["b"]), task("d", T, [D1], ["rock1"], deps=["c"]),
                  task("e", DUMP, [D1], deps=["d"])], id="serves-excavators-site"),
    pytest.param("Excavator 1 and truck 1 go to soil 1; the excavator digs and loads the truck, and the truck dumps "
                 "at puddle 1. Excavator 2 and truck 2 do the same thing at soil 2.",
                 [task("a", T, [E1, D1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", LOAD, [E1], deps=["b"]), task("d", T, [D1], ["puddle1"], deps=["c"]),
                  task("e", DUMP, [D1], deps=["d"]),
                  task("f", T, [E2, D2], ["soil2"]), task("g", DIG, [E2], deps=["f"]),
                  task("h", LOAD, [E2], deps=["g"]), task("i", T, [D2], ["puddle1"], deps=["h"]),
                  task("j", DUMP, [D2], deps=["i"])], id="same-thing-elsewhere"),
    pytest.param("Truck 2 goes to rock 1 and then to rock 2. Truck 3 does the same.",
                 # both start at once for the same places: one task per step (rule 6)
                 [task("a", T, [D2, D3], ["rock1"]), task("b", T, [D2, D3], ["rock2"], deps=["a"])],
                 id="does-the-same"),
    pytest.param("Excavator 3 and truck 3 drive to rock 1, the excavator digs and loads the truck, and the truck "
                 "tips at obstacle 2. Excavator 1 and truck 2: same deal at rock 2, but the truck tips at puddle 1.",
                 [task("a", T, [E3, D3], ["rock1"]), task("b", DIG, [E3], deps=["a"]),
                  task("c", LOAD, [E3], deps=["b"]), task("d", T, [D3], ["obstacle2"], deps=["c"]),
                  task("e", DUMP, [D3], deps=["d"]),
                  task("f", T, [E1, D2], ["rock2"]), task("g", DIG, [E1], deps=["f"]),
                  task("h", LOAD, [E1], deps=["g"]), task("i", T, [D2], ["puddle1"], deps=["h"]),
                  task("j", DUMP, [D2], deps=["i"])], id="same-deal-but"),
    # -- longer jobs --------------------------------------------------------------------------------------------
    pytest.param("Keep everyone away from both puddles for the whole job. Excavators 1 and 2 go to soil 1 and dig. "
                 "Trucks 1 and 2 go to soil 1 as well; once the digging is done, the excavators load them. Then the "
                 "trucks dump at obstacle 2 and everybody returns to base.",
                 [task("k", AVA, objs=["puddle1", "puddle2"]),
                  task("a", T, [E1, E2, D1, D2], ["soil1"], deps=["k"]), task("b", DIG, [E1, E2], deps=["a"]),
                  task("c", LOAD, [E1, E2], deps=["b"]), task("d", T, [D1, D2], ["obstacle2"], deps=["c"]),
                  task("e", DUMP, [D1, D2], deps=["d"]), task("f", RA, deps=["e"])], id="long-two-crews"),
]


# A third batch, written after the mechanisms above existed but before the planner saw these
# sentences: the same forms in other words, to check that the mechanisms are general.
FRESH += [
    pytest.param("Excavator 3 works with truck 2 at rock 1: they both drive there, the excavator digs and loads its "
                 "partner, and the partner dumps at puddle 2.",
                 [task("a", T, [E3, D2], ["rock1"]), task("b", DIG, [E3], deps=["a"]),
                  task("c", LOAD, [E3], deps=["b"]), task("d", T, [D2], ["puddle2"], deps=["c"]),
                  task("e", DUMP, [D2], deps=["d"])], id="works-with-its-partner"),
    pytest.param("Truck 1 and truck 3 go to obstacle 2; truck 1 then visits puddle 1 while the other truck heads "
                 "home.",
                 [task("a", T, [D1, D3], ["obstacle2"]), task("b", T, [D1], ["puddle1"], deps=["a"]),
                  task("c", R, [D3], deps=["a"])], id="the-other-truck-while"),
    pytest.param("Dump truck 3 has to move the rubble from rock 2 to puddle 1. Excavator 1 breaks up rock 2; truck 3 "
                 "goes to rock 2 once that is done, gets loaded, and dumps at puddle 1.",
                 [task("a", T, [E1], ["rock2"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", T, [D3], ["rock2"], deps=["b"]), task("d", LOAD, [E1], deps=["c"]),
                  task("e", T, [D3], ["puddle1"], deps=["d"]), task("f", DUMP, [D3], deps=["e"])],
                 id="summary-named-truck"),
    pytest.param("Truck 2 drives to puddle 1 and then to rock 2. Truck 1 likewise.",
                 [task("a", T, [D1, D2], ["puddle1"]), task("b", T, [D1, D2], ["rock2"], deps=["a"])],
                 id="likewise"),
    pytest.param("Truck 1 goes to rock 2 and dumps there. The same goes for truck 3.",
                 [task("a", T, [D1, D3], ["rock2"]), task("b", DUMP, [D1, D3], deps=["a"])], id="same-goes-for"),
    pytest.param("Truck 3 is paired with excavator 2. Excavator 2 goes to soil 1 and digs; its truck comes to soil 1 "
                 "and gets loaded once the digging is over.",
                 [task("a", T, [E2], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                  task("c", T, [D3], ["soil1"], deps=["b"]), task("d", LOAD, [E2], deps=["c"])],
                 id="paired-its-truck"),
    pytest.param("Excavator 1 goes to rock 2. Truck 2 comes to excavator 1 and gets loaded after excavator 1 has dug "
                 "there.",
                 [task("a", T, [E1], ["rock2"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", T, [D2], ["rock2"], deps=["b"]), task("d", LOAD, [E1], deps=["c"])],
                 id="come-to-a-robot"),
    pytest.param("Everyone except truck 3 returns to base.",
                 [task("a", R, [E1, E2, E3, D1, D2])], id="everyone-except"),
    pytest.param("All robots gather at obstacle 1, then everybody except excavator 2 returns to start.",
                 [task("a", TA, objs=["obstacle1"]), task("b", R, [E1, E3, D1, D2, D3], deps=["a"])],
                 id="gather-then-all-but-one"),
    pytest.param("Two trucks go to soil 1 and one truck goes to puddle 2. The trucks at soil 1 then return to start.",
                 [task("a", T, objs=["soil1"], types=[(TRK, 2)]), task("b", T, objs=["puddle2"], types=[(TRK, 1)]),
                  task("c", R, types=[(TRK, 2)], deps=["a"])], id="the-trucks-at-a-place"),
    pytest.param("Rock 1 is currently blocked; send truck 2 to rock 2.",
                 [task("a", T, [D2], ["rock2"])], id="state-not-order"),
    pytest.param("Step one: excavator 2 drives to soil 2. Step two: it digs. Step three: truck 1 drives to soil 2 and "
                 "gets loaded.",
                 [task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                  task("c", T, [D1], ["soil2"], deps=["b"]), task("d", LOAD, [E2], deps=["c"])],
                 id="step-number-words"),
    pytest.param("First, truck 3 checks rock 1. Second, excavator 1 goes to rock 1. Finally, both return to base.",
                 [task("a", T, [D3], ["rock1"]), task("b", T, [E1], ["rock1"], deps=["a"]),
                  task("c", R, [D3, E1], deps=["b"])], id="first-second-finally"),
    pytest.param("Before truck 2 dumps at obstacle 1, excavator 3 must inspect obstacle 1.",
                 [task("a", T, [E3], ["obstacle1"]), task("b", T, [D2], ["obstacle1"], deps=["a"]),
                  task("c", DUMP, [D2], deps=["b"])], id="before-dump"),
    pytest.param("Truck 1 stays where it is while truck 2 goes to rock 2.",
                 [task("a", T, [D2], ["rock2"])], id="stays-where-it-is"),
    pytest.param("For the whole operation, keep all machines out of obstacle 1. Excavator 2 goes to soil 2.",
                 [task("k", AVA, objs=["obstacle1"]), task("a", T, [E2], ["soil2"], deps=["k"])],
                 id="for-the-whole-operation"),
    pytest.param("Truck 1 drives to rock 1; once it gets there, close puddle 2 to everybody.",
                 [task("a", T, [D1], ["rock1"]), task("b", AVA, objs=["puddle2"], deps=["a"])],
                 id="close-to-everybody"),
    pytest.param("Reopen obstacle 1 for truck 2 and send it there.",
                 [task("a", AL, [D2], ["obstacle1"]), task("b", T, [D2], ["obstacle1"], deps=["a"])],
                 id="reopen-for-one"),
    pytest.param("Excavators 1 and 2 go to soil 2 while truck 3 goes to rock 1; they then dig there.",
                 [task("a", T, [E1, E2], ["soil2"]), task("b", T, [D3], ["rock1"]),
                  task("c", DIG, [E1, E2], deps=["a"])], id="they-then-dig"),
    pytest.param("Send excavator nr. 3 to puddle #2 and have it come back afterwards.",
                 [task("a", T, [E3], ["puddle2"]), task("b", R, [E3], deps=["a"])], id="nr-and-hash"),
    pytest.param("Can both trucks 1 and 2 please go home?", [task("a", R, [D1, D2])], id="both-named"),
    pytest.param("Excavator 1 and truck 1 go to soil 1. The remaining robots wait at obstacle 2.",
                 [task("a", T, [E1, D1], ["soil1"]), task("b", T, [E2, E3, D2, D3], ["obstacle2"])],
                 id="the-remaining-robots"),
]


# A fourth batch (written before the planner saw them): summaries, "until ... then", remarks,
# exclusions, distributive loading, pairing by assignment, lists of number words.
FRESH += [
    pytest.param("Truck 2 needs to get some gravel from rock 1 over to soil 2. Excavator 3 goes to rock 1 and digs; "
                 "truck 2 joins it there and is loaded. Afterwards the truck drives to soil 2 and tips.",
                 [task("a", T, [E3, D2], ["rock1"]), task("b", DIG, [E3], deps=["a"]),
                  task("c", LOAD, [E3], deps=["b"]), task("d", T, [D2], ["soil2"], deps=["c"]),
                  task("e", DUMP, [D2], deps=["d"])], id="summary-get-over-to"),
    pytest.param("Excavator 1 digs at rock 2. Truck 1 waits at obstacle 2 until the digging is finished, then drives "
                 "to rock 2 to be loaded.",
                 [task("a", T, [E1], ["rock2"]), task("b", DIG, [E1], deps=["a"]), task("c", T, [D1], ["obstacle2"]),
                  task("d", T, [D1], ["rock2"], deps=["b", "c"]), task("e", LOAD, [E1], deps=["d"])],
                 id="wait-until-then"),
    pytest.param("Excavator 2 and truck 3 go to soil 2; the excavator digs and fills the truck. Truck 3 heads to "
                 "puddle 1 once it is full and dumps there.",
                 [task("a", T, [E2, D3], ["soil2"]), task("b", DIG, [E2], deps=["a"]),
                  task("c", LOAD, [E2], deps=["b"]), task("d", T, [D3], ["puddle1"], deps=["c"]),
                  task("e", DUMP, [D3], deps=["d"])], id="once-full-and-dumps"),
    pytest.param("The site is muddy today. Truck 1 goes to rock 2.", [task("a", T, [D1], ["rock2"])],
                 id="remark-then-order"),
    pytest.param("Soil 2 looks dry now, so excavator 3 can dig there.",
                 [task("a", T, [E3], ["soil2"]), task("b", DIG, [E3], deps=["a"])], id="remark-names-the-place"),
    pytest.param("Every robot apart from the excavators returns to base.", [task("a", R, [D1, D2, D3])],
                 id="all-but-a-type"),
    pytest.param("Trucks 1 and 2 go to soil 1. Excavator 1 digs there and loads each truck in turn.",
                 [task("a", T, [E1, D1, D2], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", LOAD, [E1], deps=["b"]), task("d", LOAD, [E1], deps=["c"])], id="loads-each-truck"),
    pytest.param("Truck 2 is assigned to excavator 1, and truck 3 is assigned to excavator 2. Excavators 1 and 2 dig "
                 "at soil 1 and soil 2 respectively. Each truck then goes to its excavator and gets loaded.",
                 [task("a", T, [E1, D2], ["soil1"]), task("b", T, [E2, D3], ["soil2"]),
                  task("c", DIG, [E1], deps=["a"]), task("d", DIG, [E2], deps=["b"]),
                  task("e", LOAD, [E1], deps=["c"]), task("f", LOAD, [E2], deps=["d"])], id="assigned-to"),
    pytest.param("Send trucks one and three to puddle two.", [task("a", T, [D1, D3], ["puddle2"])],
                 id="number-word-list"),
    pytest.param("Excavator 2 heads to obstacle 1, then on to obstacle 2, and finally home.",
                 [task("a", T, [E2], ["obstacle1"]), task("b", T, [E2], ["obstacle2"], deps=["a"]),
                  task("c", R, [E2], deps=["b"])], id="then-on-to-finally-home"),
    pytest.param("Could you have the third truck pick up a load from excavator 1 at soil 2?",
                 [task("a", T, [D3], ["soil2"]), task("b", LOAD, [E1], deps=["a"])], id="pick-up-from"),
    pytest.param("Once truck 1 has dumped at puddle 1, everybody head back.",
                 [task("a", T, [D1], ["puddle1"]), task("b", DUMP, [D1], deps=["a"]),
                  task("c", RA, deps=["b"])], id="once-dumped-head-back"),
    pytest.param("Put a keep-out zone around rock 2 for excavator 3 only, then send excavator 3 to soil 1.",
                 [task("a", AV, [E3], ["rock2"]), task("b", T, [E3], ["soil1"], deps=["a"])],
                 id="keepout-zone-for-one"),
    pytest.param("Whilst dump truck 1 checks rock 2, excavators 2 and 3 go to soil 2; afterwards the pair dig there.",
                 [task("a", T, [D1], ["rock2"]), task("b", T, [E2, E3], ["soil2"]),
                  task("c", DIG, [E2, E3], deps=["b"])], id="whilst-the-pair"),
]


# A fifth batch (written before the planner saw them): per-robot orders, waiting for, last steps,
# robots picked by place, gapped passives.
FRESH += [
    pytest.param("Excavator 1: go to soil 2, dig, then load truck 1 once it arrives. Truck 1: drive to soil 2, then "
                 "take the load to rock 1 and dump it.",
                 # both start at once for soil 2: one task (rule 6)
                 [task("a", T, [E1, D1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                  task("d", LOAD, [E1], deps=["b"]), task("e", T, [D1], ["rock1"], deps=["d"]),
                  task("f", DUMP, [D1], deps=["e"])], id="orders-per-robot"),
    pytest.param("Bring excavator 1 and truck 2 to soil 1, let the excavator dig and fill the truck, then have the "
                 "truck dump at puddle 1.",
                 [task("a", T, [E1, D2], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", LOAD, [E1], deps=["b"]), task("d", T, [D2], ["puddle1"], deps=["c"]),
                  task("e", DUMP, [D2], deps=["d"])], id="bring-let-have"),
    pytest.param("Excavator 2 digs at rock 1 while truck 3 inspects puddle 2. When the digging and the inspection "
                 "are both finished, truck 3 returns home.",
                 [task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]), task("c", T, [D3], ["puddle2"]),
                  task("d", R, [D3], deps=["b", "c"])], id="two-events-finished"),
    pytest.param("Truck 2 waits for excavator 1 to finish digging at soil 1 before driving there to be loaded.",
                 [task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", T, [D2], ["soil1"], deps=["b"]), task("d", LOAD, [E1], deps=["c"])],
                 id="waits-for-before"),
    pytest.param("Truck 1 goes to rock 1 and excavator 1 goes to rock 2. As a last step, all robots return to their "
                 "start positions.",
                 [task("a", T, [D1], ["rock1"]), task("b", T, [E1], ["rock2"]), task("c", RA, deps=["a", "b"])],
                 id="as-a-last-step"),
    pytest.param("Excavators 1 and 2 go to soil 1 and excavator 3 goes to soil 2. The excavators at soil 1 then dig.",
                 [task("a", T, [E1, E2], ["soil1"]), task("b", T, [E3], ["soil2"]),
                  task("c", DIG, [E1, E2], deps=["a"])], id="the-excavators-at"),
    pytest.param("Excavator 3 and truck 1 go to rock 2, then have all of them return to base.",
                 [task("a", T, [E3, D1], ["rock2"]), task("b", R, [E3, D1], deps=["a"])], id="all-of-them"),
    pytest.param("Truck 1 should first check puddle 2, then rock 1, and lastly go home.",
                 [task("a", T, [D1], ["puddle2"]), task("b", T, [D1], ["rock1"], deps=["a"]),
                  task("c", R, [D1], deps=["b"])], id="first-then-lastly"),
    pytest.param("Excavator 2 digs at soil 2; when done, it returns home.",
                 [task("a", T, [E2], ["soil2"]), task("b", DIG, [E2], deps=["a"]), task("c", R, [E2], deps=["b"])],
                 id="when-done"),
    pytest.param("Soil 1 is to be dug by excavator 2 and the material hauled to puddle 1 by truck 3.",
                 [task("a", T, [E2, D3], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                  task("c", LOAD, [E2], deps=["b"]), task("d", T, [D3], ["puddle1"], deps=["c"]),
                  task("e", DUMP, [D3], deps=["d"])], id="gapped-passive-haul"),
]


# A sixth batch (written before the planner saw them): long briefings, shorthand, ordered lists.
FRESH += [
    pytest.param("Alright team, here's what I need. First off, nobody goes near obstacle 2 for the rest of the day. "
                 "Excavator 1, head to soil 1 and start digging. Truck 2, you're with excavator 1: once it has dug, "
                 "get over there and get loaded, then drop the load at rock 2. Excavator 3 and truck 3 do the same at "
                 "soil 2, but truck 3 drops its load at rock 1. When both trucks have dumped, everyone heads home.",
                 [task("k", AVA, objs=["obstacle2"]),
                  task("a", T, [E1], ["soil1"], deps=["k"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", T, [D2], ["soil1"], deps=["b", "k"]), task("d", LOAD, [E1], deps=["c"]),
                  task("e", T, [D2], ["rock2"], deps=["d"]), task("f", DUMP, [D2], deps=["e"]),
                  task("g", T, [E3], ["soil2"], deps=["k"]), task("h", DIG, [E3], deps=["g"]),
                  task("i", T, [D3], ["soil2"], deps=["h", "k"]), task("j", LOAD, [E3], deps=["i"]),
                  task("l", T, [D3], ["rock1"], deps=["j"]), task("m", DUMP, [D3], deps=["l"]),
                  task("n", RA, deps=["f", "m"])], id="briefing-same-structure"),
    pytest.param("ALL: avoid puddle 1. EXC1+TRK1 -> soil 2, dig, load, TRK1 dump @ rock 1. EXC2 -> rock 2, dig. "
                 "After TRK1 dumps: ALL home.",
                 [task("k", AVA, objs=["puddle1"]),
                  task("a", T, [E1, D1], ["soil2"], deps=["k"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", LOAD, [E1], deps=["b"]), task("d", T, [D1], ["rock1"], deps=["c"]),
                  task("e", DUMP, [D1], deps=["d"]),
                  task("f", T, [E2], ["rock2"], deps=["k"]), task("g", DIG, [E2], deps=["f"]),
                  task("h", RA, deps=["e", "g"])], id="ops-shorthand"),
    pytest.param("The following should happen in order: truck 2 visits obstacle 1, truck 3 visits obstacle 2, and "
                 "excavator 1 returns to base.",
                 [task("a", T, [D2], ["obstacle1"]), task("b", T, [D3], ["obstacle2"], deps=["a"]),
                  task("c", R, [E1], deps=["b"])], id="in-order-list"),
    pytest.param("Move the whole fleet to soil 2, then split up: the excavators dig there, the trucks go to puddle 1.",
                 [task("a", TA, objs=["soil2"]), task("b", DIG, types=[(EXC, 3)], deps=["a"]),
                  task("c", T, objs=["puddle1"], types=[(TRK, 3)], deps=["a"])], id="fleet-then-split-up"),
    pytest.param("Truck 3 swings by puddle 2 on its way to rock 1.",
                 [task("a", T, [D3], ["puddle2"]), task("b", T, [D3], ["rock1"], deps=["a"])], id="on-its-way-to"),
    pytest.param("Excavator 1 should dig at soil 1 first and only then go to rock 2.",
                 [task("a", T, [E1], ["soil1"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", T, [E1], ["rock2"], deps=["b"])], id="first-and-only-then"),
    pytest.param("Have truck 2 and truck 3 both return to base once excavator 1 has finished digging at soil 2.",
                 [task("a", T, [E1], ["soil2"]), task("b", DIG, [E1], deps=["a"]),
                  task("c", R, [D2, D3], deps=["b"])], id="both-return-once"),
]


# A seventh batch (written before the planner saw them): everyday L2 phrasings.
FRESH += [
    pytest.param("Excavator 2 goes to soil 1 and truck 1 goes to soil 1 too; after the excavator digs, it loads the "
                 "truck, which then heads to puddle 2 to unload.",
                 [task("a", T, [E2, D1], ["soil1"]), task("b", DIG, [E2], deps=["a"]),
                  task("c", LOAD, [E2], deps=["b"]), task("d", T, [D1], ["puddle2"], deps=["c"]),
                  task("e", DUMP, [D1], deps=["d"])], id="which-then-heads-to-unload"),
    pytest.param("Get dump truck 3 to rock 2 and have excavator 3 meet it there; once they're both there, the "
                 "excavator breaks up the rock and loads the truck.",
                 [task("a", T, [D3, E3], ["rock2"]), task("b", DIG, [E3], deps=["a"]),
                  task("c", LOAD, [E3], deps=["b"])], id="meet-it-there"),
    pytest.param("Trucks 2 and 3: go to obstacle 1 and obstacle 2 respectively, then both come back.",
                 # no join: each comes back after its own visit (as "... and both of them dig" in the benchmark)
                 [task("a", T, [D2], ["obstacle1"]), task("b", T, [D3], ["obstacle2"]),
                  task("c", R, [D2], deps=["a"]), task("d", R, [D3], deps=["b"])], id="respectively-then-both-back"),
    pytest.param("Excavator 1 has to stay away from puddle 2; send it to soil 2 to dig.",
                 [task("a", AV, [E1], ["puddle2"]), task("b", T, [E1], ["soil2"], deps=["a"]),
                  task("c", DIG, [E1], deps=["b"])], id="has-to-avoid-then-dig"),
    pytest.param("Excavator 2 digs at rock 1. Once it is done at rock 1, it should head over to soil 2 and dig there "
                 "as well.",
                 [task("a", T, [E2], ["rock1"]), task("b", DIG, [E2], deps=["a"]),
                  task("c", T, [E2], ["soil2"], deps=["b"]), task("d", DIG, [E2], deps=["c"])],
                 id="done-at-then-elsewhere"),
    pytest.param("Both trucks 1 and 2 should avoid rock 1 while excavator 1 digs there.",
                 [task("a", AV, [D1, D2], ["rock1"]), task("b", T, [E1], ["rock1"]),
                  task("c", DIG, [E1], deps=["b"])], id="avoid-while-digging"),
    pytest.param("Allow truck 3 to enter puddle 1 again, then send it in.",
                 [task("a", AL, [D3], ["puddle1"]), task("b", T, [D3], ["puddle1"], deps=["a"])],
                 id="allow-then-send-in"),
    pytest.param("Truck 1 loads up at soil 2 from excavator 2, then unloads at rock 1.",
                 [task("a", T, [D1], ["soil2"]), task("b", LOAD, [E2], deps=["a"]),
                  task("c", T, [D1], ["rock1"], deps=["b"]), task("d", DUMP, [D1], deps=["c"])],
                 id="loads-up-from"),
]


@pytest.mark.parametrize(("instruction", "expected"), FRESH)
def test_fresh_wording(instruction, expected, fleet, world):
    assert_plan(instruction, fleet, world, *expected)


@pytest.mark.parametrize(("instruction", "needle"), [
    ("Truck 4 goes to rock 1.", "no dump truck 4"),
    ("Excavator 1 goes to the puddle.", "ambiguous"),
    ("Excavator 2 goes to soil 7 and digs.", "no soil 7"),
    ("robot_dump_truc\u212a_01 goes to soil1", "unknown robot"),  # a Kelvin sign is no "k"
    ("Truck 1 goes to soil\uff11.", "ambiguous"),  # a full-width digit is no "1"
    ("Same thing for truck 2.", "no earlier steps"),
    ("Truck 1 goes to its partner's site.", "no robot was paired"),
])
def test_fresh_wording_fails_closed(instruction, needle, fleet, world):
    from dart_planner.llm.errors import PlanningError
    from dart_planner.llm.rules import RulesPlanner

    with pytest.raises(PlanningError, match=needle):
        RulesPlanner().plan(instruction, fleet, world)
