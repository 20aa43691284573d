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
4. "excavator three go check obstacle two, in the meantime trucks one and three head to soil two, when the
   excavator's done inspecting it goes to soil two and digs, ..." was refused ("no robot among truck 1, truck 3 can
   dig"): with no comma, "it" was the object of "inspecting", and "goes ... digs" had no subject but the trucks said
   before. "it" right before a verb in the third person singular ("goes", "digs") opens the main clause.
5. "trucks one and two go to soil two, excavator two goes to soil two and digs, once it's done it loads both trucks
   one after the other" sent the excavator to soil 2 only after the trucks got there: the order mark ordered every
   clause of the sentence, as "..., in that order" does, since "both trucks" (one mention of several robots) was no
   list of its own. A mention of several robots after the verb is such a list (the loadings are ordered); and an
   order mark after a comma that closes a clause listing what it orders ("loads truck one and truck two, in that
   order, then ...") orders that list, where it made one loading and put every clause in a row.
6. "..., then the digger loads it and then it goes home and dumps" sent the excavator home, where it "dumped" into
   no truck (a second loading), and the loaded truck stayed: "it" before a move was read for the robot named first.
   "it" whose clause is a move and then a tipping with no robot after it ("goes home and dumps", "drives to puddle 2
   and tips its load") is the robot that can tip, the truck just loaded; "Then it goes to puddle 2" (no tipping)
   stays the excavator's (test_rules_mends18).
7. "... excavator three loads truck one and then truck three, each truck then dumps at obstacle one" loaded truck 1
   only, and truck 3 drove off to dump with nothing in it: the comma after "then truck three" read "truck three, each
   truck" as one list, and "then" after "each truck" cut the robot from its verb, so "then truck three" was no end of
   a loading run. A comma after a verbless "then <robot>" of a loading ends the run when a clause with its own
   subject follows (also after "and"), and "<robot> then <verb>" there stays one clause.
8. "truck two go to soil one, excavator one dig at soil one, when it's done digging load truck two, then ..." kept
   the order "load truck two" inside the anchor (no comma): the loading was only its condition, made before the
   digging, and the excavator dug a second time ("when done digging load ..." was refused). A verb in its bare form
   right after an anchor's finished step ("done", "dug", "digging") opens the main clause; not after a bare verb
   ("when they go dig").

Every instruction here is written for these tests (none is in the benchmark or the examples); the expected plans
follow the benchmark conventions (bench/data/README.md)."""

from __future__ import annotations

import pytest
from rules_helpers import AL, AV, D1, D2, D3, DIG, DUMP, E1, E2, E3, LOAD, R, T, assert_plan, task

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


# -- finding 4: "when X is done inspecting it goes ...": "it" opens the main clause ----------------------------------

_CHECK = "excavator three go check obstacle two, in the meantime trucks one and three head to soil two, "


@pytest.mark.parametrize("anchor", [
    "when the excavator's done inspecting it goes to soil two and digs",
    "once excavator three is done checking it goes to soil two and digs",
    "when the digger has finished inspecting it heads to soil two and digs",
])
def test_it_before_a_finite_verb_opens_the_main_clause(fleet, world, anchor):
    assert_plan(_CHECK + anchor + ", then it loads truck one first and then truck three, afterwards both trucks go "
                "back to start", fleet, world,
                task("c", T, [E3], ["obstacle2"]), task("t", T, [D1, D3], ["soil2"]),
                task("m", T, [E3], ["soil2"], deps=["c"]), task("d", DIG, [E3], deps=["m"]),
                task("l1", LOAD, [E3], deps=["d", "t"]), task("l2", LOAD, [E3], deps=["l1"]),
                task("r", R, [D1, D3], deps=["l2"]))


# -- finding 5: "loads both trucks one after the other" orders the loadings, not the sentence -------------------------


@pytest.mark.parametrize("loading", [
    "it loads both trucks one after the other",
    "it loads both trucks, one after the other,",
    "it loads them in turn",
    "it loads truck one and truck two, in that order,",
])
def test_an_ordered_loading_of_several_trucks(fleet, world, loading):
    assert_plan("trucks one and two go to soil two, excavator two goes to soil two and digs, once it's done "
                + loading + " then the two trucks go back to start", fleet, world,
                task("m", T, [D1, D2, E2], ["soil2"]), task("d", DIG, [E2], deps=["m"]),
                task("l1", LOAD, [E2], deps=["d"]), task("l2", LOAD, [E2], deps=["l1"]),
                task("r", R, [D1, D2], deps=["l2"]))


# -- finding 6: "X loads it and then it goes home and dumps": "it" is the loaded truck --------------------------------

_PICKUP = "truck one goes to soil one and excavator one digs at soil one, then "


@pytest.mark.parametrize("text", [
    _PICKUP + "the digger loads it and then it goes home and dumps",
    _PICKUP + "excavator one loads truck one and then it goes back to base and unloads",
    "ok so excavator one check puddle two, truck one check puddle one, and once excavator one is done it goes to soil "
    "one and digs, when the truck's done inspecting it goes to soil one, then the digger loads it and then it goes "
    "home and dumps",
])
def test_it_that_goes_home_and_dumps_is_the_loaded_truck(fleet, world, text):
    checks = text.startswith("ok so")
    pre = ([task("c1", T, [E1], ["puddle2"]), task("c2", T, [D1], ["puddle1"]),
            task("m1", T, [E1], ["soil1"], deps=["c1"]), task("m2", T, [D1], ["soil1"], deps=["c2"])] if checks
           else [task("m1", T, [D1, E1], ["soil1"])])
    assert_plan(text, fleet, world, *pre,
                task("d", DIG, [E1], deps=["m1"]), task("l", LOAD, [E1], deps=["d", "m2"] if checks else ["d"]),
                task("r", R, [D1], deps=["l"]), task("u", DUMP, [D1], deps=["r"]))


# -- finding 7: "loads truck one and then truck three, each truck then dumps ...": two loadings ---------------------


@pytest.mark.parametrize("tail", [
    "each truck then dumps at obstacle one",
    "and each truck then dumps at obstacle one",
])
def test_a_loading_run_ended_by_each_truck_then(fleet, world, tail):
    assert_plan("ok so excavator three goes to rock two and breaks it up, truck one and truck three go there too, once "
                "the rock's broken up excavator three loads truck one and then truck three, " + tail, fleet, world,
                task("m", T, [E3, D1, D3], ["rock2"]), task("d", DIG, [E3], deps=["m"]),
                task("l1", LOAD, [E3], deps=["d"]), task("l3", LOAD, [E3], deps=["l1"]),
                task("g1", T, [D1], ["obstacle1"], deps=["l1"]), task("g3", T, [D3], ["obstacle1"], deps=["l3"]),
                task("u1", DUMP, [D1], deps=["g1"]), task("u3", DUMP, [D3], deps=["g3"]))


def test_a_loading_run_ended_by_both_trucks_then(fleet, world):
    assert_plan("Excavator 3 digs at rock 2. Trucks 1 and 3 go to rock 2. Excavator 3 loads truck 1 and then truck 3, "
                "both trucks then dump at obstacle 1.", fleet, world,
                task("m", T, [E3, D1, D3], ["rock2"]), task("d", DIG, [E3], deps=["m"]),
                task("l1", LOAD, [E3], deps=["d"]), task("l3", LOAD, [E3], deps=["l1"]),
                task("g", T, [D1, D3], ["obstacle1"], deps=["l3"]), task("u", DUMP, [D1, D3], deps=["g"]))


# -- finding 8: "when it's done digging load truck two": the order opens the main clause ----------------------------

_DIG_THEN = "truck two go to soil one, excavator one dig at soil one, "


@pytest.mark.parametrize("anchor", [
    "when it's done digging load truck two",
    "when it's done load truck two",
    "once it has dug load truck two",
    "when done digging load truck two",
])
def test_a_bare_order_after_a_finished_step(fleet, world, anchor):
    assert_plan("ok so " + _DIG_THEN + anchor + ", then truck two go dump it at puddle one", fleet, world,
                task("m", T, [D2, E1], ["soil1"]), task("d", DIG, [E1], deps=["m"]),
                task("l", LOAD, [E1], deps=["d"]), task("g", T, [D2], ["puddle1"], deps=["l"]),
                task("u", DUMP, [D2], deps=["g"]))
